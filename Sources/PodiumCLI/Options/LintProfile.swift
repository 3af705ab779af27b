import ArgumentParser
import FeedRules
import Foundation

/// Which rules `podium lint` applies to a document.
enum LintProfile: String, ExpressibleByArgument, CaseIterable, Sendable {
  case podcast, rss, sitemap

  /// What a podcast-looking document turned out to be, once checked with every rule: a feed with
  /// no Apple namespace whose items (nearly) all lack an enclosure is a blog's feed, reported as
  /// plain RSS rather than with one CLIENT-NO-ENCLOSURE and one APPLE-ITEM-DURATION per post; a
  /// podcast feed where most items lack one gets a hint that `--profile rss` exists.
  ///
  /// - Parameters:
  ///   - shape: the feed's items and enclosures, counted while it was checked.
  ///   - name: the file or URL, for the note.
  /// - Returns: the rules to report, and a note for the reader, if any.
  static func decide(_ shape: FeedShape, name: String) -> (profile: FeedProfile, note: String?) {
    let counted = "\(shape.itemsWithEnclosure) of its \(shape.items) items have an <enclosure>"
    if shape.looksLikeBlog {
      return (
        .rss,
        "\(name) declares no itunes namespace and \(counted), so it looks like a blog's feed and was checked as "
          + "plain RSS; lint it with --profile podcast to apply Apple's and Podcasting 2.0's rules too"
      )
    }
    if shape.itemsWithoutEnclosure >= Self.manyWithoutEnclosure, shape.itemsWithoutEnclosure * 2 > shape.items {
      return (
        .podcast,
        "\(name): \(counted), and podcast apps skip items without one; if this is a blog's feed rather than "
          + "a podcast's, lint it with --profile rss"
      )
    }
    return (.podcast, nil)
  }

  /// Items without an enclosure from which a podcast feed gets the hint.
  static let manyWithoutEnclosure = 10

  /// A sitemap when the first element is `<urlset>`; a plain RSS feed when it is an `<rss>` that
  /// declares the Media RSS namespace (https://www.rssboard.org/media-rss) and not Apple's, as
  /// Podium's own `media.xml` does; otherwise a podcast feed (which `decide` may still find to be
  /// a blog's). Only the first kilobytes are looked at, and nothing is parsed: the linters do
  /// that, safely.
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
