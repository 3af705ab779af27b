import MediaProbe

/// A chapter mark: from the episode's front matter, or, when it has none, from the media file
/// itself (ID3 CHAP/CTOC, MP4 chapters). Written in every dialect apps read (docs/catalogue.md).
public struct Chapter: Sendable, Hashable, Codable {
  /// Where the chapters came from, so findings and `podium chapters --embed` can say so.
  public enum Origin: String, Sendable, Hashable, Codable {
    case frontMatter = "front matter"
    case media = "media file"
  }

  /// Seconds from the start.
  public var start: Double
  /// Empty for a chapter in the media file that has none (P20-CHAP-TITLE reports it).
  public var title: String
  public var url: String?
  public var img: String?
  /// `false` hides the chapter from the table of contents.
  public var toc: Bool
  /// Line in the episode file, for findings: the chapter's own, or `media.url`'s for a media file's.
  public var line: Int
  public var origin: Origin

  public init(
    start: Double, title: String, url: String? = nil, img: String? = nil, toc: Bool = true, line: Int = 0,
    origin: Origin = .frontMatter
  ) {
    self.start = start
    self.title = title
    self.url = url
    self.img = img
    self.toc = toc
    self.line = line
    self.origin = origin
  }

  /// The chapters a media file holds, as the catalogue's, in the file's order; findings point at `line`.
  public static func embedded(in probe: MediaInfo, line: Int) -> [Chapter] {
    probe.chapters.map { Chapter(start: $0.start, title: $0.title ?? "", line: line, origin: .media) }
  }

  /// The chapters a table of contents lists: all but those marked `toc: false`, which Podcasting
  /// 2.0 JSON keeps for a picture or link that changes within a chapter. The other dialects
  /// (Podlove Simple Chapters, WebVTT, ID3, description timestamps) have only a table of contents.
  public static func listed(_ chapters: [Chapter]) -> [Chapter] { chapters.filter(\.toc) }
}
