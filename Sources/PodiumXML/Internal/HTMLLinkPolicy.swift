/// Which link targets survive: absolute `http`, `https` and `mailto` URLs only. A feed has
/// no base URL, so relative links cannot resolve, and every other scheme (`javascript:`,
/// `data:`, `vbscript:`…) is a way to run code or smuggle content.
enum HTMLLinkPolicy {
  private static let schemes: [StaticString] = ["http://", "https://", "mailto:"]

  /// The URL to write, trimmed of surrounding spaces and controls as browsers do, or `nil`
  /// when the link must go.
  static func allowedURL(_ value: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
    guard let first = value.firstIndex(where: { $0 > 0x20 }),
      let last = value.lastIndex(where: { $0 > 0x20 })
    else { return nil }
    let url = UnsafeBufferPointer(rebasing: value[first...last])
    // Browsers drop tabs and newlines inside URLs, which could turn a scheme into another.
    guard !url.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { return nil }
    for scheme in schemes where hasPrefix(url, scheme) {
      let rest = url.dropFirst(scheme.utf8CodeUnitCount)
      guard let next = rest.first else { return nil }
      // `http:///host` and `http://\host` are read as other hosts by browsers.
      let hasSlashes = scheme.utf8Start[scheme.utf8CodeUnitCount - 1] == UInt8(ascii: "/")
      if hasSlashes, next == UInt8(ascii: "/") || next == UInt8(ascii: "\\") { return nil }
      return url
    }
    return nil
  }

  private static func hasPrefix(_ url: UnsafeBufferPointer<UInt8>, _ prefix: StaticString) -> Bool {
    let count = prefix.utf8CodeUnitCount
    guard url.count >= count else { return false }
    for index in 0..<count {
      let byte = url[index]
      let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 0x20 : byte
      if lower != prefix.utf8Start[index] { return false }
    }
    return true
  }
}
