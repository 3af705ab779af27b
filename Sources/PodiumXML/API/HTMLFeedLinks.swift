/// The feeds a web page names for itself (`<link rel="alternate" type="application/rss+xml" href>`,
/// https://www.rssboard.org/rss-autodiscovery), so a command given a show's page instead of its feed
/// can say which address to give instead.
public enum HTMLFeedLinks {
  /// Whether the data starts, after a byte-order mark and white space, with `<!DOCTYPE html` or `<html`.
  public static func looksLikeHTML(_ data: some Collection<UInt8>) -> Bool {
    var bytes = data.prefix(512)[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    let start = String(decoding: bytes, as: UTF8.self)
      .drop { $0.isWhitespace }
      .prefix(14)
      .lowercased()
    return start.hasPrefix("<!doctype html") || start.hasPrefix("<html")
  }

  /// The RSS feeds first, then Atom ones, in page order, as written (relative ones included).
  public static func feeds(in html: String) -> [String] {
    let found = HTMLFragmentParser.parse(html, with: HTMLFeedLinkVisitor()).links
    return found.filter { $0.rss }.map(\.href) + found.filter { !$0.rss }.map(\.href)
  }
}
