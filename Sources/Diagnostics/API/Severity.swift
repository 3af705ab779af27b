/// How much a finding matters. Ordered, so `--strict` and exit codes can compare.
public enum Severity: String, Sendable, Hashable, Codable, Comparable, CaseIterable {
  case info
  case warning
  case error

  private var rank: Int {
    switch self {
    case .info: 0
    case .warning: 1
    case .error: 2
    }
  }

  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
