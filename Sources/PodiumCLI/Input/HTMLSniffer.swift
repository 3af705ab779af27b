import Foundation

/// Tells an HTML page from a feed by its first bytes, so linting a show's web page instead of
/// its feed gets a clear error rather than a list of XML problems.
enum HTMLSniffer {
  /// Whether the data starts, after a byte-order mark and white space, with `<!DOCTYPE html` or `<html`.
  static func looksLikeHTML(_ data: Data) -> Bool {
    var bytes = data.prefix(512)[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    let start = String(decoding: bytes, as: UTF8.self)
      .drop { $0.isWhitespace }
      .prefix(14)
      .lowercased()
    return start.hasPrefix("<!doctype html") || start.hasPrefix("<html")
  }
}
