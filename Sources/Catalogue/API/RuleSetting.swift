import Diagnostics

/// A producer's choice about one rule, from `podium.yaml`: switch it off or change its severity,
/// always with a reason, so the choice is explained where the catalogue is reviewed.
public struct RuleSetting: Sendable, Hashable, Codable {
  public var ruleID: String
  /// `nil` switches the rule off.
  public var severity: Severity?
  public var reason: String
  /// The line in `podium.yaml`, for findings about the setting itself.
  public var line: Int

  public init(ruleID: String, severity: Severity?, reason: String, line: Int) {
    self.ruleID = ruleID
    self.severity = severity
    self.reason = reason
    self.line = line
  }
}
