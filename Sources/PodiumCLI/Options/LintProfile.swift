import ArgumentParser
import Foundation

/// Which rules `podium lint` applies to a document.
enum LintProfile: String, ExpressibleByArgument, CaseIterable, Sendable {
  case podcast, rss, sitemap

  /// A sitemap when the first element is `<urlset>`; otherwise a podcast feed. Only the first
  /// kilobytes are looked at, and nothing is parsed: the linters do that, safely.
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
      return name == "urlset" || name.hasSuffix(":urlset") ? .sitemap : .podcast
    }
    return .podcast
  }
}
