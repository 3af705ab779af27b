/// One episode: front matter and show notes from `<YYYY-MM-DD>-<slug>.md`.
public struct Episode: Sendable, Hashable {
  /// Path relative to the catalogue, for findings.
  public var file: String
  /// The file name without date and extension; names the chapters file.
  public var slug: String
  public var title: String
  public var date: Timestamp
  public var guid: String
  public var season: Int?
  public var number: Int?
  public var type: EpisodeType
  public var explicit: Bool?
  /// The audio or video file; `nil` only for a video that lives on YouTube or Vimeo alone,
  /// which the video index shows but a podcast feed can't carry.
  public var media: Enclosure?
  /// The same video on YouTube or Vimeo, or the only copy of it.
  public var external: ExternalVideo?
  /// Other renditions of the media: WebM, HLS, an audio-only version.
  public var alternates: [AlternateEnclosure]
  public var summary: String?
  public var artwork: MediaReference?
  /// A still in the video's own aspect ratio, for video surfaces (`podcast:image purpose="poster"`).
  public var poster: Poster?
  public var link: String?
  public var transcripts: [Transcript]
  public var chapters: [Chapter]
  /// `nil` means the show's persons apply.
  public var persons: [Person]?
  public var themes: [String]
  public var tags: [String]
  public var location: Location?
  public var license: License?
  public var funding: [Funding]
  public var block: Bool
  public var draft: Bool
  /// The Markdown after the front matter.
  public var notes: String
  /// The file line where the notes start.
  public var notesLine: Int
  /// Line of each key in the file, for findings (`"media.url"` → 9).
  public var lines: [String: Int]

  public init(file: String, slug: String, title: String, date: Timestamp, guid: String, media: Enclosure?) {
    self.file = file
    self.slug = slug
    self.title = title
    self.date = date
    self.guid = guid
    self.type = .full
    self.media = media
    self.alternates = []
    self.transcripts = []
    self.chapters = []
    self.themes = []
    self.tags = []
    self.funding = []
    self.block = false
    self.draft = false
    self.notes = ""
    self.notesLine = 1
    self.lines = [:]
  }

  /// The file's name without `.md` (`2024-03-14-de-buurt-beslist`): unique within a show, so it
  /// names the episode's output files.
  public var fileBase: String {
    let name = file.split(separator: "/").last.map(String.init) ?? slug
    return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
  }

  /// Whole seconds of the media, or of the external video when there is no file.
  public var duration: Int { media?.duration ?? external?.duration ?? 0 }

  /// The still a video surface shows: the poster, or else the episode's or the show's artwork.
  public func posterReference(in show: Show) -> MediaReference { poster?.reference ?? artwork ?? show.artwork }

  /// Draft, scheduled (dated after `now`) or published.
  public func status(at now: Timestamp) -> EpisodeStatus {
    if draft { return .draft }
    return date > now ? .scheduled : .published
  }
}
