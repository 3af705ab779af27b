/// The `Content-Range` header of a 206 or 416 answer, for the file's total size.
enum ContentRange {
  /// The total in `bytes 0-1/1000` or `bytes */1000`; nil for `bytes 0-1/*` or anything malformed.
  static func total(_ header: String?) -> Int64? {
    guard let header else { return nil }
    let text = header.trimmingSpaces().lowercased()
    guard text.hasPrefix("bytes "), let slash = text.lastIndex(of: "/") else { return nil }
    return Int64(text[text.index(after: slash)...].trimmingSpaces())
  }
}
