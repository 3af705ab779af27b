import Foundation

/// Checks on URLs written in the catalogue.
enum URLCheck {
  /// An absolute `https://host/...` URL with no spaces or control characters.
  static func isAbsoluteHTTPS(_ text: String) -> Bool {
    // In UTF-8, a byte up to 0x7F is always that scalar, so the bytes tell the same as the scalars.
    guard text.hasPrefix("https://"), text.count > 8, !text.utf8.contains(where: { $0 <= 0x20 || $0 == 0x7F })
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
    // Byte by byte: a character is an ASCII letter, digit, `-` or `.` exactly when it is one such
    // byte, and asking each character for its Unicode properties was half of this check's time.
    return !host.isEmpty && host.utf8.allSatisfy(isHostByte)
  }

  private static func isHostByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
      UInt8(ascii: "-"), UInt8(ascii: "."):
      true
    default:
      false
    }
  }

  /// Base URLs end in `/` so that paths can be appended.
  static func withTrailingSlash(_ text: String) -> String { text.hasSuffix("/") ? text : text + "/" }
}
