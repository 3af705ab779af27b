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
    let source: FileByteSource
    do {
      source = try FileByteSource(path: path, limits: limits)
    } catch {
      var info = MediaInfo(path: path, size: 0)
      let message =
        switch error {
        case .system(let reason): "cannot open the file (\(reason)); check the path and permissions"
        case .notAFile(let kind): "this is \(kind), not a regular file; give the path of a media, image or caption file"
        }
      info.findings.append(ProbeRules.unreadable.finding(message, at: SourceLocation(file: path)))
      return info
    }
    return probe(source, path: path)
  }

  /// Probes bytes in memory (tests and fuzzing).
  public func probe(bytes: [UInt8], name: String) -> MediaInfo {
    probe(MemoryByteSource(bytes: bytes, limits: limits), path: name)
  }

  /// Probes media read through `ranges` (a file on a server, say), named `name` in findings and
  /// for the extension check. Reads whole aligned blocks of ``ProbeLimits/rangeBlockSize`` and
  /// keeps a few, within ``ProbeLimits/maximumBytesRead`` and ``ProbeLimits/maximumRangeReads``
  /// (``ProbeLimits/remote`` keeps a probe to a few hundred KB); a failed read is a finding.
  public func probe(ranges: some MediaRanges, name: String) -> MediaInfo {
    probe(RangeByteSource(ranges, limits: limits), path: name)
  }

  func probe(_ source: some ByteSource, path: String) -> MediaInfo {
    var info = MediaInfo(path: path, size: source.size)
    ProbeDispatcher(limits: limits).run(source, into: &info)
    info.bytesRead = source.bytesRead
    return info
  }
}
