import Diagnostics

/// Where a loader may take an episode file's earlier reading instead of reading the file again:
/// a build cache (Publisher's `EpisodeCache`, docs/architecture.md "The build cache") answers for
/// files that, with everything their reading depends on, are unchanged since it was stored.
public protocol EpisodeReuse: Sendable {
  /// The earlier reading of `name` in show folder `show`, when it still holds; called on any core.
  func reading(show: String, file name: String) -> EpisodeReading?
  /// The same for a listing (``CatalogueLoader/listing``): it may give an episode that holds only
  /// what a listing shows (file, slug, title, date, GUID, draft), every other field left empty.
  func listingReading(show: String, file name: String) -> EpisodeReading?
  /// A file read now, for the next load; called once per file read, on any core.
  func read(show: String, file name: String, _ reading: EpisodeReading)
  /// Every episode file of the show has been taken or read; called once per show with episode
  /// files, on one thread, in the catalogue's order, so what is kept for it can be stored and let go.
  func finished(show: String)
}

extension EpisodeReuse {
  public func listingReading(show: String, file name: String) -> EpisodeReading? { reading(show: show, file: name) }
}

/// What reading one episode file gave: the episode, when it could be read, and the file's findings.
public struct EpisodeReading: Sendable, Codable {
  public var episode: Episode?
  public var findings: [Finding]
  /// Whether the reading may be kept: not when its front matter names a `.md` file, which may be
  /// another episode file (a reading depends on the show folder's other files, never on those).
  public var reusable: Bool

  public init(episode: Episode?, findings: [Finding], reusable: Bool) {
    self.episode = episode
    self.findings = findings
    self.reusable = reusable
  }
}
