import Foundation

/// Checks on URLs written in the catalogue.
enum URLCheck {
  /// An absolute `https://host/...` URL with no spaces or control characters.
  static func isAbsoluteHTTPS(_ text: String) -> Bool {
    guard text.hasPrefix("https://"), text.count > 8,
      !text.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F })
    else { return false }
    guard let components = URLComponents(string: text), let host = components.host, isHostName(host) else {
      return false
    }
    return components.scheme == "https"
  }

  /// Letters, digits, `-` and `.`, or a bracketed IPv6 address: what a host can be, and nothing that
  /// could widen or break a Content-Security-Policy the URL ends up in (`*`, `;`, spaces).
  static func isHostName(_ host: String) -> Bool {
    if host.hasPrefix("[") {
      return host.hasSuffix("]") && host.count > 2 && host.dropFirst().dropLast().allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
    }
    return !host.isEmpty && host.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }
  }

  /// Base URLs end in `/` so that paths can be appended.
  static func withTrailingSlash(_ text: String) -> String { text.hasSuffix("/") ? text : text + "/" }
}
