import Catalogue
import Foundation
import FeedWriter
import Identifiers
import PodiumXML

/// Rebuilds the publication record from the podcast feeds an earlier build left in the output
/// folder, when `.podium/published.json` itself is gone: without it a build could change the
/// GUIDs and media URLs that apps already hold, and nothing would notice.
///
/// Each `<show>/feed.xml` gives the show's `podcast:guid` and every item's `<guid>`, enclosure
/// URL and date. An item is matched to its episode file by its enclosure URL, then by its title,
/// so a changed GUID is reported at the file that changed it.
struct RecordRecovery {
  let folder: URL
  let catalogue: Catalogue

  /// Feeds are parsed whole; Podium's own feed for 10,000 episodes is about 30 MB.
  static let maximumFeedSize = 512 * 1024 * 1024

  struct Recovered {
    var record = PublicationRecord()
    var feeds = 0
    /// Feeds that are there but could not be read: their shows' GUIDs are not guarded.
    var unreadable: [String] = []
  }

  /// The record, how many feeds it came from, and which could not be read; `nil` when the
  /// folder holds no feed.
  func recover() -> Recovered? {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    let feeds = names.sorted().filter {
      !$0.hasPrefix(".") && FileManager.default.fileExists(atPath: folder.path + "/" + $0 + "/" + OutputPaths.feed)
    }
    // Made only when there is a feed to read (a first build has none), and of positions rather
    // than copies of the episodes, which are several hundred bytes each.
    guard !feeds.isEmpty else { return nil }
    var recovered = Recovered()
    var byEnclosure: [String: Position] = [:]
    for (showIndex, show) in catalogue.shows.enumerated() {
      for (episodeIndex, episode) in show.episodes.enumerated() {
        guard let media = episode.media else { continue }
        let url = catalogue.publicURL(for: media.reference, in: show)
        if byEnclosure[url] == nil { byEnclosure[url] = Position(show: showIndex, episode: episodeIndex) }
      }
    }
    let withoutScheme = Dictionary(
      byEnclosure.keys.filter { $0.hasPrefix("https://") }.map { (String($0.dropFirst("https://".count)), $0) },
      uniquingKeysWith: { first, _ in first })
    for slug in feeds {
      let path = folder.path + "/" + slug + "/" + OutputPaths.feed
      guard let document = try? XMLDocument(contentsOfFile: path, maximumSize: Self.maximumFeedSize),
        let channel = document.root.firstChild(named: "channel")
      else {
        recovered.unreadable.append("\(slug)/\(OutputPaths.feed)")
        continue
      }
      recovered.feeds += 1
      let showIndex = catalogue.shows.firstIndex { $0.slug == slug }
      let show = showIndex.map { catalogue.shows[$0] }
      var byTitle: [String: Position] = [:]
      for (episodeIndex, episode) in (show?.episodes ?? []).enumerated() where byTitle[episode.title] == nil {
        if let showIndex { byTitle[episode.title] = Position(show: showIndex, episode: episodeIndex) }
      }
      let feedURL = channel.children(named: "link", namespace: Namespaces.atom).first { $0.attribute("rel") == "self" }?
        .attribute("href")
      let resolvedFeedURL = feedURL ?? show.map { catalogue.feedURL(for: $0) } ?? ""
      // A feed without podcast:guid gets the one the spec derives from its URL, as a first build would.
      let podcastGUID = channel.firstChild(named: "guid", namespace: Namespaces.podcast)?.text
      var entry = PublicationRecord.ShowRecord(
        podcastGUID: podcastGUID.flatMap { $0.isEmpty ? nil : $0 } ?? show?.guid ?? PodcastGUID.forFeedURL(resolvedFeedURL),
        feedURL: resolvedFeedURL)
      for item in channel.children(named: "item") {
        guard let guid = item.firstChild(named: "guid")?.text, !guid.isEmpty else { continue }
        let enclosure = item.firstChild(named: "enclosure")?.attribute("url").map {
          Self.realURL($0, known: byEnclosure, withoutScheme: withoutScheme)
        }
        let title = item.firstChild(named: "title")?.text ?? ""
        let episode = (enclosure.flatMap { byEnclosure[$0] } ?? byTitle[title]).map {
          catalogue.shows[$0.show].episodes[$0.episode]
        }
        entry.episodes[guid] = PublicationRecord.EpisodeRecord(
          file: episode?.file ?? "\(slug)/\(OutputPaths.feed) (the item '\(title)')", enclosure: enclosure,
          date: episode?.date.iso8601 ?? item.firstChild(named: "pubDate")?.text ?? "")
      }
      for live in channel.children(named: "liveItem", namespace: Namespaces.podcast) {
        guard let guid = live.firstChild(named: "guid")?.text, !guid.isEmpty else { continue }
        entry.liveItems = (entry.liveItems ?? [:]).merging([guid: PublicationRecord.LiveItemRecord(
          title: live.firstChild(named: "title")?.text ?? "", stream: live.firstChild(named: "enclosure")?.attribute("url") ?? "",
          start: live.attribute("start") ?? "")]) { $1 }
      }
      recovered.record.shows[slug] = entry
    }
    return recovered.feeds == 0 && recovered.unreadable.isEmpty ? nil : recovered
  }

  /// The record keeps the real URL. A feed written through an analytics prefix (this one's or an
  /// earlier one's: OP3, Podtrac and Chartable all end in the real URL without its scheme) gives
  /// back the episode's public URL it ends with.
  static func realURL(_ url: String, known: [String: Position], withoutScheme: [String: String]) -> String {
    guard known[url] == nil else { return url }
    var rest = Substring(url)
    while let slash = rest.firstIndex(of: "/") {
      rest = rest[rest.index(after: slash)...]
      if let real = withoutScheme[String(rest)] { return real }
    }
    return url
  }

  /// Where an episode is in the catalogue.
  struct Position {
    let show: Int
    let episode: Int
  }
}
