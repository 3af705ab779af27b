/// Bounds that keep a probe of a hostile file cheap: no unbounded reads, depth or allocations.
public struct ProbeLimits: Sendable, Hashable {
  /// The most a probe reads in all; frame counting stops there and says so.
  public var maximumBytesRead: Int64 = 512 * 1024 * 1024
  /// The largest single read (one tag, one box payload) held in memory.
  public var maximumChunk: Int = 16 * 1024 * 1024
  /// How deeply boxes or elements may nest.
  public var maximumDepth: Int = 16
  /// How many boxes, frames, pages or elements a probe visits at most.
  public var maximumItems: Int = 10_000_000

  public init() {}
}
