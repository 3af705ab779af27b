/// Bounds that keep a probe of a hostile file cheap: no unbounded reads, depth or allocations.
public struct ProbeLimits: Sendable, Hashable {
  /// The most a probe reads in all; frame counting stops there and says so. Through
  /// ``MediaRanges``, the bytes asked of the caller, whole blocks.
  public var maximumBytesRead: Int64 = 512 * 1024 * 1024
  /// The largest single read (one tag, one box payload) held in memory.
  public var maximumChunk: Int = 16 * 1024 * 1024
  /// How deeply boxes or elements may nest.
  public var maximumDepth: Int = 16
  /// How many boxes, frames, pages or elements a probe visits at most.
  public var maximumItems: Int = 10_000_000
  /// How many times a probe through ``MediaRanges`` may call its `read`: each is a request to a
  /// server, whose round trip costs more than its bytes.
  public var maximumRangeReads: Int = 1_000_000
  /// The size of the aligned blocks asked of ``MediaRanges``.
  public var rangeBlockSize: Int = 64 * 1024

  public init() {}

  /// For media on a server: a few hundred KB in a few requests. Headers at the start and the
  /// tail (Xing, `moov`, Ogg's last page) fit; an MP3 without a duration header is counted as
  /// far as that goes and its duration estimated (``MediaInfo/durationEstimated``).
  public static var remote: ProbeLimits {
    var limits = ProbeLimits()
    limits.maximumBytesRead = 512 * 1024
    limits.maximumRangeReads = 8
    limits.maximumChunk = 512 * 1024
    return limits
  }
}
