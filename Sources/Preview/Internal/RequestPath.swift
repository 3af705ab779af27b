/// A request's path as names to look up below a served folder, read from the raw target so that
/// an encoded `%2e%2e` or `%2f` is judged after decoding. Anything that could climb out of the
/// folder or reach a hidden file (`..`, `.`, `.podium`, an encoded slash or backslash, a NUL, an
/// empty segment) makes the whole path unusable: it is refused, never "cleaned up".
struct RequestPath: Equatable {
  /// Decoded path segments, none empty.
  let segments: [String]
  /// Whether the path ended in `/` (a folder, answered with its `index.html`).
  let isFolder: Bool

  init?(rawPath: String) {
    guard rawPath.hasPrefix("/") else { return nil }
    var parts = rawPath.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    isFolder = parts.last == ""
    if isFolder { parts.removeLast() }
    var segments: [String] = []
    for part in parts {
      guard let decoded = part.removingPercentEncoding, !decoded.isEmpty, !decoded.hasPrefix("."),
        !decoded.contains("/"), !decoded.contains("\\"), !decoded.unicodeScalars.contains(where: { $0.value < 0x20 })
      else { return nil }
      segments.append(decoded)
    }
    self.segments = segments
  }

  /// The path below the first segment.
  var rest: [String] { Array(segments.dropFirst()) }
}
