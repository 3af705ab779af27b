import Diagnostics

/// Collects the findings of one file. Each file is read on one thread, so this needs no lock.
final class FindingCollector {
  let file: String
  private(set) var findings: [Finding] = []
  /// The line of every key read in this file, by key path (`media.url`), for later findings.
  var lines = KeyLines()

  init(file: String) {
    self.file = file
    // Room for a front matter's keys at once, instead of growing key by key.
    lines.reserve(keyBytes: 256, count: 24)
  }

  func report(_ rule: Rule, _ message: String, line: Int?) {
    findings.append(rule.finding(message, at: SourceLocation(file: file, line: line)))
  }
}
