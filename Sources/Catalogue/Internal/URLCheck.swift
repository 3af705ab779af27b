import Foundation

/// Checks on URLs written in the catalogue.
enum URLCheck {
  /// An absolute `https://host/...` URL with no spaces or control characters.
  static func isAbsoluteHTTPS(_ text: String) -> Bool {
    // In UTF-8, a byte up to 0x7F is always that scalar, so the bytes tell the same as the scalars.
    guard text.hasPrefix("https://"), text.count > 8, !text.utf8.contains(where: { $0 <= 0x20 || $0 == 0x7F })
    else { return false }
    guard let components = URLComponents(string: text), let host = components.host, HostName.isValid(host) else {
      return false
    }
    return components.scheme == "https"
  }

  /// Base URLs end in `/` so that paths can be appended.
  static func withTrailingSlash(_ text: String) -> String { text.hasSuffix("/") ? text : text + "/" }
}
