import AtomicOutput
import Catalogue
import Diagnostics
import FeedWriter
import Foundation
import MediaProbe

/// `podium chapters`: one episode's chapters in any dialect, and written into its media file for
/// the apps that read only embedded chapters (docs/catalogue.md, Chapters).
public struct EpisodeChapters: Sendable {
  /// Why nothing was written, in the producer's terms.
  public struct Failure: Error, CustomStringConvertible, Equatable {
    public let description: String

    init(_ description: String) { self.description = description }
  }

  /// What `--embed` did.
  public struct Embedded: Sendable, Equatable {
    /// The media file, relative to the catalogue.
    public var media: String
    public var chapters: Int
    public var oldLength: Int64
    public var newLength: Int64
    /// Whether the front matter's `media.length` was rewritten (it was declared, and differed).
    public var lengthUpdated: Bool
  }

  public let catalogueURL: URL
  public let outputURL: URL

  public init(catalogueURL: URL, outputURL: URL) {
    self.catalogueURL = catalogueURL
    self.outputURL = outputURL
  }

  /// The episode named by its file (as a path, relative to the catalogue, or its name with or
  /// without `.md`), with its show.
  public func find(_ name: String) throws(Failure) -> (show: Show, episode: Episode) {
    let found = try load(name)
    return (found.show, found.episode)
  }

  private func load(_ name: String) throws(Failure) -> (catalogue: Catalogue, findings: [Finding], show: Show, episode: Episode) {
    let result = CatalogueLoader(root: catalogueURL).load()
    guard let catalogue = result.catalogue else {
      throw Failure("the catalogue at \(catalogueURL.path) can't be read; run podium validate")
    }
    let given = URL(fileURLWithPath: name).standardizedFileURL.path
    for show in catalogue.shows {
      for episode in show.episodes {
        let path = catalogueURL.appendingPathComponent(episode.file).standardizedFileURL.path
        if [episode.file, episode.fileBase, episode.fileBase + ".md"].contains(name) || path == given {
          return (catalogue, result.findings, show, episode)
        }
      }
    }
    throw Failure("no episode '\(name)' in the catalogue; name its file, such as gesprekken/2024-03-14-de-buurt-beslist.md")
  }

  /// The episode's chapters as a file of `format`.
  public func render(_ name: String, format: ChapterDialects.Format) throws -> Data {
    let (show, episode) = try find(name)
    guard !episode.chapters.isEmpty else { throw Failure("\(episode.file) has no chapters, in its front matter or its media file") }
    return try ChapterDialects.document(episode, show: show, format: format)
  }

  /// Writes the catalogue's chapters into the episode's local MP3 or MP4 file, then its new size
  /// into the front matter's `media.length` when that is declared.
  ///
  /// - Parameter allowEnclosureChange: rewrite a file that the publication record says was
  ///   published; apps that have it may download it again.
  public func embed(_ name: String, allowEnclosureChange: Bool = false) throws(Failure) -> Embedded {
    let (catalogue, findings, show, episode) = try load(name)
    guard let media = episode.media, case .local(let path) = media.reference else {
      throw Failure("\(episode.file): the media is not a file in the show folder, so Podium can't write chapters into it")
    }
    let chapters = ChapterDialects.spans(episode)
    guard !chapters.isEmpty, episode.chapters.first?.origin == .frontMatter else {
      throw Failure(episode.chapters.isEmpty
        ? "\(episode.file) has no chapters: write them under chapters: in its front matter first"
        : "\(episode.file)'s chapters already come from its media file; there is nothing to write")
    }
    let problems = findings.filter {
      $0.ruleID.hasPrefix("P20-CHAP") && $0.location?.file == episode.file
    }
    if let problem = problems.first { throw Failure("\(problem): fix the chapters before writing them into the media") }
    if !allowEnclosureChange, let record = try? PublicationRecord.decode(
      Data(contentsOf: outputURL.appendingPathComponent(PublicationRecord.path))),
      record.shows[show.slug]?.episodes[episode.guid] != nil
    {
      throw Failure(
        "\(episode.file) is already published (\(outputURL.lastPathComponent)/\(PublicationRecord.path)): apps that downloaded "
          + "its media keep the old file, and some download it again when it changes; pass --allow-enclosure-change to write it anyway")
    }
    let file = catalogue.fileURL(for: path, in: show)
    let marks = chapters.map { ChapterEmbedder.Mark(start: $0.chapter.start, end: $0.end, title: $0.chapter.title) }
    let newLength: Int64
    do throws(ChapterEmbedder.Refusal) {
      newLength = try ChapterEmbedder.embed(marks, into: file.path)
    } catch {
      throw Failure("\(show.slug)/\(path): \(error.description); the file was left as it was")
    }
    var result = Embedded(
      media: "\(show.slug)/\(path)", chapters: marks.count, oldLength: media.length, newLength: newLength, lengthUpdated: false)
    if let line = episode.lines["media.length"] {
      result.lengthUpdated = try updateLength(
        in: catalogueURL.appendingPathComponent(episode.file), line: line, to: newLength, episode: episode)
    }
    return result
  }

  /// Rewrites the number on the `length:` line of the front matter, keeping every other byte;
  /// a line that already says `length` is left alone. Returns whether it was rewritten.
  private func updateLength(in url: URL, line: Int, to length: Int64, episode: Episode) throws(Failure) -> Bool {
    let failure = Failure(
      "\(episode.file):\(line): the media now has \(length) bytes, but its length: line could not be rewritten; write length: \(length)")
    guard let data = try? Data(contentsOf: url) else { throw failure }
    var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Array($0) }
    guard line >= 1, line <= lines.count else { throw failure }
    let text = String(decoding: lines[line - 1], as: UTF8.self)
    guard let match = text.firstMatch(of: /^(\s*length:\s*)(\d+)(.*)$/) else { throw failure }
    guard Int64(match.2) != length else { return false }
    lines[line - 1] = Array("\(match.1)\(length)\(match.3)".utf8)
    do {
      try AtomicFile.write(Data(lines.joined(separator: [UInt8(ascii: "\n")])), to: url)
    } catch {
      throw failure
    }
    return true
  }
}
