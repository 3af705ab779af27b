import Catalogue
import Foundation
import Parallel
import PodiumXML

/// Writes a show's podcast feed: RSS 2.0 with the itunes, podcast, content and atom namespaces.
/// The output depends only on its input, so the same catalogue always gives the same bytes.
public struct PodcastFeedWriter: Sendable {
  public let catalogue: Catalogue
  public let show: Show
  /// The show's `podcast:guid`, as kept in the publication record.
  public let podcastGUID: String

  public init(catalogue: Catalogue, show: Show, podcastGUID: String) {
    self.catalogue = catalogue
    self.show = show
    self.podcastGUID = podcastGUID
  }

  /// - Parameter published: the published episodes, in feed order (newest first). Videos that are
  ///   only on YouTube or Vimeo are left out: an item without an enclosure is not an episode to
  ///   a podcast app.
  public func write(_ published: [FeedEpisode]) throws -> Data {
    let episodes = published.filter { $0.episode.media != nil }
    let xml = try XMLWriter()
    try xml.startDocument()
    try xml.startElement("rss")
    try xml.attribute("version", "2.0")
    try xml.attribute("xmlns:itunes", Namespaces.itunes)
    try xml.attribute("xmlns:podcast", Namespaces.podcast)
    try xml.attribute("xmlns:content", Namespaces.content)
    try xml.attribute("xmlns:atom", Namespaces.atom)
    try xml.startElement("channel")
    try ChannelElements(catalogue: catalogue, show: show, podcastGUID: podcastGUID, newest: episodes.first?.episode)
      .write(to: xml)
    try xml.append(fragments: try items(episodes))
    try xml.endElement()
    try xml.endElement()
    return try xml.finish()
  }

  /// The items, written on every core, a run of them per libxml2 writer, in feed order; put
  /// together they are the same bytes as from one writer.
  private func items(_ episodes: [FeedEpisode]) throws -> [Data] {
    let items = ItemElements(catalogue: catalogue, show: show)
    let runs = stride(from: 0, to: episodes.count, by: Self.itemsPerRun).map {
      $0..<min($0 + Self.itemsPerRun, episodes.count)
    }
    let written = ParallelMap.map(runs) { run in
      Result {
        try XMLWriter.fragment(inside: ["rss", "channel"]) { xml in
          for episode in episodes[run] {
            if let media = episode.episode.media { try items.write(episode, media: media, to: xml) }
          }
        }
      }
    }
    return try written.map { try $0.get() }
  }

  /// Items per libxml2 writer: enough to keep both cores busy, few enough that each run's
  /// bytes stay small until they are copied into the feed.
  static let itemsPerRun = 128

  /// Published episodes in feed order: newest first, ties broken by GUID so the order is stable.
  public static func order(_ episodes: [Episode]) -> [Episode] {
    episodes.sorted { a, b in a.date != b.date ? a.date > b.date : a.guid < b.guid }
  }
}
