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

  /// The path in the output tree.
  let path: String
  /// The path in the output folder's parent, which findings name.
  let file: String
  /// Its size: the linters' size guard (meant for files from elsewhere) is set to fit it.
  let size: Int
  let rules: Rules

  /// The same rules `podium lint` runs on anyone's feed, on the bytes in memory.
  func findings(_ data: Data) -> [Finding] {
    switch rules {
    case .feed(let profile): FeedLinter(maximumFeedSize: limit, profile: profile).lint(data, file: file)
    case .videoSitemap: SitemapLinter(maximumSize: limit).lint(data, file: file)
    }
  }

  /// The same, on the file as staged: read in pieces, so the bytes need not stay in memory.
  func findings(stagedIn staging: URL) -> [Finding] {
    let path = staging.appendingPathComponent(path).path
    return switch rules {
    case .feed(let profile): FeedLinter(maximumFeedSize: limit, profile: profile).lint(contentsOfFile: path, file: file)
    case .videoSitemap: SitemapLinter(maximumSize: limit).lint(contentsOfFile: path, file: file)
    }
  }

  private var limit: Int { max(size, 1) * 2 }
}
