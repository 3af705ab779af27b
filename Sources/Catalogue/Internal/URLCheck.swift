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

  /// An absolute `http://` URL on this machine's loopback address (127.0.0.0/8, localhost, [::1]):
  /// a server on this machine, never a public one.
  static func isLoopbackHTTP(_ text: String) -> Bool {
    guard text.hasPrefix("http://"), !text.utf8.contains(where: { $0 <= 0x20 || $0 == 0x7F }),
      let components = URLComponents(string: text), components.scheme == "http",
      let host = components.host?.lowercased()
    else { return false }
    if host == "localhost" || host == "::1" || host == "[::1]" { return true }
    let parts = host.split(separator: ".", omittingEmptySubsequences: false)
    return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
  }

  /// Base URLs end in `/` so that paths can be appended.
  static func withTrailingSlash(_ text: String) -> String { text.hasSuffix("/") ? text : text + "/" }

  /// The host of an `http(s)://` URL, without user or port; nil for anything else. A cheap
  /// look at the text, for URLs `isAbsoluteHTTPS` has already accepted or Markdown links.
  static func host(of text: Substring) -> Substring? {
    // On bytes: Foundation's `range(of:)` cost more than the rest of an episode's URL checks.
    let utf8 = text.utf8
    var search = utf8.startIndex
    var begin: String.Index?
    while let colon = utf8[search...].firstIndex(of: UInt8(ascii: ":")) {
      if utf8[colon...].starts(with: "://".utf8) {
        begin = utf8.index(colon, offsetBy: 3)
        break
      }
      search = utf8.index(after: colon)
    }
    guard let begin else { return nil }
    var authority = utf8[begin...]
    if let end = authority.firstIndex(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) {
      authority = authority[..<end]
    }
    if let at = authority.lastIndex(of: UInt8(ascii: "@")) { authority = authority[authority.index(after: at)...] }
    if authority.first != UInt8(ascii: "["), let colon = authority.lastIndex(of: UInt8(ascii: ":")) {
      authority = authority[..<colon]
    }
    return authority.isEmpty ? nil : text[authority.startIndex..<authority.endIndex]
  }

  /// The host of every `http(s)://` URL in a text (an episode's Markdown notes), with its
  /// 0-based line in the text: one pass over the bytes, as notes can be long.
  static func linkHosts(in text: Substring) -> [(host: Substring, line: Int)] {
    var found: [(host: Substring, line: Int)] = []
    let utf8 = text.utf8
    var line = 0
    var index = utf8.startIndex
    while index < utf8.endIndex {
      let byte = utf8[index]
      if byte == 0x0A {
        line += 1
      } else if byte == UInt8(ascii: ":"), utf8[index...].starts(with: "://".utf8) {
        let end = utf8[index...].firstIndex { $0 <= 0x20 || $0 == UInt8(ascii: ")") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "]") }
          ?? utf8.endIndex
        // From the scheme's start: letters just before the colon.
        var start = index
        while start > utf8.startIndex, (utf8[utf8.index(before: start)] | 0x20) >= UInt8(ascii: "a"),
          (utf8[utf8.index(before: start)] | 0x20) <= UInt8(ascii: "z")
        {
          start = utf8.index(before: start)
        }
        if let host = host(of: text[start..<end]) { found.append((host, line)) }
        index = end
        continue
      }
      index = utf8.index(after: index)
    }
    return found
  }
}
