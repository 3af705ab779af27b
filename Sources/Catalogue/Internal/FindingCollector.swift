import Diagnostics

/// Collects the findings of one file. Each file is read on one thread, so this needs no lock.
final class FindingCollector {
  let file: String
  private(set) var findings: [Finding] = []

  init(file: String) { self.file = file }

  func report(_ rule: Rule, _ message: String, line: Int?) {
    findings.append(rule.finding(message, at: SourceLocation(file: file, line: line)))
  }
}
