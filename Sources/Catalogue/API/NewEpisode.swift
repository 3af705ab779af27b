import AtomicOutput
import Foundation
import Identifiers
import MediaProbe
import PodcastVocabulary

/// `podium add` as a library call: makes an episode file from a media file or URL, with a new
/// permanent GUID and everything that can be known without asking.
public struct NewEpisode: Sendable {
  public var show: String
  /// A local file (copied into the show's `media/` unless it is already in the show folder), an
  /// https URL, or a YouTube or Vimeo video (written as `external:`; video shows only).
  public var media: String
  public var title: String
  public var date: Timestamp
  public var slug: String?
  public var duration: Int?
  public var length: Int64?
  public var type: String?
  public var season: Int?
  public var number: Int?
  public var draft: Bool
  /// A local image, the video's still: copied into the show's `posters/` unless it is already in
  /// the show folder.
  public var poster: String?

  public init(show: String, media: String, title: String, date: Timestamp) {
    self.show = show
    self.media = media
    self.title = title
    self.date = date
    self.draft = false
  }

  /// What `add` did.
  public struct Result: Sendable {
    /// The new episode file.
    public var file: URL
    public var guid: String
    /// Where the media file was copied to, when it was.
    public var copiedMedia: URL?
    /// Where the poster was copied to, when it was.
    public var copiedPoster: URL?
  }

  public enum Problem: Error, Sendable, CustomStringConvertible {
    case unknownShow(String, known: [String])
    case mediaNotFound(String)
    case posterNotFound(String)
    case insecureURL(String)
    case missing(String)
    case exists(String)
    case externalNeedsVideoShow(String)

    public var description: String {
      switch self {
      case .unknownShow(let show, let known):
        "there is no show '\(show)' in the catalogue (shows: \(known.joined(separator: ", ")))"
      case .mediaNotFound(let path): "media file '\(path)' does not exist"
      case .posterNotFound(let path): "poster '\(path)' does not exist"
      case .insecureURL(let url): "'\(url)' is not an https URL; podcast apps need https"
      case .missing(let what): "\(what) is needed: it can't be read from the media; pass it as an option"
      case .exists(let path): "\(path) already exists; choose another --slug"
      case .externalNeedsVideoShow(let show):
        "a YouTube or Vimeo video goes in a video show (medium: video), and '\(show)' is a podcast; add the audio file instead"
      }
    }
  }

  /// Writes the episode file (and copies the media), never overwriting anything.
  public func create(in catalogue: Catalogue) throws -> Result {
    guard let show = catalogue.shows.first(where: { $0.slug == self.show }) else {
      throw Problem.unknownShow(self.show, known: catalogue.shows.map(\.slug))
    }
    let showFolder = catalogue.root.appendingPathComponent(show.slug)
    let slug = self.slug ?? Slug.make(title)
    let base = "\(date.localDate)-\(slug)"
    let file = showFolder.appendingPathComponent("\(base).md")
    if FileManager.default.fileExists(atPath: file.path) { throw Problem.exists(file.path) }

    var copies = Copies()
    let posterPath = try poster.map { try copies.place($0, in: showFolder, as: "posters/\(base)") }
    let media: Media
    do {
      media = try self.media(show: show, showFolder: showFolder, base: base, copies: &copies)
    } catch {
      copies.undo()
      throw error
    }
    let guid = EpisodeGUID.make()
    let numbers = nextNumbers(in: show)
    do {
      let text = try frontMatter(
        guid: guid, media: media, poster: posterPath, season: season ?? numbers.season, number: number ?? numbers.number)
      try AtomicFile.write(Data(text.utf8), to: file, createOnly: true)
    } catch {
      copies.undo()
      throw error
    }
    return Result(file: file, guid: guid, copiedMedia: copies.media, copiedPoster: copies.poster)
  }

  /// What the front matter says about the media: a file, or a video on YouTube or Vimeo.
  private enum Media {
    case file(path: String, length: Int64, type: String, duration: Int, chapters: [MediaChapter])
    case external(url: String, duration: Int)
  }

  private func media(show: Show, showFolder: URL, base: String, copies: inout Copies) throws -> Media {
    if ExternalVideo.parse(media, duration: 0) != nil {
      guard show.medium == .video else { throw Problem.externalNeedsVideoShow(show.slug) }
      guard let duration, duration > 0 else { throw Problem.missing("--duration (in seconds or H:MM:SS)") }
      return .external(url: media, duration: duration)
    }
    var mediaPath = media
    var size = length
    var probe: MediaInfo?
    if media.lowercased().hasPrefix("http://") || media.lowercased().hasPrefix("https://") {
      guard media.hasPrefix("https://") else { throw Problem.insecureURL(media) }
      guard size != nil else { throw Problem.missing("--length (the file size in bytes)") }
    } else {
      let source = URL(fileURLWithPath: media).standardizedFileURL
      guard let bytes = Self.fileSize(source) else { throw Problem.mediaNotFound(media) }
      size = bytes
      probe = MediaProbe().probe(path: source.path)
      mediaPath = try copies.place(media, in: showFolder, as: "media/\(base)", isMedia: true)
    }
    let ext = mediaPath.split(separator: "/").last?.split(separator: ".").last.map { String($0) } ?? ""
    guard let type = type ?? probe?.mimeType ?? MediaTypes.type(forExtension: ext) else {
      throw Problem.missing("--type (the MIME type)")
    }
    guard let duration = duration ?? probe?.duration.map({ Int($0.rounded()) }), duration > 0 else {
      throw Problem.missing("--duration (in seconds or H:MM:SS)")
    }
    return .file(path: mediaPath, length: size ?? 0, type: type, duration: duration, chapters: probe?.chapters ?? [])
  }

  /// Files copied into the show folder, so a failed `add` can take them back.
  private struct Copies {
    var media: URL?
    var poster: URL?

    /// The path of `file` in the show folder: as it is when it is already there, else copied to
    /// `target` plus its extension.
    mutating func place(_ file: String, in showFolder: URL, as target: String, isMedia: Bool = false) throws -> String {
      let source = URL(fileURLWithPath: file).standardizedFileURL
      guard FileManager.default.fileExists(atPath: source.path) else {
        throw isMedia ? Problem.mediaNotFound(file) : Problem.posterNotFound(file)
      }
      let root = showFolder.standardizedFileURL.path + "/"
      if source.path.hasPrefix(root) { return String(source.path.dropFirst(root.count)) }
      let path = "\(target).\(source.pathExtension.lowercased())"
      let destination = showFolder.appendingPathComponent(path)
      if FileManager.default.fileExists(atPath: destination.path) { throw Problem.exists(destination.path) }
      try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
      try FileManager.default.copyItem(at: source, to: destination)
      if isMedia { media = destination } else { poster = destination }
      return path
    }

    func undo() {
      for copy in [media, poster].compactMap({ $0 }) { try? FileManager.default.removeItem(at: copy) }
    }
  }

  private func nextNumbers(in show: Show) -> (season: Int?, number: Int?) {
    let season = show.episodes.compactMap(\.season).max()
    let numbers = show.episodes.filter { $0.season == season }.compactMap(\.number)
    guard !numbers.isEmpty || show.type == .serial else { return (season, nil) }
    return (season, (numbers.max() ?? 0) + 1)
  }

  private func frontMatter(guid: String, media: Media, poster: String?, season: Int?, number: Int?) throws -> String {
    var pairs: [(String, YAMLEmitter.Value)] = [
      ("title", .text(title)), ("date", .text(date.iso8601)), ("guid", .text(guid)),
    ]
    if let season { pairs.append(("season", .text(String(season)))) }
    if let number { pairs.append(("episode", .text(String(number)))) }
    if let poster { pairs.append(("poster", .text(poster))) }
    let chapters: [MediaChapter]
    switch media {
    case .file(let path, let length, let type, let duration, let embedded):
      pairs.append(("media", .mapping([
        ("url", .text(path)), ("length", .text(String(length))), ("type", .text(type)),
        ("duration", .text(String(duration))),
      ])))
      chapters = embedded
    case .external(let url, let duration):
      pairs.append(("external", .mapping([("url", .text(url)), ("duration", .text(String(duration)))])))
      chapters = []
    }
    // Chapters embedded in the file (ID3 CHAP, MP4 chapter tracks) become the episode's chapters.
    let imported: [YAMLEmitter.Value] = chapters.enumerated().map { index, chapter in
      let start = (chapter.start * 1000).rounded() / 1000
      let startText = start == start.rounded() ? String(Int(start)) : String(start)
      return .mapping([("start", .text(startText)), ("title", .text(chapter.title ?? "Chapter \(index + 1)"))])
    }
    if !imported.isEmpty { pairs.append(("chapters", .list(imported))) }
    if draft { pairs.append(("draft", .text("true"))) }
    let yaml = try YAMLEmitter.yaml(pairs)
    return "---\n\(yaml)---\n\n"
  }

  /// A title to suggest for a media file: its own title tag, or its file name in words.
  public static func suggestedTitle(for media: String) -> String {
    if !media.hasPrefix("https://"), let title = MediaProbe().probe(path: media).tags["title"], !title.isEmpty {
      return title
    }
    let name = media.split(separator: "/").last.map(String.init) ?? media
    let base = name.split(separator: ".").first.map(String.init) ?? name
    return base.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
  }

  static func fileSize(_ url: URL) -> Int64? {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
      attributes[.type] as? FileAttributeType == .typeRegular, let size = attributes[.size] as? NSNumber
    else { return nil }
    return size.int64Value
  }
}
