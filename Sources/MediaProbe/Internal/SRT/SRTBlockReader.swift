/// Reads SubRip cues: a number, a timing line `hh:mm:ss,ttt --> hh:mm:ss,ttt`, then text up to a
/// blank line.
struct SRTBlockReader {
  private(set) var lines: CaptionLines
  private(set) var log: CaptionCueLog
  /// The cues read, when the reader keeps them (``CaptionTrack``); a probe doesn't.
  private(set) var cues: [CaptionCue] = []
  private let collectingCues: Bool

  init(_ lines: CaptionLines, _ log: CaptionCueLog, collectingCues: Bool = false) {
    self.lines = lines
    self.log = log
    self.collectingCues = collectingCues
  }

  mutating func readCues() {
    while !log.isFull, let first = lines.nextNonBlank() {
      var times: CaptionTiming?
      if let timing = timingLine(after: first) {
        switch CaptionTiming.parse(lines, timing, style: .subRip) {
        case .success(let parsed):
          log.add(parsed, line: timing.number)
          times = parsed
        case .failure(let problem): log.report(problem)
        }
      }
      var text: [Range<Int>] = []
      while let line = lines.next(), !lines.isBlank(line) {
        if collectingCues { text.append(line.range) }
      }
      if collectingCues, let times {
        cues.append(CaptionCueText.subRip(lines.bytes, text, times, previous: cues.last?.speaker))
      }
    }
  }

  /// The timing line of the cue that starts with `first`, which should be its number.
  private mutating func timingLine(after first: CaptionLine) -> CaptionLine? {
    if Self.isNumber(lines, first) {
      if let next = lines.next(), lines.containsArrow(next) { return next }
      log.report(CaptionProblem(line: first.number, "cue \(lines.text(first)) has no timing line after its number"))
    } else if lines.containsArrow(first) {
      log.report(CaptionProblem(line: first.number, "a cue without a number; number the cues 1, 2, 3 and so on"))
      return first
    } else {
      log.report(
        CaptionProblem(
          line: first.number,
          "expected a cue number but found \"\(lines.text(first))\"; a cue is a number, a timing line and text, "
            + "with a blank line after it"))
    }
    return nil
  }

  /// One to nine digits, perhaps followed by spaces.
  static func isNumber(_ lines: CaptionLines, _ line: CaptionLine) -> Bool {
    let text = lines.bytes[line.range]
    let digits = text.prefix { (0x30...0x39).contains($0) }
    return (1...9).contains(digits.count) && text.dropFirst(digits.count).allSatisfy { $0 == 0x20 || $0 == 0x09 }
  }
}
