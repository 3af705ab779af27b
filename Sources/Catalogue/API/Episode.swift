/// One episode: front matter and show notes from `<YYYY-MM-DD>-<slug>.md`.
///
/// A plain value: a new field is one stored property here (a nested value for a group of them),
/// read where the reader fills it, and it is compared, hashed and encoded with the rest. A field
/// most episodes leave unset goes in ``EpisodeExtras`` instead, with a property here that forwards
/// to it.
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
  public var summary: String? = nil
  public var artwork: MediaReference? = nil
  public var link: String? = nil
  public var transcripts: [Transcript] = []
  public var chapters: [Chapter] = []
  public var themes: [String] = []
  public var tags: [String] = []
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

  /// The fields most episodes leave unset, in one box of their own, or `nil` when none is set:
  /// every episode of a catalogue is held at once, and each 100 bytes of one is 10 MB at 100,000
  /// episodes (docs/performance.md). The box is never changed, only replaced, so copies share it.
  private var extras: Extras?

  private indirect enum Extras: Sendable, Hashable {
    case value(EpisodeExtras)
  }

  /// The rarely set fields, set through the properties below.
  private var rare: EpisodeExtras {
    get {
      guard case .value(let value) = extras else { return EpisodeExtras() }
      return value
    }
    set { extras = newValue == EpisodeExtras() ? nil : .value(newValue) }
  }

  /// The same video on YouTube or Vimeo, or the only copy of it.
  public var external: ExternalVideo? {
    get { rare.external }
    set { rare.external = newValue }
  }
  /// Other renditions of the media: WebM, HLS, an audio-only version.
  public var alternates: [AlternateEnclosure] {
    get { rare.alternates }
    set { rare.alternates = newValue }
  }
  /// A still in the video's own aspect ratio, for video surfaces (`podcast:image purpose="poster"`).
  public var poster: Poster? {
    get { rare.poster }
    set { rare.poster = newValue }
  }
  /// `nil` means the show's persons apply.
  public var persons: [Person]? {
    get { rare.persons }
    set { rare.persons = newValue }
  }
  public var location: Location? {
    get { rare.location }
    set { rare.location = newValue }
  }
  public var license: License? {
    get { rare.license }
    set { rare.license = newValue }
  }
  public var funding: [Funding] {
    get { rare.funding }
    set { rare.funding = newValue }
  }
  /// The other Podcasting 2.0 tags: soundbites, value, social interaction, content links, images.
  public var podcasting: EpisodePodcasting {
    get { rare.podcasting }
    set { rare.podcasting = newValue }
  }

  public init(file: String, slug: String, title: String, date: Timestamp, guid: String, media: Enclosure?) {
    self.file = file
    self.slug = slug
    self.title = title
    self.date = date
    self.guid = guid
    self.media = media
  }

  private enum CodingKeys: String, CodingKey {
    case file, slug, title, date, guid, guidIsPermaLink, season, number, type, explicit, media, external, alternates
    case summary, artwork, poster, link, transcripts, chapters, persons, themes, tags, location, license, funding
    case podcasting, block, draft, notes, notesSource, notesLine, lines
  }

  /// The keys, and which may be absent, are those the compiler would write for the fields
  /// (the build cache holds episodes in this form).
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    file = try container.decode(String.self, forKey: .file)
    slug = try container.decode(String.self, forKey: .slug)
    title = try container.decode(String.self, forKey: .title)
    date = try container.decode(Timestamp.self, forKey: .date)
    guid = try container.decode(String.self, forKey: .guid)
    guidIsPermaLink = try container.decode(Bool.self, forKey: .guidIsPermaLink)
    season = try container.decodeIfPresent(Int.self, forKey: .season)
    number = try container.decodeIfPresent(Int.self, forKey: .number)
    type = try container.decode(EpisodeType.self, forKey: .type)
    explicit = try container.decodeIfPresent(Bool.self, forKey: .explicit)
    media = try container.decodeIfPresent(Enclosure.self, forKey: .media)
    summary = try container.decodeIfPresent(String.self, forKey: .summary)
    artwork = try container.decodeIfPresent(MediaReference.self, forKey: .artwork)
    link = try container.decodeIfPresent(String.self, forKey: .link)
    transcripts = try container.decode([Transcript].self, forKey: .transcripts)
    chapters = try container.decode([Chapter].self, forKey: .chapters)
    themes = try container.decode([String].self, forKey: .themes)
    tags = try container.decode([String].self, forKey: .tags)
    block = try container.decode(Bool.self, forKey: .block)
    draft = try container.decode(Bool.self, forKey: .draft)
    notes = try container.decode(String.self, forKey: .notes)
    notesSource = try container.decodeIfPresent(NotesSource.self, forKey: .notesSource)
    notesLine = try container.decode(Int.self, forKey: .notesLine)
    lines = try container.decode(KeyLines.self, forKey: .lines)
    var rare = EpisodeExtras()
    rare.external = try container.decodeIfPresent(ExternalVideo.self, forKey: .external)
    rare.alternates = try container.decode([AlternateEnclosure].self, forKey: .alternates)
    rare.poster = try container.decodeIfPresent(Poster.self, forKey: .poster)
    rare.persons = try container.decodeIfPresent([Person].self, forKey: .persons)
    rare.location = try container.decodeIfPresent(Location.self, forKey: .location)
    rare.license = try container.decodeIfPresent(License.self, forKey: .license)
    rare.funding = try container.decode([Funding].self, forKey: .funding)
    rare.podcasting = try container.decode(EpisodePodcasting.self, forKey: .podcasting)
    self.rare = rare
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(file, forKey: .file)
    try container.encode(slug, forKey: .slug)
    try container.encode(title, forKey: .title)
    try container.encode(date, forKey: .date)
    try container.encode(guid, forKey: .guid)
    try container.encode(guidIsPermaLink, forKey: .guidIsPermaLink)
    try container.encodeIfPresent(season, forKey: .season)
    try container.encodeIfPresent(number, forKey: .number)
    try container.encode(type, forKey: .type)
    try container.encodeIfPresent(explicit, forKey: .explicit)
    try container.encodeIfPresent(media, forKey: .media)
    try container.encodeIfPresent(external, forKey: .external)
    try container.encode(alternates, forKey: .alternates)
    try container.encodeIfPresent(summary, forKey: .summary)
    try container.encodeIfPresent(artwork, forKey: .artwork)
    try container.encodeIfPresent(poster, forKey: .poster)
    try container.encodeIfPresent(link, forKey: .link)
    try container.encode(transcripts, forKey: .transcripts)
    try container.encode(chapters, forKey: .chapters)
    try container.encodeIfPresent(persons, forKey: .persons)
    try container.encode(themes, forKey: .themes)
    try container.encode(tags, forKey: .tags)
    try container.encodeIfPresent(location, forKey: .location)
    try container.encodeIfPresent(license, forKey: .license)
    try container.encode(funding, forKey: .funding)
    try container.encode(podcasting, forKey: .podcasting)
    try container.encode(block, forKey: .block)
    try container.encode(draft, forKey: .draft)
    try container.encode(notes, forKey: .notes)
    try container.encodeIfPresent(notesSource, forKey: .notesSource)
    try container.encode(notesLine, forKey: .notesLine)
    try container.encode(lines, forKey: .lines)
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
    // Asked for each output file an episode has: the last non-empty part, found by index
    // without an array of the parts; by bytes in an ASCII path, where they are the characters.
    if let base = asciiFileBase { return base }
    var end = file.endIndex
    while end > file.startIndex, file[file.index(before: end)] == "/" { end = file.index(before: end) }
    let path = file[..<end]
    guard !path.isEmpty else { return slug }
    let name = path.lastIndex(of: "/").map { path[path.index(after: $0)...] } ?? path
    return name.hasSuffix(".md") ? String(name.dropLast(3)) : String(name)
  }

  /// ``fileBase`` of an ASCII path, read as bytes; `nil` for any other.
  private var asciiFileBase: String? {
    file.utf8.withContiguousStorageIfAvailable { bytes -> String? in
      guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
      let slash = UInt8(ascii: "/")
      var end = bytes.count
      while end > 0, bytes[end - 1] == slash { end -= 1 }
      guard end > 0 else { return slug }
      var start = end
      while start > 0, bytes[start - 1] != slash { start -= 1 }
      if end - start >= 3, bytes[end - 3] == UInt8(ascii: "."), bytes[end - 2] == UInt8(ascii: "m"),
        bytes[end - 1] == UInt8(ascii: "d")
      {
        end -= 3
      }
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    } ?? nil
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
