import Diagnostics

/// The cues of a WebVTT or SubRip file, read with the same parsers as a probe, and the probe's
/// findings about it: cues that the probe reports as malformed are left out.
public struct CaptionTrack: Sendable {
  public var format: Container
  public var cues: [CaptionCue]
  public var findings: [Finding]

  /// Reads the cues of caption text in memory (a transcript the build has read already).
  ///
  /// - Parameters:
  ///   - bytes: The file's bytes.
  ///   - name: The file's name, for findings.
  /// - Returns: nil when the bytes are neither WebVTT nor SubRip.
  public static func read(bytes: [UInt8], name: String, limits: ProbeLimits = ProbeLimits()) -> CaptionTrack? {
    let source = MemoryByteSource(bytes: bytes, limits: limits)
    var info = MediaInfo(path: name, size: source.size)
    do throws(ProbeFailure) {
      guard source.size > 0 else { return nil }
      // As the probe finds the format: after any ID3 tag put in front of the text.
      let head = try ID3v2Skip.head(of: source, at: try ID3v2Skip.contentStart(of: source))
      if WebVTTParser.matches(head) {
        let cues = try WebVTTParser.read(source, into: &info, limits: limits, collectingCues: true)
        return CaptionTrack(format: .webvtt, cues: cues, findings: info.findings)
      }
      if SRTParser.matches(head) {
        let cues = try SRTParser.read(source, into: &info, limits: limits, collectingCues: true)
        return CaptionTrack(format: .srt, cues: cues, findings: info.findings)
      }
    } catch {
      return nil
    }
    return nil
  }
}
