import FeedRules
import Foundation
import PodiumXML

/// A podcast feed as written, with what the sanitiser took out of show notes on the way, for
/// the author to be told.
public struct PodcastFeed: Sendable {
  /// What was removed from one episode's notes.
  public struct Removals: Sendable {
    /// The episode's index in the list the feed was written from.
    public let episode: Int
    public let removals: [HTMLRemoval]
  }

  /// The feed's bytes; empty when it was written into a file.
  public let data: Data
  public let byteCount: Int
  /// In feed order; episodes whose notes lost nothing are not listed.
  public let removals: [Removals]
  /// Where each item and element came from, for findings about the feed.
  public let sourceMap: FeedSourceMap
  /// The items' results from the feed rules, checked from the writer's events as they were
  /// written (``PodcastFeedWriter/checksItems``), a run of items at a time; empty when not asked for.
  public var checkedItems: [WrittenFeedCheck.Run] = []
}
