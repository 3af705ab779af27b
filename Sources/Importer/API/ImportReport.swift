/// What an import wrote and what it could not carry over, episode by episode.
public struct ImportReport: Sendable, Codable {
  public struct EpisodeReport: Sendable, Codable {
    /// The episode file, relative to the catalogue's parent folder as given.
    public var file: String
    public var guid: String
    public var title: String
    /// What the catalogue does not hold as the old feed had it.
    public var losses: [ImportLoss] = []
    /// What changed without loss (a converted date, a fetched transcript), worth knowing.
    public var notes: [String] = []
  }

  /// Items that shared a GUID in the old feed.
  public struct Duplicate: Sendable, Codable {
    public var guid: String
    /// The file that kept the GUID (the earliest item), then the others with their new GUIDs.
    public var kept: String
    public var renamed: [String: String]
  }

  public var source: String
  public var show: String
  public var title: String
  public var podcastGUID: String
  /// `feed` when the old feed carried it, else the address it was computed from.
  public var podcastGUIDSource: String
  /// The old feed's own address, as far as it is known.
  public var oldFeedURL: String?
  /// Every file written, relative to the current folder as given.
  public var files: [String] = []
  /// Where the publication record was seeded.
  public var record: String = ""
  public var showLosses: [ImportLoss] = []
  public var showNotes: [String] = []
  public var episodes: [EpisodeReport] = []
  public var duplicates: [Duplicate] = []
  /// What to do at the old host, and in the catalogue, to finish the move.
  public var nextSteps: [String] = []

  /// Every loss, the show's and the episodes'.
  public var lossCount: Int { showLosses.count + episodes.reduce(0) { $0 + $1.losses.count } }
}
