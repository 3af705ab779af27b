import Diagnostics
import PodiumXML

/// Collects findings for one feed, each located at the element that caused it.
///
/// At most `perRule` findings of one rule are kept; past that the rest are only counted, and one
/// more finding at the first left out says how many there are (docs/rules.md, "Repeated
/// findings"). A hostile feed of a million empty items would otherwise make millions of findings,
/// gigabytes that nobody reads.
struct FindingList {
  /// Findings of one rule kept in full.
  static let perRule = 100

  /// Where the first finding past the cap of a rule was, and at what severity.
  private struct Overflow {
    let rule: Rule
    let line: Int?
    let severity: Severity
  }

  let file: String
  private var kept: [Finding] = []
  /// Findings added per rule id, kept or not. A family reports a handful of rules, whose ids are
  /// the same static strings every time: a short scan that compares them by identity first beats
  /// hashing the id of each of millions of findings.
  private var counts: [(id: String, count: Int)] = []
  /// Rules in the order they first went past the cap, so the summaries come out in a stable order.
  private var overflowed: [Overflow] = []

  init(file: String) { self.file = file }

  /// The findings, then one summary per rule that went past the cap.
  var findings: [Finding] {
    kept + overflowed.map { extra in
      let left = (counts.first { $0.id == extra.rule.id }?.count ?? 0) - Self.perRule
      let more = left == 1 ? "1 more finding" : "\(left) more findings"
      var summary = extra.rule.finding(
        "\(more) of this rule from here on \(left == 1 ? "is" : "are") not listed (only the first "
          + "\(Self.perRule) of each rule are); fix those listed and check again",
        at: SourceLocation(file: file, line: extra.line))
      summary.severity = extra.severity
      return summary
    }
  }

  /// Adds a finding of `rule`, at its own severity unless the rule's text asks for another
  /// one in this case (a legacy value that still works gets a warning, for example).
  ///
  /// The message is made only for findings that are kept.
  mutating func add(_ rule: Rule, _ message: @autoclosure () -> String, at element: XMLElement?, severity: Severity? = nil) {
    add(rule, message(), line: element?.line, severity: severity)
  }

  mutating func add(_ rule: Rule, _ message: @autoclosure () -> String, line: Int?, severity: Severity? = nil) {
    let count = increment(rule.id)
    guard count <= Self.perRule else {
      if count == Self.perRule + 1 {
        overflowed.append(Overflow(rule: rule, line: line, severity: severity ?? rule.severity))
      }
      return
    }
    var finding = rule.finding(message(), at: SourceLocation(file: file, line: line))
    if let severity { finding.severity = severity }
    kept.append(finding)
  }

  /// Counts one more finding of the rule `id`; returns how many there are now.
  private mutating func increment(_ id: String) -> Int {
    guard let index = counts.firstIndex(where: { $0.id == id }) else {
      counts.append((id, 1))
      return 1
    }
    counts[index].count += 1
    return counts[index].count
  }
}
