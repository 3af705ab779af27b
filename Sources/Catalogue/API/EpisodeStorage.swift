extension Episode {
  /// The fields of an episode, in the order of its properties (documented there).
  struct Fields: Sendable, Hashable {
    var file: String
    var slug: String
    var title: String
    var date: Timestamp
    var guid: String
    var season: Int? = nil
    var number: Int? = nil
    var type: EpisodeType = .full
    var explicit: Bool? = nil
    var media: Enclosure? = nil
    var external: ExternalVideo? = nil
    var alternates: [AlternateEnclosure] = []
    var summary: String? = nil
    var artwork: MediaReference? = nil
    var poster: Poster? = nil
    var link: String? = nil
    var transcripts: [Transcript] = []
    var chapters: [Chapter] = []
    var persons: [Person]? = nil
    var themes: [String] = []
    var tags: [String] = []
    var location: Location? = nil
    var license: License? = nil
    var funding: [Funding] = []
    var podcasting = EpisodePodcasting()
    var block: Bool = false
    var draft: Bool = false
    var notes: String = ""
    var notesSource: NotesSource? = nil
    var notesLine: Int = 1
    var lines: KeyLines = [:]
  }

  /// Holds the fields for every copy of an episode until one of them changes. Fields change
  /// only through `Episode`'s accessors, after `makeUnique()` has made the storage the
  /// episode's own, so a storage is never written while shared: as with an array's buffer,
  /// that makes it safe to share between threads, with no exclusivity checks at run time.
  final class Storage: @unchecked Sendable {
    @exclusivity(unchecked) var fields: Fields

    init(_ fields: Fields) { self.fields = fields }
  }
}
