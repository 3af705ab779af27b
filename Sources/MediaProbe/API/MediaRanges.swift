/// Random access to media the caller holds somewhere the probe can't open: a server that answers
/// byte ranges, say. The probe asks for whole aligned blocks and keeps a few, so the parsers'
/// many small reads become a few calls, and ``ProbeLimits`` bounds their bytes and number.
public protocol MediaRanges {
  /// The media's length in bytes.
  var size: Int64 { get }
  /// Exactly `count` bytes at `offset` (the probe never asks past `size`). Throws when they
  /// can't be had; the error's description becomes the probe's finding.
  func read(at offset: Int64, count: Int) throws -> [UInt8]
}
