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
    try writeItems(episodes, to: xml)
    try xml.endElement()
    try xml.endElement()
    return try xml.finish()
  }

  /// Writes the items on every core, a run of them per libxml2 writer, and adds them in feed
  /// order: the same bytes as from one writer. A batch of runs at a time, so the feed is not
  /// held twice, once in pieces and once whole.
  private func writeItems(_ episodes: [FeedEpisode], to xml: XMLWriter) throws {
    let items = ItemElements(catalogue: catalogue, show: show)
    let runs = stride(from: 0, to: episodes.count, by: itemsPerRun).map {
      $0..<min($0 + itemsPerRun, episodes.count)
    }
    for batch in stride(from: 0, to: runs.count, by: runsPerBatch) {
      let written = ParallelMap.map(Array(runs[batch..<min(batch + runsPerBatch, runs.count)])) { run in
        Result {
          try XMLWriter.fragment(inside: ["rss", "channel"]) { xml in
            for episode in episodes[run] {
              if let media = episode.episode.media { try items.write(episode, media: media, to: xml) }
            }
          }
        }
      }
      try xml.append(fragments: try written.map { try $0.get() }, inside: ["rss", "channel"])
    }
  }

  /// Items per libxml2 writer, and runs written at once: enough to keep every core busy, few
  /// enough that the pieces waiting to be added stay small (about 3 MB for show notes of 2 KB).
  var itemsPerRun = 128
  var runsPerBatch = 8

  /// Published episodes in feed order: newest first, ties broken by GUID so the order is stable.
  public static func order(_ episodes: [Episode]) -> [Episode] {
    episodes.sorted { a, b in a.date != b.date ? a.date > b.date : a.guid < b.guid }
  }
}
