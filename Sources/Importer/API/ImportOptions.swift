import Catalogue
import LinkCheck

/// How an import runs. Every input is explicit, so tests can run it as the command does.
public struct ImportOptions: Sendable {
  /// The new show's folder name; by default a slug of the feed's title.
  public var showSlug: String?
  /// Fetch every enclosure into the show's `media/` instead of keeping the remote URLs.
  public var downloadMedia = false
  /// Ask each enclosure's server for its size and type (HEAD and a ranged GET), read its duration
  /// from the media where the server answers ranges (a few hundred KB of it), and report what
  /// differs from the feed. Nothing is downloaded whole.
  public var probeMedia = true
  /// The old feed's address, for a file that names none (`atom:link rel="self"`): the show's
  /// `podcast:guid` is computed from it when the feed has none.
  public var feedURL: String?
  /// The date given to an item without a readable one, so a rerun gives the same files.
  public var now: Timestamp
  /// Limits for every request: feed, chapters, transcripts, probes and downloads.
  public var network = LinkCheckConfiguration()
  /// The largest feed read, in bytes.
  public var maximumFeedSize = 128 * 1024 * 1024
  /// What the whole import may fetch beyond the feed.
  public var limits = ImportLimits()
  /// Called as media files download: episodes done, episodes in all.
  public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?

  public init(now: Timestamp) {
    self.now = now
  }

  /// How what the feed links to is fetched: from this machine's loopback only when the feed
  /// itself came from this machine (a file, or a server on loopback), so that a feed from
  /// elsewhere can't make the import read, store and later publish what local services answer.
  /// Through a proxy every connection is to the proxy, which decides where requests go.
  public func network(for source: ImportSource) -> LinkCheckConfiguration {
    var configuration = network
    configuration.allowLoopback = configuration.allowLoopback && (source.isLocal || configuration.proxy != nil)
    return configuration
  }
}
