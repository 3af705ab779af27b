import ArgumentParser
import Foundation

/// Which rules `podium lint` applies to a document.
enum LintProfile: String, ExpressibleByArgument, CaseIterable, Sendable {
  case podcast, rss, sitemap

  /// A sitemap when the first element is `<urlset>`; a plain RSS feed when it is an `<rss>` that
  /// declares the Media RSS namespace (https://www.rssboard.org/media-rss) and not Apple's, as
  /// Podium's own `media.xml` does; otherwise a podcast feed, so a podcast that forgot a namespace
  /// still gets Apple's rules. Only the first kilobytes are looked at, and nothing is parsed: the
  /// linters do that, safely.
  static func sniff(_ data: Data) -> LintProfile {
    let head = String(decoding: data.prefix(4096), as: UTF8.self)
    var rest = head[...]
    while let open = rest.firstIndex(of: "<") {
      let after = rest[rest.index(after: open)...]
      if after.hasPrefix("?") || after.hasPrefix("!") {
        guard let close = after.firstIndex(of: ">") else { break }
        rest = after[after.index(after: close)...]
        continue
      }
      let name = after.prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }
      if name == "urlset" || name.hasSuffix(":urlset") { return .sitemap }
      guard name == "rss" else { return .podcast }
      let startTag = after.prefix { $0 != ">" }
      let mediaRSS = startTag.contains("http://search.yahoo.com/mrss/")
      let apple = startTag.contains("http://www.itunes.com/dtds/podcast-1.0.dtd")
      return mediaRSS && !apple ? .rss : .podcast
    }
    return .podcast
  }
}
