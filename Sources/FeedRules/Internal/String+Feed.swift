import PodiumXML

/// Small text helpers the rules share; plain loops, as they run on every element of big feeds.
extension String {
  func trimmingWhitespace() -> String {
    if let first = utf8.first, let last = utf8.last, first.isVisibleASCII, last.isVisibleASCII { return self }
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
    guard let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
    return String(scalars[first...last])
  }

  var hasOuterWhitespace: Bool {
    if let first = utf8.first, let last = utf8.last, first.isVisibleASCII, last.isVisibleASCII { return false }
    guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return false }
    return first.properties.isWhitespace || last.properties.isWhitespace
  }

  /// Whether the text holds something an HTML reader takes as a tag: `<p>`, `</a>`, `<!--`.
  var containsHTMLTag: Bool { HTMLMarkup.firstTag(in: self) != nil }

  var isASCIIDigits: Bool { !isEmpty && utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }

  /// A non-negative decimal number without sign or exponent: `12`, `29.97`, `0.5`.
  var isDecimalNumber: Bool {
    let parts = split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    return parts.allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy(\.isASCIIDigit) }
  }

  /// A positive whole number without sign or leading zero (`itunes:episode`, `itunes:season`).
  var isPositiveInteger: Bool { isASCIIDigits && utf8.first != UInt8(ascii: "0") }

  /// A UUID in its 8-4-4-4-12 hex form, in either case.
  var isUUID: Bool {
    split(separator: "-", omittingEmptySubsequences: false).map(\.utf8.count) == [8, 4, 4, 4, 12]
      && utf8.allSatisfy { $0 == UInt8(ascii: "-") || $0.isASCIIDigit || (0x61...0x66).contains($0 | 0x20) }
  }

  /// Text shortened for a message, so one long value cannot swamp the output.
  var quotedForMessage: String {
    let limit = 60
    return count > limit ? "'\(prefix(limit))…'" : "'\(self)'"
  }
}

extension UInt8 {
  /// A printable ASCII character other than space: never whitespace, in any encoding.
  var isVisibleASCII: Bool { self > 0x20 && self < 0x7F }
  var isASCIIDigit: Bool { (0x30...0x39).contains(self) }
  var isASCIILetter: Bool { (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self) }
}
