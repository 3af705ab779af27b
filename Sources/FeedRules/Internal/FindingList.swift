import Diagnostics
import PodiumXML

/// Collects findings for one feed, each located at the element that caused it.
struct FindingList {
  let file: String
  private(set) var findings: [Finding] = []

  init(file: String) { self.file = file }

  /// Adds a finding of `rule`, at its own severity unless the rule's text asks for another
  /// one in this case (a legacy value that still works gets a warning, for example).
  mutating func add(_ rule: Rule, _ message: String, at element: XMLElement?, severity: Severity? = nil) {
    add(rule, message, line: element?.line, severity: severity)
  }

  mutating func add(_ rule: Rule, _ message: String, line: Int?, severity: Severity? = nil) {
    var finding = rule.finding(message, at: SourceLocation(file: file, line: line))
    if let severity { finding.severity = severity }
    findings.append(finding)
  }
}
