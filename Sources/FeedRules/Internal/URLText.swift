/// Checks on URLs as text. Deliberately simple: feeds need absolute http(s) URLs, and the
/// interesting mistakes (relative paths, spaces, missing scheme) show in the text itself.
/// They read UTF-8 bytes without allocating, as they run several times per episode.
enum URLText {
  /// `http://host…` or `https://host…` with no whitespace or control characters.
  static func isAbsoluteHTTP(_ text: String) -> Bool {
    guard let hostStart = hostOffset(text) else { return false }
    var offset = 0
    for byte in text.utf8 {
      if byte <= 0x20 || byte == 0x7F { return false }
      if offset == hostStart, byte == UInt8(ascii: "/") { return false }
      offset += 1
    }
    return offset > hostStart
  }

  /// `scheme:rest` with an RFC 3986 scheme (`https:`, `rtmp:`) and no whitespace or control
  /// characters: an absolute URL of any kind, where other schemes than http(s) are allowed.
  static func isAbsolute(_ text: String) -> Bool {
    guard let colon = text.utf8.firstIndex(of: UInt8(ascii: ":")) else { return false }
    let scheme = text.utf8[..<colon]
    guard let first = scheme.first, first.isASCIILetter,
      scheme.allSatisfy({ $0.isASCIILetter || $0.isASCIIDigit || "+-.".utf8.contains($0) })
    else { return false }
    return text.utf8.count > scheme.count + 1 && text.utf8.allSatisfy { $0 > 0x20 && $0 != 0x7F }
  }

  /// Whether the URL uses plain `http:` (case-insensitive).
  static func isPlainHTTP(_ text: String) -> Bool {
    hasPrefix(text, "http:")
  }

  /// The lower-cased extension of the last path segment, ignoring query and fragment.
  static func pathExtension(of text: String) -> String? {
    let bytes = text.utf8
    let pathEnd = bytes.firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? bytes.endIndex
    let path = bytes[..<pathEnd]
    let start = hostOffset(text).map { path.index(path.startIndex, offsetBy: min($0, path.count)) } ?? path.startIndex
    let afterHost = path[start...]
    guard let firstSlash = afterHost.firstIndex(of: UInt8(ascii: "/")) else { return nil }
    let segmentStart =
      afterHost[firstSlash...].lastIndex(of: UInt8(ascii: "/")).map { path.index(after: $0) } ?? firstSlash
    let segment = path[segmentStart...]
    guard let dot = segment.lastIndex(of: UInt8(ascii: ".")), dot != segment.startIndex else { return nil }
    return String(decoding: segment[segment.index(after: dot)...], as: UTF8.self).lowercased()
  }

  /// Whether every character is printable ASCII (what Apple asks for in media and art URLs).
  static func isPrintableASCII(_ text: String) -> Bool {
    text.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
  }

  /// Where the host starts, after `http://` or `https://` (any case); `nil` for other schemes.
  private static func hostOffset(_ text: String) -> Int? {
    if hasPrefix(text, "https://") { return 8 }
    if hasPrefix(text, "http://") { return 7 }
    return nil
  }

  /// A case-insensitive ASCII prefix test; `prefix` is lower case.
  private static func hasPrefix(_ text: String, _ prefix: StaticString) -> Bool {
    let expected = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
    var actual = text.utf8.makeIterator()
    for byte in expected {
      guard let next = actual.next(), next | 0x20 == byte else { return false }
    }
    return true
  }
}
