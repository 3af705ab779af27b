/// One episode: front matter and show notes from `<YYYY-MM-DD>-<slug>.md`.
///
/// A plain value: a new field is one stored property here (a nested value for a group of them),
/// read where the reader fills it, and it is compared, hashed and encoded with the rest.
public struct Episode: Sendable, Hashable, Codable {
  /// Path relative to the catalogue, for findings.
  public var file: String
  /// The file name without date and extension; names the chapters file.
  public var slug: String
  public var title: String
  public var date: Timestamp
  public var guid: String
  /// `guid_is_permalink: true`: the GUID is the episode's permanent web address, written
  /// `isPermaLink="true"` as the feed it came from had it (RSS 2.0,
  /// https://www.rssboard.org/rss-specification#ltguidgtSubelementOfLtitemgt); otherwise `false`.
  public var guidIsPermaLink = false
  public var season: Int? = nil
  public var number: Int? = nil
  public var type: EpisodeType = .full
  public var explicit: Bool? = nil
  /// The audio or video file; `nil` only for a video that lives on YouTube or Vimeo alone,
  /// which the video index shows but a podcast feed can't carry.
  public var media: Enclosure?
  /// The same video on YouTube or Vimeo, or the only copy of it.
  public var external: ExternalVideo? = nil
  /// Other renditions of the media: WebM, HLS, an audio-only version.
  public var alternates: [AlternateEnclosure] = []
  public var summary: String? = nil
  public var artwork: MediaReference? = nil
  /// A still in the video's own aspect ratio, for video surfaces (`podcast:image purpose="poster"`).
  public var poster: Poster? = nil
  public var link: String? = nil
  public var transcripts: [Transcript] = []
  public var chapters: [Chapter] = []
  /// `nil` means the show's persons apply.
  public var persons: [Person]? = nil
  public var themes: [String] = []
  public var tags: [String] = []
  public var location: Location? = nil
  public var license: License? = nil
  public var funding: [Funding] = []
  /// The other Podcasting 2.0 tags: soundbites, value, social interaction, content links, images.
  public var podcasting = EpisodePodcasting()
  public var block: Bool = false
  public var draft: Bool = false

  /// The Markdown after the front matter, when it is held: an episode made in code holds its
  /// notes, a loaded one only their ``notesSource``. ``loadNotes()`` gives either; notes set
  /// here replace the file's.
  public var notes: String = "" {
    didSet { notesSource = nil }
  }

  /// Where the notes of a loaded episode are in its file, read again when they are rendered.
  public var notesSource: NotesSource? = nil

  /// The file line where the notes start.
  public var notesLine: Int = 1

  /// Line of each key in the file, for findings (`"media.url"` → 9).
  public var lines: KeyLines = [:]

  public init(file: String, slug: String, title: String, date: Timestamp, guid: String, media: Enclosure?) {
    self.file = file
    self.slug = slug
    self.title = title
    self.date = date
    self.guid = guid
    self.media = media
  }

  /// The notes' Markdown: read again from the episode's file when it was loaded, else held.
  ///
  /// - Throws: ``NotesSource/Changed`` when the file changed after it was loaded.
  public func loadNotes() throws(NotesSource.Changed) -> String {
    guard let source = notesSource else { return notes }
    return try source.read(file: file)
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
