import Diagnostics
import Foundation

/// Reads the truth about media files from their bytes: format, duration, size, codecs and
/// more. A probe never throws and never trusts the file name; problems are findings.
public struct MediaProbe: Sendable {
  public var limits: ProbeLimits

  public init(limits: ProbeLimits = ProbeLimits()) {
    self.limits = limits
  }

  /// Probes a file on disk, reading only the parts it needs.
  public func probe(path: String) -> MediaInfo {
    guard let source = FileByteSource(path: path, limits: limits) else {
      var info = MediaInfo(path: path, size: 0)
      info.findings.append(ProbeRules.unreadable.finding(
        "cannot open the file; check the path and permissions", at: SourceLocation(file: path)))
      return info
    }
    return probe(source, path: path)
  }

  /// Probes bytes in memory (tests and fuzzing).
  public func probe(bytes: [UInt8], name: String) -> MediaInfo {
    probe(MemoryByteSource(bytes: bytes, limits: limits), path: name)
  }

  func probe(_ source: some ByteSource, path: String) -> MediaInfo {
    var info = MediaInfo(path: path, size: source.size)
    ProbeDispatcher(limits: limits).run(source, into: &info)
    info.bytesRead = source.bytesRead
    return info
  }
}
