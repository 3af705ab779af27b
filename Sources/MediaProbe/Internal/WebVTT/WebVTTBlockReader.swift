/// Reads the blocks of a WebVTT file after its first line: the rest of the header, then cues,
/// NOTE comments, and STYLE and REGION blocks, separated by blank lines (WebVTT 4.1).
struct WebVTTBlockReader {
  private(set) var lines: CaptionLines
  private(set) var log: CaptionCueLog
  /// The cues read, when the reader keeps them (``CaptionTrack``); a probe doesn't.
  private(set) var cues: [CaptionCue] = []
  private let collectingCues: Bool
  private var sawCue = false

  private static let note = Array("NOTE".utf8)
  private static let style = Array("STYLE".utf8)
  private static let region = Array("REGION".utf8)

  init(_ lines: CaptionLines, _ log: CaptionCueLog, collectingCues: Bool = false) {
    self.lines = lines
    self.log = log
    self.collectingCues = collectingCues
  }

  /// The header runs to the first blank line; players skip a cue written inside it.
  mutating func readHeader() {
    while let line = lines.next(), !lines.isBlank(line) {
      if lines.containsArrow(line) {
        log.report(
          CaptionProblem(
            line: line.number, "a cue timing line in the header, which players skip; put a blank line before it"))
      }
    }
  }

  mutating func readBlocks() {
    var pending: CaptionLine? = nil
    while !log.isFull, let first = pending ?? lines.nextNonBlank() {
      pending = readBlock(first)
    }
  }

  /// Reads the block that starts with `first`.
  ///
  /// - Returns: A line that starts the next cue without a blank line before it.
  private mutating func readBlock(_ first: CaptionLine) -> CaptionLine? {
    if lines.starts(first, with: Self.note) {
      skipBlock()
    } else if lines.starts(first, with: Self.style) || lines.starts(first, with: Self.region) {
      if sawCue {
        log.report(
          CaptionProblem(
            line: first.number, "a \(lines.text(first)) block after the first cue, which players ignore; move it up"))
      }
      skipBlock()
    } else if lines.containsArrow(first) {
      return readCue(first)
    } else if let timing = lines.next(), lines.containsArrow(timing) {
      return readCue(timing)  // `first` was the cue's identifier
    } else {
      log.report(
        CaptionProblem(
          line: first.number,
          "\"\(lines.text(first))\" starts neither a cue nor a NOTE; a cue needs a timing line such as "
            + "00:00:01.000 --> 00:00:04.000"))
      skipBlock()
    }
    return nil
  }

  /// The cue text runs to a blank line; a line holding `-->` ends it early and starts a new cue.
  private mutating func readCue(_ timing: CaptionLine) -> CaptionLine? {
    sawCue = true
    var times: CaptionTiming?
    switch CaptionTiming.parse(lines, timing, style: .webVTT) {
    case .success(let parsed):
      log.add(parsed, line: timing.number)
      times = parsed
    case .failure(let problem): log.report(problem)
    }
    var text: [Range<Int>] = []
    var next: CaptionLine?
    while let line = lines.next(), !lines.isBlank(line) {
      if lines.containsArrow(line) {
        next = line
        break
      }
      if collectingCues { text.append(line.range) }
    }
    if collectingCues, let times { cues.append(CaptionCueText.webVTT(lines.bytes, text, times)) }
    return next
  }

  private mutating func skipBlock() {
    while let line = lines.next(), !lines.isBlank(line) {}
  }
}
