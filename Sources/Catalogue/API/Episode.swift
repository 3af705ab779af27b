/// One episode: front matter and show notes from `<YYYY-MM-DD>-<slug>.md`.
///
/// The fields live in one shared `Storage`, copied only when a shared one is about to change:
/// an episode has some twenty references, and copying it field by field retained every one,
/// each time a catalogue of 10,000 episodes was collected, checked, sorted or rendered.
public struct Episode: Sendable, Hashable {
  private var storage: Storage

  /// Path relative to the catalogue, for findings.
  public var file: String {
    _read { yield storage.fields.file }
    _modify { makeUnique(); yield &storage.fields.file }
  }

  /// The file name without date and extension; names the chapters file.
  public var slug: String {
    _read { yield storage.fields.slug }
    _modify { makeUnique(); yield &storage.fields.slug }
  }

  public var title: String {
    _read { yield storage.fields.title }
    _modify { makeUnique(); yield &storage.fields.title }
  }

  public var date: Timestamp {
    _read { yield storage.fields.date }
    _modify { makeUnique(); yield &storage.fields.date }
  }

  public var guid: String {
    _read { yield storage.fields.guid }
    _modify { makeUnique(); yield &storage.fields.guid }
  }

  public var season: Int? {
    _read { yield storage.fields.season }
    _modify { makeUnique(); yield &storage.fields.season }
  }

  public var number: Int? {
    _read { yield storage.fields.number }
    _modify { makeUnique(); yield &storage.fields.number }
  }

  public var type: EpisodeType {
    _read { yield storage.fields.type }
    _modify { makeUnique(); yield &storage.fields.type }
  }

  public var explicit: Bool? {
    _read { yield storage.fields.explicit }
    _modify { makeUnique(); yield &storage.fields.explicit }
  }

  /// The audio or video file; `nil` only for a video that lives on YouTube or Vimeo alone,
  /// which the video index shows but a podcast feed can't carry.
  public var media: Enclosure? {
    _read { yield storage.fields.media }
    _modify { makeUnique(); yield &storage.fields.media }
  }

  /// The same video on YouTube or Vimeo, or the only copy of it.
  public var external: ExternalVideo? {
    _read { yield storage.fields.external }
    _modify { makeUnique(); yield &storage.fields.external }
  }

  /// Other renditions of the media: WebM, HLS, an audio-only version.
  public var alternates: [AlternateEnclosure] {
    _read { yield storage.fields.alternates }
    _modify { makeUnique(); yield &storage.fields.alternates }
  }

  public var summary: String? {
    _read { yield storage.fields.summary }
    _modify { makeUnique(); yield &storage.fields.summary }
  }

  public var artwork: MediaReference? {
    _read { yield storage.fields.artwork }
    _modify { makeUnique(); yield &storage.fields.artwork }
  }

  /// A still in the video's own aspect ratio, for video surfaces (`podcast:image purpose="poster"`).
  public var poster: Poster? {
    _read { yield storage.fields.poster }
    _modify { makeUnique(); yield &storage.fields.poster }
  }

  public var link: String? {
    _read { yield storage.fields.link }
    _modify { makeUnique(); yield &storage.fields.link }
  }

  public var transcripts: [Transcript] {
    _read { yield storage.fields.transcripts }
    _modify { makeUnique(); yield &storage.fields.transcripts }
  }

  public var chapters: [Chapter] {
    _read { yield storage.fields.chapters }
    _modify { makeUnique(); yield &storage.fields.chapters }
  }

  /// `nil` means the show's persons apply.
  public var persons: [Person]? {
    _read { yield storage.fields.persons }
    _modify { makeUnique(); yield &storage.fields.persons }
  }

  public var themes: [String] {
    _read { yield storage.fields.themes }
    _modify { makeUnique(); yield &storage.fields.themes }
  }

  public var tags: [String] {
    _read { yield storage.fields.tags }
    _modify { makeUnique(); yield &storage.fields.tags }
  }

  public var location: Location? {
    _read { yield storage.fields.location }
    _modify { makeUnique(); yield &storage.fields.location }
  }

  public var license: License? {
    _read { yield storage.fields.license }
    _modify { makeUnique(); yield &storage.fields.license }
  }

  public var funding: [Funding] {
    _read { yield storage.fields.funding }
    _modify { makeUnique(); yield &storage.fields.funding }
  }

  /// The other Podcasting 2.0 tags: soundbites, value, social interaction, content links, images.
  public var podcasting: EpisodePodcasting {
    _read { yield storage.fields.podcasting }
    _modify { makeUnique(); yield &storage.fields.podcasting }
  }

  public var block: Bool {
    _read { yield storage.fields.block }
    _modify { makeUnique(); yield &storage.fields.block }
  }

  public var draft: Bool {
    _read { yield storage.fields.draft }
    _modify { makeUnique(); yield &storage.fields.draft }
  }

  /// The Markdown after the front matter, when it is held: an episode made in code holds its
  /// notes, a loaded one only their ``notesSource``. ``loadNotes()`` gives either; notes set
  /// here replace the file's.
  public var notes: String {
    _read { yield storage.fields.notes }
    _modify {
      makeUnique()
      storage.fields.notesSource = nil
      yield &storage.fields.notes
    }
  }

  /// Where the notes of a loaded episode are in its file, read again when they are rendered.
  public var notesSource: NotesSource? {
    _read { yield storage.fields.notesSource }
    _modify { makeUnique(); yield &storage.fields.notesSource }
  }

  /// The notes' Markdown: read again from the episode's file when it was loaded, else held.
  ///
  /// - Throws: ``NotesSource/Changed`` when the file changed after it was loaded.
  public func loadNotes() throws(NotesSource.Changed) -> String {
    guard let source = notesSource else { return notes }
    return try source.read(file: file)
  }

  /// The file line where the notes start.
  public var notesLine: Int {
    _read { yield storage.fields.notesLine }
    _modify { makeUnique(); yield &storage.fields.notesLine }
  }

  /// Line of each key in the file, for findings (`"media.url"` → 9).
  public var lines: KeyLines {
    _read { yield storage.fields.lines }
    _modify { makeUnique(); yield &storage.fields.lines }
  }

  public init(file: String, slug: String, title: String, date: Timestamp, guid: String, media: Enclosure?) {
    storage = Storage(Fields(file: file, slug: slug, title: title, date: date, guid: guid, media: media))
  }

  /// Gives this episode a storage of its own before a field changes.
  private mutating func makeUnique() {
    if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
  }

  public static func == (lhs: Episode, rhs: Episode) -> Bool {
    lhs.storage.fields == rhs.storage.fields
  }

  public func hash(into hasher: inout Hasher) { hasher.combine(storage.fields) }

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
