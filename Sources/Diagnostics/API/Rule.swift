/// A rule a catalogue or feed must meet. The id is stable: it is what producers switch off,
/// what CI annotations group by, and what docs/rules.md lists.
public struct Rule: Sendable, Hashable {
  public let id: String
  public let severity: Severity
  /// The spec or platform the rule comes from, e.g. "Apple Podcasts RSS guide".
  public let source: String
  /// One line saying what the rule asks for.
  public let summary: String

  public init(id: String, severity: Severity, source: String, summary: String) {
    self.id = id
    self.severity = severity
    self.source = source
    self.summary = summary
  }

  /// A finding of this rule at its own severity.
  public func finding(_ message: String, at location: SourceLocation? = nil) -> Finding {
    Finding(severity: severity, ruleID: id, message: message, location: location)
  }
}
