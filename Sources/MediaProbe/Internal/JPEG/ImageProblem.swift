import Diagnostics

/// Why walking an image's structure stopped early, kept as the finding it becomes.
enum ImageProblem: Error, Equatable {
  case malformed(String)
  case truncated(String)
  case limit(String)

  func finding(at location: SourceLocation) -> Finding {
    switch self {
    case .malformed(let message): ProbeRules.malformed.finding(message, at: location)
    case .truncated(let message): ProbeRules.truncated.finding(message, at: location)
    case .limit(let message): ProbeRules.limitReached.finding(message, at: location)
    }
  }

  /// Two hex digits, as bytes are written in format specifications (`FF D8`).
  static func hex(_ byte: UInt8) -> String {
    (byte < 0x10 ? "0" : "") + String(byte, radix: 16, uppercase: true)
  }
}
