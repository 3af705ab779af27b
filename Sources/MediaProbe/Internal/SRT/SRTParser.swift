import Diagnostics

/// SubRip (SRT) captions: numbered cues with `hh:mm:ss,ttt --> hh:mm:ss,ttt` timing lines. SRT has
/// no magic number, so detection needs a cue number and a valid timing line after it; text that
/// merely holds `-->` is not taken for SRT.
enum SRTParser: FormatParser {
  static let container = Container.srt
  /// Far more than the cues of a long transcript, and bounded by the read limit anyway.
  private static let maximumCues = 1_000_000

  static func matches(_ head: [UInt8]) -> Bool {
    let text = head.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(head.dropFirst(3)) : head
    var lines = CaptionLines(text)
    guard let number = lines.nextNonBlank(), SRTBlockReader.isNumber(lines, number), let timing = lines.next() else {
      return false
    }
    if case .success = CaptionTiming.parse(lines, timing, style: .subRip) { return true }
    return false
  }

  static func parse(_ source: some ByteSource, into info: inout MediaInfo, limits: ProbeLimits) throws(ProbeFailure) {
    _ = try read(source, into: &info, limits: limits, collectingCues: false)
  }

  /// Checks the file as ``parse(_:into:limits:)`` does and, when asked, keeps its cues.
  static func read(
    _ source: some ByteSource, into info: inout MediaInfo, limits: ProbeLimits, collectingCues: Bool
  ) throws(ProbeFailure) -> [CaptionCue] {
    info.mimeType = "application/x-subrip"
    let text = try CaptionText.read(source, limits: limits, matches: matches, into: &info)
    var log = CaptionCueLog(path: info.path, maximumCues: min(limits.maximumItems, maximumCues))
    if let problem = CaptionEncoding.firstProblem(text.bytes, from: text.start) { log.report(problem) }
    var reader = SRTBlockReader(CaptionLines(text.bytes, from: text.start), log, collectingCues: collectingCues)
    reader.readCues()
    reader.log.finish(reader.lines, into: &info)
    return reader.cues
  }
}
