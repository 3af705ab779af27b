import Catalogue
import FeedWriter
import Foundation
import PodiumTestSupport
import PodiumXML
import Publisher
import Testing
import VideoSite

/// The campaign's catalogue, built: every episode's chapters read back from each dialect the build
/// writes (Podcasting 2.0 JSON, Podlove Simple Chapters, WebVTT, `00:00` lines in the notes) and
/// from the sample media themselves are the catalogue's chapters, and the video pages and index carry the WebVTT as a chapters track.
@Suite struct ChapterDialectTests {
  /// A chapter as a dialect gives it back: its start in milliseconds and its title.
  struct Mark: Equatable, CustomStringConvertible {
    let start: Int
    let title: String
    var description: String { "\(start) ms \(title)" }
  }

  let now = Timestamp.parse("2026-11-27T12:00:00+01:00")!

  @Test func everyDialectOfTheSampleCatalogueSaysTheSame() throws {
    let folder = try TemporaryFolder()
    let catalogueURL = CampaignCatalogueTests.repository.appendingPathComponent("episodes")
    _ = try Publisher(
      catalogueURL: catalogueURL, outputURL: folder.url.appendingPathComponent("feeds"), options: BuildOptions(now: now)
    ).build()
    let catalogue = try #require(CatalogueLoader(root: catalogueURL).load().catalogue)
    var compared = 0
    for show in catalogue.shows {
      let feedFile = "feeds/\(show.slug)/feed.xml"
      let feed = try FeedReader(try folder.read(feedFile))
      let apps = try Self.appChapters(folder.url.appendingPathComponent(feedFile))
      for episode in show.episodes where episode.status(at: now) == .published && !episode.chapters.isEmpty {
        let expected = Chapter.listed(episode.chapters).map { Mark(start: ChapterTime.milliseconds($0.start), title: $0.title) }
        let item = try #require(feed.items.first { feed.text($0, "guid") == episode.guid })
        let json = try Self.json(try folder.read("feeds/\(show.slug)/\(OutputPaths.chapters(episode))"))
        let psc = try Self.psc(item)
        let vtt = Self.webVTT(String(decoding: try folder.read("feeds/\(show.slug)/\(OutputPaths.chaptersVTT(episode))"), as: UTF8.self))
        #expect(json == expected, "\(episode.file): JSON")
        #expect(psc == expected, "\(episode.file): psc:chapters")
        #expect(vtt == expected, "\(episode.file): WebVTT")
        // The sample media carry the same chapters inside them (podium chapters --embed).
        let embedded = episode.media?.probe?.chapters.map { Mark(start: ChapterTime.milliseconds($0.start), title: $0.title ?? "") }
        #expect(embedded == expected, "\(episode.file): inside the media file")
        // podcastparser (gPodder) reads psc:chapters in whole seconds, feedparser to the millisecond.
        #expect(apps.podcastparser[episode.guid] == expected.map { Mark(start: $0.start / 1000 * 1000, title: $0.title) }, "\(episode.file): podcastparser")
        #expect(apps.feedparser[episode.guid] == expected, "\(episode.file): feedparser")
        if show.chapterTimestamps {
          let notes = try #require(feed.text(item, "encoded", namespace: FeedReader.content))
          #expect(Self.timestamps(notes) == expected.map { Mark(start: $0.start / 1000 * 1000, title: $0.title) }, "\(episode.file): notes")
        }
        if show.medium == .video {
          let vttURL = catalogue.outputURL(for: show, path: OutputPaths.chaptersVTT(episode))
          let page = String(decoding: try folder.read("feeds/\(show.slug)/\(VideoPaths.page(episode))"), as: UTF8.self)
          #expect(page.contains("<track kind=\"chapters\" src=\"\(vttURL)\""), "\(episode.file): video page")
          let index = try JSONSerialization.jsonObject(with: try folder.read("feeds/\(show.slug)/\(VideoPaths.indexJSON)")) as? [String: Any]
          let video = (index?["videos"] as? [[String: Any]])?.first { $0["id"] as? String == episode.guid }
          #expect((video?["chapters"] as? [String: Any])?["url"] as? String == vttURL, "\(episode.file): index.json")
        }
        compared += 1
      }
    }
    #expect(compared >= 6)
  }

  static func json(_ data: Data) throws -> [Mark] {
    let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    return (object?["chapters"] as? [[String: Any]] ?? []).filter { $0["toc"] as? Bool != false }.map {
      Mark(start: Int((($0["startTime"] as? NSNumber)?.doubleValue ?? -1) * 1000), title: $0["title"] as? String ?? "")
    }
  }

  static func psc(_ item: XMLElement) throws -> [Mark] {
    let chapters = try #require(item.firstChild(named: "chapters", namespace: ChapterDialects.pscNamespace))
    #expect(chapters.attribute("version") == "1.2")
    return chapters.children(named: "chapter", namespace: ChapterDialects.pscNamespace).map {
      Mark(start: milliseconds($0.attribute("start") ?? ""), title: $0.attribute("title") ?? "")
    }
  }

  /// `HH:MM:SS.mmm` in milliseconds; -1 when it isn't one.
  static func milliseconds(_ text: String) -> Int {
    let parts = text.split(separator: ":")
    guard parts.count == 3, let hours = Int(parts[0]), let minutes = Int(parts[1]), let seconds = Double(parts[2]) else { return -1 }
    return Int(((Double(hours * 3600 + minutes * 60) + seconds) * 1000).rounded())
  }

  /// Each cue's start and text, after a `WEBVTT` first line; a cue must end after it starts.
  static func webVTT(_ text: String) -> [Mark] {
    guard text.hasPrefix("WEBVTT") else { return [] }
    var marks: [Mark] = []
    let lines = text.components(separatedBy: "\n")
    for (index, line) in lines.enumerated() where line.contains(" --> ") && index + 1 < lines.count {
      let times = line.components(separatedBy: " --> ").map(milliseconds)
      #expect(times.count == 2 && times[1] > times[0], "\(line)")
      let title = lines[index + 1].replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        .replacingOccurrences(of: "&amp;", with: "&")
      marks.append(Mark(start: times[0], title: title))
    }
    return marks
  }

  /// The `00:00 Title` lines in the notes' HTML (one per line, after `<br />`s).
  static func timestamps(_ html: String) -> [Mark] {
    let text = html.replacingOccurrences(of: "<br />", with: "\n").replacingOccurrences(of: #"<[^>]+>"#, with: "", options: .regularExpression)
      .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
      .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    return text.components(separatedBy: "\n").compactMap { line -> Mark? in
      guard let match = line.firstMatch(of: /^(?:(\d+):)?(\d\d):(\d\d) (.+)$/) else { return nil }
      let hours = match.1.flatMap { Int($0) } ?? 0
      return Mark(start: ((hours * 60 + Int(match.2)!) * 60 + Int(match.3)!) * 1000, title: String(match.4))
    }
  }

  /// Each episode's chapters, by GUID, as podcastparser (gPodder's feed parser) and feedparser read
  /// them from psc:chapters.
  static func appChapters(_ feed: URL) throws -> (podcastparser: [String: [Mark]], feedparser: [String: [Mark]]) {
    let script = """
      import json, sys, feedparser, podcastparser
      with open(sys.argv[1], "rb") as f:
          parsed = podcastparser.parse("https://feeds.podium.test/feed.xml", f)
      first = {e["guid"]: [[c["start"] * 1000, c["title"]] for c in e.get("chapters", [])] for e in parsed["episodes"]}
      feed = feedparser.parse(sys.argv[1])
      if feed.bozo:
          sys.exit("feedparser: %s" % feed.bozo_exception)
      second = {e.id: [[round(c["start_parsed"].total_seconds() * 1000), c["title"]] for c in e.get("psc_chapters", {}).get("chapters", [])]
                for e in feed.entries}
      print(json.dumps([first, second]))
      """
    let output = try MediaTools.run("python3", ["-c", script, feed.path], in: feed.deletingLastPathComponent())
    let both = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: [[Any]]]] ?? []
    let marks = both.map { $0.mapValues { rows in rows.map { Mark(start: ($0[0] as? NSNumber)?.intValue ?? -1, title: $0[1] as? String ?? "") } } }
    return (marks.first ?? [:], marks.dropFirst().first ?? [:])
  }
}
