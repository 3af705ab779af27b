/// Something a check noticed. Findings are collected and reported; they never stop the work.
/// Errors that stop the work (a file that cannot be read at all) are thrown instead.
public struct Finding: Sendable, Hashable, Codable, CustomStringConvertible {
  public var severity: Severity
  public var ruleID: String
  /// What is wrong and how to fix it.
  public var message: String
  public var location: SourceLocation?

  public init(severity: Severity, ruleID: String, message: String, location: SourceLocation? = nil) {
    self.severity = severity
    self.ruleID = ruleID
    self.message = message
    self.location = location
  }

  /// `file:line: error: [RULE-ID] message`, the form editors and CI logs recognise.
  public var description: String {
    let prefix = location.map { "\($0): " } ?? ""
    return "\(prefix)\(severity.rawValue): [\(ruleID)] \(message)"
  }
}

extension Sequence where Element == Finding {
  /// Whether any finding is at error level.
  public var containsErrors: Bool { contains { $0.severity == .error } }

  /// Findings in a stable order: by file, line, column, then rule id and message.
  public func sortedForReport() -> [Finding] {
    sorted { a, b in
      let la = a.location, lb = b.location
      if (la?.file ?? "") != (lb?.file ?? "") { return (la?.file ?? "") < (lb?.file ?? "") }
      if (la?.line ?? 0) != (lb?.line ?? 0) { return (la?.line ?? 0) < (lb?.line ?? 0) }
      if (la?.column ?? 0) != (lb?.column ?? 0) { return (la?.column ?? 0) < (lb?.column ?? 0) }
      if a.ruleID != b.ruleID { return a.ruleID < b.ruleID }
      return a.message < b.message
    }
  }
}
