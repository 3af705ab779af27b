import Diagnostics
import FeedRules
import Foundation

/// A file the build wrote that Podium's own rules check before anything is published: a feed,
/// with the feed rules of its profile, or a video sitemap, with the sitemap rules. Error-level
/// findings stop the build, as for any other check.
struct CheckedOutput: Sendable {
  enum Rules: Sendable, Hashable {
    case feed(FeedProfile)
    case videoSitemap
  }

  /// The path in the output folder's parent, which findings name.
  let file: String
  let data: Data
  let rules: Rules

  /// The same rules `podium lint` runs on anyone's feed. The file's size is known, so the
  /// linters' size guard (meant for files from elsewhere) is set to fit it.
  func findings() -> [Finding] {
    let limit = max(data.count, 1) * 2
    switch rules {
    case .feed(let profile): return FeedLinter(maximumFeedSize: limit, profile: profile).lint(data, file: file)
    case .videoSitemap: return SitemapLinter(maximumSize: limit).lint(data, file: file)
    }
  }
}
