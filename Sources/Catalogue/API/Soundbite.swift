/// `podcast:soundbite`: a part of the episode's media for previews and audiograms.
/// https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/tags/soundbite.md
public struct Soundbite: Sendable, Hashable, Codable {
  /// Seconds from the start of the enclosure.
  public var start: Double
  /// Seconds; the spec recommends 15 to 120.
  public var duration: Double
  public var title: String?
  /// Line in the episode file, for findings.
  public var line: Int

  public init(start: Double, duration: Double, title: String?, line: Int = 0) {
    self.start = start
    self.duration = duration
    self.title = title
    self.line = line
  }

  public var end: Double { start + duration }
}
