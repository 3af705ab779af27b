/// The scheme of a URL string, read without a URL parser so that anything odd is simply refused.
enum URLScheme {
  static let fetchable: Set<String> = ["http", "https"]

  /// The lowercased scheme, or "" when the text does not start with one (RFC 3986: a letter, then
  /// letters, digits, `+`, `-` or `.`, then `:`).
  static func of(_ url: String) -> String {
    guard let colon = url.firstIndex(of: ":") else { return "" }
    let scheme = url[..<colon]
    guard let first = scheme.first, first.isASCII, first.isLetter,
      scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
    else { return "" }
    return scheme.lowercased()
  }

  static func isFetchable(_ url: String) -> Bool { fetchable.contains(of(url)) }

  /// The host part of an http(s) URL, for messages.
  static func host(of url: String) -> String {
    guard let start = url.firstRange(of: "://")?.upperBound else { return url }
    let authority = url[start...].prefix { !"/?#".contains($0) }
    let hostPort = authority.split(separator: "@").last.map(String.init) ?? String(authority)
    if hostPort.hasPrefix("["), let close = hostPort.firstIndex(of: "]") {
      return String(hostPort[...close])
    }
    return String(hostPort.prefix { $0 != ":" })
  }
}
