import AtomicOutput
import Foundation
import Identifiers
import MediaProbe
import PodcastVocabulary
import Yams

/// `podium add` as a library call: makes an episode file from a media file or URL, with a new
/// permanent GUID and everything that can be known without asking.
public struct NewEpisode: Sendable {
  public var show: String
  /// A local file (copied into the show's `media/` unless it is already in the show folder) or an https URL.
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
  }

  public enum Problem: Error, Sendable, CustomStringConvertible {
    case unknownShow(String, known: [String])
    case mediaNotFound(String)
    case insecureURL(String)
    case missing(String)
    case exists(String)

    public var description: String {
      switch self {
      case .unknownShow(let show, let known):
        "there is no show '\(show)' in the catalogue (shows: \(known.joined(separator: ", ")))"
      case .mediaNotFound(let path): "media file '\(path)' does not exist"
      case .insecureURL(let url): "'\(url)' is not an https URL; podcast apps need https"
      case .missing(let what): "\(what) is needed: it can't be read from the media; pass it as an option"
      case .exists(let path): "\(path) already exists; choose another --slug"
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

    var mediaPath = media
    var size = length
    var copied: URL?
    var probe: MediaInfo?
    if media.lowercased().hasPrefix("http://") || media.lowercased().hasPrefix("https://") {
      guard media.hasPrefix("https://") else { throw Problem.insecureURL(media) }
      guard size != nil else { throw Problem.missing("--length (the file size in bytes)") }
    } else {
      let source = URL(fileURLWithPath: media).standardizedFileURL
      guard let bytes = Self.fileSize(source) else { throw Problem.mediaNotFound(media) }
      size = bytes
      probe = MediaProbe().probe(path: source.path)
      let root = showFolder.standardizedFileURL.path + "/"
      if source.path.hasPrefix(root) {
        mediaPath = String(source.path.dropFirst(root.count))
      } else {
        mediaPath = "media/\(base).\(source.pathExtension.lowercased())"
        let target = showFolder.appendingPathComponent(mediaPath)
        if FileManager.default.fileExists(atPath: target.path) { throw Problem.exists(target.path) }
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: source, to: target)
        copied = target
      }
    }
    let ext = mediaPath.split(separator: "/").last?.split(separator: ".").last.map { String($0) } ?? ""
    guard let type = type ?? probe?.mimeType ?? MediaTypes.type(forExtension: ext) else {
      throw Problem.missing("--type (the MIME type)")
    }
    guard let duration = duration ?? probe?.duration.map({ Int($0.rounded()) }), duration > 0 else {
      throw Problem.missing("--duration (in seconds or H:MM:SS)")
    }
    let guid = EpisodeGUID.make()
    let numbers = nextNumbers(in: show)
    let text = try frontMatter(
      guid: guid, mediaPath: mediaPath, length: size ?? 0, type: type, duration: duration,
      season: season ?? numbers.season, number: number ?? numbers.number, chapters: probe?.chapters ?? [])
    do {
      try AtomicFile.write(Data(text.utf8), to: file, createOnly: true)
    } catch {
      if let copied { try? FileManager.default.removeItem(at: copied) }
      throw error
    }
    return Result(file: file, guid: guid, copiedMedia: copied)
  }

  private func nextNumbers(in show: Show) -> (season: Int?, number: Int?) {
    let season = show.episodes.compactMap(\.season).max()
    let numbers = show.episodes.filter { $0.season == season }.compactMap(\.number)
    guard !numbers.isEmpty || show.type == .serial else { return (season, nil) }
    return (season, (numbers.max() ?? 0) + 1)
  }

  private func frontMatter(guid: String, mediaPath: String, length: Int64, type: String, duration: Int,
                           season: Int?, number: Int?, chapters: [MediaChapter]) throws -> String {
    var pairs: [(Node, Node)] = [
      ("title", Node(title)), ("date", Node(date.iso8601)), ("guid", Node(guid)),
    ]
    if let season { pairs.append(("season", Node(String(season)))) }
    if let number { pairs.append(("episode", Node(String(number)))) }
    let media: [(Node, Node)] = [
      ("url", Node(mediaPath)), ("length", Node(String(length))), ("type", Node(type)),
      ("duration", Node(String(duration))),
    ]
    pairs.append(("media", Node.mapping(Node.Mapping(media))))
    // Chapters embedded in the file (ID3 CHAP, MP4 chapter tracks) become the episode's chapters.
    let imported: [Node] = chapters.enumerated().map { index, chapter in
      let start = (chapter.start * 1000).rounded() / 1000
      let startText = start == start.rounded() ? String(Int(start)) : String(start)
      return .mapping(Node.Mapping([
        ("start", Node(startText)), ("title", Node(chapter.title ?? "Chapter \(index + 1)")),
      ]))
    }
    if !imported.isEmpty { pairs.append(("chapters", .sequence(Node.Sequence(imported)))) }
    if draft { pairs.append(("draft", Node("true"))) }
    let yaml = try Yams.serialize(node: .mapping(Node.Mapping(pairs)), allowUnicode: true)
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
