import Diagnostics

/// Checks cues as a caption parser meets them, the same way for WebVTT and SubRip: well-formed,
/// ending after they start, in order of start time. Findings name the line, and there are at most
/// `maximumFindings` of them, so a hostile file can't flood the report.
struct CaptionCueLog {
  let path: String
  let maximumCues: Int
  private(set) var cues = 0
  /// The latest end of any cue, in milliseconds: how long the captions run.
  private(set) var latestEnd: Int?
  private var previousStart: Int?
  private var findings: [Finding] = []
  private var unreported = 0

  static let maximumFindings = 100

  init(path: String, maximumCues: Int) {
    self.path = path
    self.maximumCues = maximumCues
  }

  var isFull: Bool { cues >= maximumCues }

  mutating func add(_ timing: CaptionTiming, line: Int) {
    cues += 1
    let times = "(\(CaptionTimestamp.format(timing.start)) --> \(CaptionTimestamp.format(timing.end)))"
    if timing.end < timing.start {
      report(CaptionProblem(line: line, "cue ends before it starts \(times); fix its times"))
    } else if timing.end == timing.start {
      report(CaptionProblem(line: line, "cue ends as soon as it starts \(times); give it a length"))
    }
    if let previousStart, timing.start < previousStart {
      report(
        CaptionProblem(
          line: line,
          "cue starts at \(CaptionTimestamp.format(timing.start)), before the cue above it "
            + "(\(CaptionTimestamp.format(previousStart))); sort the cues by start time"))
    }
    previousStart = timing.start
    latestEnd = max(latestEnd ?? timing.end, timing.end)
  }

  mutating func report(_ problem: CaptionProblem) {
    guard findings.count < Self.maximumFindings else {
      unreported += 1
      return
    }
    findings.append(
      ProbeRules.captions.finding(
        "line \(problem.line): \(problem.message)", at: SourceLocation(file: path)))
  }

  /// Moves the findings and the running time into `info`.
  func finish(_ lines: CaptionLines, into info: inout MediaInfo) {
    let location = SourceLocation(file: path)
    if let long = lines.firstLongLine {
      info.findings.append(
        ProbeRules.captions.finding(
          "line \(long.number) is \(long.range.count) bytes long, more than any caption; check that this is the "
            + "right file", at: location))
    }
    info.findings += findings
    if unreported > 0 {
      info.findings.append(
        ProbeRules.captions.finding(
          "\(unreported) more caption problems like those above; fix those first", at: location))
    }
    if isFull {
      info.findings.append(
        ProbeRules.limitReached.finding(
          "stopped after \(cues) cues; the rest of the file was not checked", at: location))
    }
    info.duration = latestEnd.map { Double($0) / 1000 }
  }
}
