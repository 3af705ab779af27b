import Diagnostics

/// WebVTT captions and transcripts: a `WEBVTT` line, then cues, NOTE comments and STYLE and REGION
/// blocks. Every cue's timing is checked; `duration` is when the last cue ends.
enum WebVTTParser: FormatParser {
  static let container = Container.webvtt
  private static let signature = Array("WEBVTT".utf8)
  /// Far more than the cues of a long transcript, and bounded by the read limit anyway.
  private static let maximumCues = 1_000_000

  /// An optional byte order mark, `WEBVTT`, then a space, a tab or the end of the line.
  static func matches(_ head: [UInt8]) -> Bool {
    let text = head.starts(with: [0xEF, 0xBB, 0xBF]) ? head.dropFirst(3) : head[...]
    guard text.starts(with: signature) else { return false }
    guard let next = text.dropFirst(signature.count).first else { return head.count < ID3v2Skip.headLength }
    return next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D
  }

  static func parse(_ source: some ByteSource, into info: inout MediaInfo, limits: ProbeLimits) throws(ProbeFailure) {
    _ = try read(source, into: &info, limits: limits, collectingCues: false)
  }

  /// Checks the file as ``parse(_:into:limits:)`` does and, when asked, keeps its cues.
  static func read(
    _ source: some ByteSource, into info: inout MediaInfo, limits: ProbeLimits, collectingCues: Bool
  ) throws(ProbeFailure) -> [CaptionCue] {
    info.mimeType = "text/vtt"
    let text = try CaptionText.read(source, limits: limits, matches: matches, into: &info)
    var lines = CaptionLines(text.bytes, from: text.start)
    var log = CaptionCueLog(path: info.path, maximumCues: min(limits.maximumItems, maximumCues))
    guard let first = lines.next(), lines.starts(first, with: signature) else {
      info.findings.append(
        ProbeRules.malformed.finding(
          "the file doesn't start with the line WEBVTT", at: SourceLocation(file: info.path)))
      return []
    }
    if let problem = CaptionEncoding.firstProblem(text.bytes, from: text.start) { log.report(problem) }
    var reader = WebVTTBlockReader(lines, log, collectingCues: collectingCues)
    reader.readHeader()
    reader.readBlocks()
    reader.log.finish(reader.lines, into: &info)
    return reader.cues
  }
}
