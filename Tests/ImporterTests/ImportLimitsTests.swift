import Catalogue
import Foundation
import Importer
import PodiumTestSupport
import Testing

/// An import as a whole is bounded: items read, chapters and transcripts fetched per item, their
/// bytes in all, and the time spent on the network. Past a limit the rest is named in the report
/// with the limit and how to raise it, and is not fetched at all; too many items stops the import.
@Suite struct ImportLimitsTests {
  static let now = Timestamp.parse("2030-01-01T00:00:00Z")!

  /// Items numbered from 1, each with the side files `links(n)` gives (XML of podcast: tags).
  static func feed(items: Int, links: (Int) -> String) -> String {
    let body = (1...items).map { n in
      """
      <item><title>Episode \(n)</title><guid>ep-\(n)</guid><pubDate>Mon, 0\(n) Jan 2024 10:00:00 +0000</pubDate>
        <enclosure url="https://m.podium.test/\(n).mp3" length="1000" type="audio/mpeg"/><itunes:duration>60</itunes:duration>
        \(links(n))</item>
      """
    }.joined(separator: "\n")
    return """
      <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel>
      <title>Bounded</title><description>B.</description><itunes:image href="https://m.podium.test/a.jpg"/>
      <itunes:category text="Arts"/><podcast:guid>aaaaaaaa-1b1e-5cef-ace4-edaa54e1f810</podcast:guid>
      \(body)
      </channel></rss>
      """
  }

  struct Setup {
    let folder: TemporaryFolder
    let server: TestHTTPServer

    init() throws {
      folder = try TemporaryFolder()
      server = try TestHTTPServer()
      try folder.write("episodes/podium.yaml", CatalogueFixture.site)
    }

    func transcript(_ path: String) -> String {
      "<podcast:transcript url=\"\(server.url(path))\" type=\"text/vtt\" language=\"en\"/>"
    }

    func run(_ feed: String, limits: ImportLimits, probe: Bool = false) throws(ImportError) -> ImportReport {
      server.route("/feed.xml", .text(feed, type: "application/rss+xml"))
      var options = ImportOptions(now: ImportLimitsTests.now)
      options.probeMedia = probe
      options.limits = limits
      return try FeedImporter(
        catalogueURL: folder.url.appendingPathComponent("episodes"), outputURL: folder.url.appendingPathComponent("feeds"),
        options: options
      ).run(.remote(url: server.url("/feed.xml")))
    }

    func requested(_ path: String) -> Bool { server.requests.contains { $0.path == path } }
  }

  static let vtt = "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nHello.\n"

  /// Chapters count among an item's side files; the transcripts past the limit are not asked for.
  @Test func sideFilesPerEpisodeAreBounded() throws {
    let setup = try Setup()
    setup.server.route("/c.json", .text(#"{"version":"1.2.0","chapters":[{"startTime":0,"title":"A"}]}"#, type: "application/json"))
    for name in ["a", "b", "c"] { setup.server.route("/\(name).vtt", .text(Self.vtt, type: "text/vtt")) }
    var limits = ImportLimits()
    limits.maximumSideFilesPerEpisode = 2
    let feed = Self.feed(items: 1) { _ in
      "<podcast:chapters url=\"\(setup.server.url("/c.json"))\" type=\"application/json+chapters\"/>"
        + setup.transcript("/a.vtt") + setup.transcript("/b.vtt") + setup.transcript("/c.vtt")
    }
    let report = try setup.run(feed, limits: limits)
    let episode = try #require(report.episodes.first)
    #expect(setup.requested("/c.json") && setup.requested("/a.vtt"))
    #expect(!setup.requested("/b.vtt") && !setup.requested("/c.vtt"))
    let lost = episode.losses.filter { $0.element == "podcast:transcript" }
    #expect(lost.count == 2, "\(episode.losses)")
    #expect(lost.allSatisfy { $0.detail.contains("than the 2 an import fetches for one episode") && $0.line != nil })
    #expect(setup.folder.exists("episodes/bounded/transcripts/2024-01-01-episode-1.vtt"))
  }

  /// Once the bytes allowed are spent, a file larger than what is left is refused at the limit,
  /// and a later one that fits is still fetched.
  @Test func bytesInAllAreBounded() throws {
    let setup = try Setup()
    let large = Self.vtt + String(repeating: "x", count: 600)
    setup.server.route("/1.vtt", .text(large, type: "text/vtt"))
    setup.server.route("/2.vtt", .text(large, type: "text/vtt"))
    setup.server.route("/3.vtt", .text(Self.vtt, type: "text/vtt"))
    var limits = ImportLimits()
    limits.maximumSideBytes = 1000
    let report = try setup.run(Self.feed(items: 3) { setup.transcript("/\($0).vtt") }, limits: limits)
    let losses = report.episodes.map { $0.losses.filter { $0.element == "podcast:transcript" } }
    #expect(losses[0].isEmpty && losses[2].isEmpty, "\(losses)")
    let refused = try #require(losses[1].first, "\(losses)")
    #expect(refused.detail.contains("larger than the") && refused.detail.contains("--max-fetch-mib"), "\(refused.detail)")
    #expect(setup.folder.exists("episodes/bounded/transcripts/2024-01-01-episode-1.vtt"))
    #expect(!setup.folder.exists("episodes/bounded/transcripts/2024-01-02-episode-2.vtt"))
    #expect(setup.folder.exists("episodes/bounded/transcripts/2024-01-03-episode-3.vtt"))
    // Spent to the byte: nothing more is asked for.
    limits.maximumSideBytes = large.utf8.count
    let again = try Setup()
    again.server.route("/1.vtt", .text(large, type: "text/vtt"))
    again.server.route("/2.vtt", .text(Self.vtt, type: "text/vtt"))
    let spent = try again.run(Self.feed(items: 2) { again.transcript("/\($0).vtt") }, limits: limits)
    #expect(!again.requested("/2.vtt"))
    #expect(spent.episodes[1].losses.contains { $0.detail.contains("are spent") && $0.detail.contains("--max-fetch-mib") })
  }

  /// A server that never answers uses up the time allowed, and then nothing more is asked for:
  /// later chapters and transcripts are named as not fetched, the media as not checked.
  @Test func timeInAllIsBounded() throws {
    let setup = try Setup()
    setup.server.route("/silent.json", .silent)
    setup.server.route("/slow.vtt", .delayed(seconds: 30, .text(Self.vtt, type: "text/vtt")))
    setup.server.route("/2.vtt", .text(Self.vtt, type: "text/vtt"))
    var limits = ImportLimits()
    limits.maximumNetworkSeconds = 1
    let feed = Self.feed(items: 2) { n in
      n == 1 ? "<podcast:chapters url=\"\(setup.server.url("/silent.json"))\" type=\"application/json+chapters\"/>" + setup.transcript("/slow.vtt")
        : setup.transcript("/2.vtt")
    }
    let report = try setup.run(feed, limits: limits, probe: true)
    let first = report.episodes[0]
    #expect(first.losses.contains { $0.element == "podcast:chapters" && $0.detail.contains("--network-seconds") }, "\(first.losses) \(first.notes)")
    #expect(first.losses.contains { $0.element == "podcast:transcript" && $0.detail.contains("not fetched") })
    #expect(report.episodes[1].losses.contains { $0.element == "podcast:transcript" && $0.detail.contains("for the network are spent") })
    #expect(!setup.requested("/slow.vtt") && !setup.requested("/2.vtt"))
    #expect(report.episodes.allSatisfy { $0.notes.contains { $0.contains("media was not checked") } }, "\(report.episodes.map(\.notes))")
  }

  /// Within the limits, many small files are fetched several at once, each still its own.
  @Test func transcriptsAreFetchedSeveralAtOnce() throws {
    let setup = try Setup()
    for n in 1...6 { setup.server.route("/\(n).vtt", .delayed(seconds: 0.3, .text(Self.vtt + "\(n)\n", type: "text/vtt"))) }
    let report = try setup.run(Self.feed(items: 6) { setup.transcript("/\($0).vtt") }, limits: ImportLimits())
    #expect(setup.server.peakConcurrentRequests > 1)
    for n in 1...6 {
      #expect(try setup.folder.read("episodes/bounded/transcripts/2024-01-0\(n)-episode-\(n).vtt") == Data((Self.vtt + "\(n)\n").utf8))
    }
    #expect(report.episodes.allSatisfy { $0.losses.isEmpty }, "\(report.episodes.map(\.losses))")
  }

  /// More items than allowed: refused before anything is written, saying how to import them all.
  @Test func tooManyEpisodesAreRefused() throws {
    let setup = try Setup()
    var limits = ImportLimits()
    limits.maximumEpisodes = 2
    let error = #expect(throws: ImportError.self) { try setup.run(Self.feed(items: 3) { _ in "" }, limits: limits) }
    #expect(error?.description.contains("has 3 episodes") == true && error?.description.contains("--max-episodes 3") == true, "\(String(describing: error))")
    #expect(!setup.folder.exists("episodes/bounded"))
    #expect(!setup.folder.exists("feeds"))
    limits.maximumEpisodes = 3
    #expect(try setup.run(Self.feed(items: 3) { _ in "" }, limits: limits).episodes.count == 3)
  }
}
