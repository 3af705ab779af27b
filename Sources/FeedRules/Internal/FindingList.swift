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

  /// What the family's rules keep across items (``AcrossItems``).
  var across = AcrossItems()
  /// While an item is checked for a memo (``FeedCheckMemo``): what checking it did, with lines
  /// relative to `itemLine`.
  private var transcript: [ItemEvent]?
  private var itemLine = 0

  init(file: String) { self.file = file }

  /// Starts keeping what checking the item at `line` does.
  mutating func startItem(line: Int) {
    transcript = []
    itemLine = line
  }

  /// What checking the item did since ``startItem(line:)``, with lines relative to its line.
  mutating func endItem() -> [ItemEvent] {
    defer { transcript = nil }
    return transcript ?? []
  }

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
    guard transcript != nil else { return report(rule, message(), line: line, severity: severity) }
    let text = message()
    transcript?.append(.finding(rule: rule.id, message: text, line: line.map { $0 - itemLine }, severity: severity))
    report(rule, text, line: line, severity: severity)
  }

  /// Adds a finding of `rule` the first time `key` is seen in the feed (in the channel or any item).
  mutating func addOnce(_ key: String, _ rule: Rule, _ message: @autoclosure () -> String, at element: XMLElement) {
    if transcript != nil {
      // An item's result keeps the key's first use in the item; whether that is the feed's
      // first is decided when it is applied.
      guard !(transcript?.contains { if case .once(key, _, _, _) = $0 { true } else { false } } ?? false) else { return }
      let event = ItemEvent.once(key: key, rule: rule.id, message: message(), line: element.line)
      transcript?.append(event.shifted(by: -itemLine))
      return apply(event)
    }
    guard across.reported.insert(key).inserted else { return }
    report(rule, message(), line: element.line)
  }

  /// Applies a fact that rules across items use (a GUID, an enclosure URL, a date), keeping it in
  /// the item's result when an item is being kept.
  mutating func note(_ event: ItemEvent) {
    transcript?.append(event.shifted(by: -itemLine))
    apply(event)
  }

  /// Applies an event of an item's result, with absolute lines: what it found is added as when
  /// the item was checked, and what it says of the item is weighed against the earlier items.
  mutating func apply(_ event: ItemEvent) {
    switch event {
    case .finding(let rule, let message, let line, let severity):
      guard let rule = FeedChecks.rule(id: rule) else { return }
      report(rule, message, line: line, severity: severity)
    case .once(let key, let rule, let message, let line):
      guard let rule = FeedChecks.rule(id: rule), across.reported.insert(key).inserted else { return }
      report(rule, message, line: line)
    case .guid(let value, let line): GUIDRules.checkUnique(value, line: line, into: &self)
    case .enclosure(let url, let line): EnclosureRules.checkUnique(url, line: line, into: &self)
    case .date(let seconds, let line): DateRules.checkOrder(seconds, line: line, into: &self)
    }
  }

  /// Adds a finding without keeping it in an item's result: what rules across items decide, or
  /// what an applied event found.
  mutating func report(_ rule: Rule, _ message: @autoclosure () -> String, line: Int?, severity: Severity? = nil) {
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
