import Foundation

/// Where output goes and whether it may be coloured: only on a terminal, and never with NO_COLOR.
struct Terminal {
  var colour: Bool

  static let standardOutput = Terminal(colour: isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
  static var isInteractive: Bool { isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 }
  /// Whether standard error is a terminal, for progress bars.
  static var isErrorInteractive: Bool { isatty(STDERR_FILENO) == 1 }

  enum Style: String {
    case red = "31", yellow = "33", blue = "34", green = "32", bold = "1", dim = "2"
  }

  func paint(_ text: String, _ style: Style) -> String {
    colour ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
  }

  /// Asks for a value on a terminal; nil when there is no terminal or no answer.
  static func ask(_ question: String, default value: String? = nil) -> String? {
    guard isInteractive else { return nil }
    print(question + (value.map { " [\($0)]" } ?? "") + ": ", terminator: "")
    guard let answer = readLine()?.trimmingCharacters(in: .whitespaces) else { return value }
    return answer.isEmpty ? value : answer
  }
}
