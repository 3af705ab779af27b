/// The `Content-Range` header of a 206 or 416 answer, for the file's total size.
enum ContentRange {
  /// The total in `bytes 0-1/1000` or `bytes */1000`; nil for `bytes 0-1/*` or anything malformed.
  static func total(_ header: String?) -> Int64? {
    guard let header else { return nil }
    let text = header.trimmingSpaces().lowercased()
    guard text.hasPrefix("bytes "), let slash = text.lastIndex(of: "/") else { return nil }
    return Int64(text[text.index(after: slash)...].trimmingSpaces())
  }

  /// The first and last byte in `bytes 0-1/1000` or `bytes 0-1/*`; nil for `bytes */1000` or
  /// anything malformed.
  static func bytes(_ header: String?) -> ClosedRange<Int64>? {
    guard let header else { return nil }
    let text = header.trimmingSpaces().lowercased()
    guard text.hasPrefix("bytes "), let slash = text.firstIndex(of: "/") else { return nil }
    let span = text[text.index(text.startIndex, offsetBy: 6)..<slash].trimmingSpaces().split(separator: "-", omittingEmptySubsequences: false)
    guard span.count == 2, span.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
      let first = Int64(span[0]), let last = Int64(span[1]), first <= last
    else { return nil }
    return first...last
  }
}
