import Catalogue
import Foundation
import ObjectStore
import PodiumTestSupport
import Publisher
import Testing

/// `Publisher.publish` into a folder (`DirectoryStore`) inside the test's own temporary folder,
/// checked through a real HTTP server on 127.0.0.1 that serves that folder as the public host.
@Suite struct PublishTests {
  /// One host for feeds and media, so the layout follows from the URLs: feeds/ and media/.
  static func site(_ extra: String = "") -> String {
    """
    base_url: https://podcast.podium.test/feeds/
    media_base_url: https://podcast.podium.test/media/
    language: nl-BE
    publisher: Socius
    owner:
      name: Socius
      email: podcast@podium.test
    copyright: © 2024 Socius vzw
    website: https://podium.test/
    \(extra)
    """
  }

  /// A catalogue with one episode, a document root, and a server serving it as the public host.
  struct Setup {
    let fixture: CatalogueFixture
    let root: URL
    let server: TestHTTPServer
    var options = PublishOptions()
    var cache: BuildCache?

    init(site: String = PublishTests.site()) throws {
      fixture = try CatalogueFixture(site: site)
      try fixture.addEpisode()
      root = fixture.folder.url.appendingPathComponent("www")
      try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
      server = try TestHTTPServer()
      server.serve(directory: root, at: "/")
      options.checkThrough = ["https://podcast.podium.test/": server.baseURL + "/"]
    }

    func publish(now: String = "2025-01-01T00:00:00Z", dryRun: Bool = false) throws -> PublishReport {
      var publisher = Publisher(
        catalogueURL: fixture.catalogue, outputURL: fixture.output, options: BuildOptions(now: Timestamp.parse(now)!))
      publisher.cache = cache
      var options = self.options
      options.dryRun = dryRun
      let store = try DirectoryStore(folder: root, catalogue: fixture.catalogue, currentFolder: fixture.folder.url.path)
      return try publisher.publish(to: store, options: options)
    }

    func published(_ key: String) throws -> Data { try Data(contentsOf: root.appendingPathComponent(key)) }
  }

  static let media = "media/gesprekken/media/2024-03-14-de-buurt-beslist.mp3"
  static let feed = "feeds/gesprekken/feed.xml"

  @Test func fullPublishPutsEveryFileWhereItsURLPoints() throws {
    let setup = try Setup()
    let report = try setup.publish()
    #expect(report.succeeded, "\(String(describing: report.failure)) \(report.build.findings)")
    // A folder can't set its own cross-origin rule: the only warning says what to set on the server.
    #expect(report.warnings.count == 1 && report.warnings[0].contains("Access-Control-Allow-Origin"), "\(report.warnings)")
    #expect(try setup.published(Self.media) == setup.fixture.folder.read("episodes/gesprekken/media/2024-03-14-de-buurt-beslist.mp3"))
    #expect(try setup.published("media/gesprekken/artwork.jpg") == setup.fixture.folder.read("episodes/gesprekken/artwork.jpg"))
    #expect(try setup.published(Self.feed) == setup.fixture.folder.read("feeds/gesprekken/feed.xml"))
    #expect(try setup.published("feeds/feeds.opml") == setup.fixture.folder.read("feeds/feeds.opml"))
    // The build's own bookkeeping stays home.
    #expect(!FileManager.default.fileExists(atPath: setup.root.appendingPathComponent("feeds/.podium").path))
    #expect(Set(report.uploaded) == Set(report.items.map(\.key)))
    // What Podium wrote there is listed in one file of its own once the publish is done.
    #expect(FileManager.default.fileExists(atPath: setup.root.appendingPathComponent(".podium-published.json").path))
    #expect(!FileManager.default.fileExists(atPath: setup.root.appendingPathComponent(".podium-published.journal").path))
    // The new media file was fetched through the public address, as an app would.
    #expect(setup.server.requests.contains { $0.path == "/" + Self.media && $0.range != nil })
  }

  @Test func feedsGoUpAfterEverythingTheyPointAt() throws {
    let setup = try Setup()
    let report = try setup.publish()
    let kinds = report.uploaded.compactMap { key in report.items.first { $0.key == key }?.kind }
    let firstLast = try #require(kinds.firstIndex { $0.isLast })
    #expect(kinds[firstLast...].allSatisfy { $0.isLast }, "\(report.uploaded)")
    #expect(kinds.contains(.media) && kinds.contains(.artwork) && kinds.contains(.feed) && kinds.contains(.opml))
    // The plan is in upload order too.
    #expect(report.items.map(\.kind) == report.items.map(\.kind).sorted())
  }

  @Test(arguments: [
    (Self.media, "audio/mpeg", "public, max-age=31536000, immutable"),
    ("media/gesprekken/artwork.jpg", "image/jpeg", "public, max-age=31536000, immutable"),
    (Self.feed, "application/rss+xml", "public, max-age=120"),
    ("feeds/feeds.opml", "text/xml; charset=utf-8", "public, max-age=120"),
  ])
  func everyFileHasItsTypeAndCacheTime(key: String, type: String, cache: String) throws {
    let setup = try Setup(site: Self.site("publish:\n  feed_cache_seconds: 120\n"))
    let report = try setup.publish(dryRun: true)
    let item = try #require(report.items.first { $0.key == key }, "\(report.items.map(\.key))")
    #expect(item.contentType == type)
    #expect(item.cacheControl == cache)
  }

  @Test func aSecondPublishWithNoChangeUploadsNothing() throws {
    let setup = try Setup()
    _ = try setup.publish()
    let second = try setup.publish()
    #expect(second.succeeded)
    #expect(second.uploaded.isEmpty)
    #expect(second.items.allSatisfy { $0.action == .skip })
    // One listing and nothing more: not even the cross-origin rule again.
    #expect(second.crossOrigin == nil)
  }

  @Test func aNewEpisodeUploadsOnlyItsFilesAndTheFeed() throws {
    let setup = try Setup()
    _ = try setup.publish()
    try setup.fixture.addEpisode(
      "2024-04-11-het-plein", title: "Het plein", date: "2024-04-11T09:00:00+02:00",
      guid: "7a2e5d4f-3c9b-4e6f-8a21-2b3c4d5e6f70")
    let report = try setup.publish()
    #expect(report.succeeded, "\(String(describing: report.failure))")
    #expect(Set(report.uploaded) == ["media/gesprekken/media/2024-04-11-het-plein.mp3", Self.feed])
  }

  @Test func aMediaFileChangedInTheTargetIsRefusedByName() throws {
    let setup = try Setup()
    _ = try setup.publish()
    try Data("other bytes".utf8).write(to: setup.root.appendingPathComponent(Self.media))
    let feedBefore = try setup.published(Self.feed)
    try setup.fixture.writeEpisode("2024-03-14-de-buurt-beslist.md", String(
      decoding: try setup.fixture.folder.read("episodes/gesprekken/2024-03-14-de-buurt-beslist.md"), as: UTF8.self)
      .replacingOccurrences(of: "Hoe een", with: "Waarom een"))
    let report = try setup.publish()
    #expect(!report.succeeded)
    #expect(report.failure?.key == Self.media)
    #expect(report.failure?.message.contains(Self.media) == true)
    #expect(report.uploaded.isEmpty)
    #expect(try setup.published(Self.feed) == feedBefore)
    #expect(try setup.published(Self.media) == Data("other bytes".utf8))
  }

  @Test func failingChecksPublishNothing() throws {
    let setup = try Setup()
    try setup.fixture.writeEpisode("2024-05-01-kapot.md", "---\ntitle: Kapot\ndate: 2024-05-01T09:00:00+02:00\n---\n")
    let report = try setup.publish()
    #expect(report.blockedByBuild)
    #expect(!report.succeeded)
    #expect(report.items.isEmpty)
    #expect(try FileManager.default.contentsOfDirectory(atPath: setup.root.path).isEmpty)
  }

  @Test func aFileItDidNotWriteIsNeverReplacedNorDeleted() throws {
    let setup = try Setup()
    try setup.fixture.folder.write("www/index.html", "<p>the producer's own page</p>")
    try setup.fixture.folder.write("www/feeds/gesprekken/feed.xml", "<rss>an old host's feed</rss>")
    let refused = try setup.publish()
    #expect(refused.failure?.key == Self.feed)
    #expect(refused.uploaded.isEmpty)
    #expect(try setup.published(Self.feed) == Data("<rss>an old host's feed</rss>".utf8))
    try FileManager.default.removeItem(at: setup.root.appendingPathComponent(Self.feed))
    let report = try setup.publish()
    #expect(report.succeeded, "\(String(describing: report.failure))")
    #expect(try setup.published("index.html") == Data("<p>the producer's own page</p>".utf8))
  }

  @Test func aDryRunPlansAndUploadsNothing() throws {
    let setup = try Setup()
    let report = try setup.publish(dryRun: true)
    #expect(report.succeeded)
    #expect(report.uploaded.isEmpty)
    #expect(report.items.contains { $0.key == Self.media && $0.action == .upload })
    #expect(report.bytesToUpload == report.items.reduce(0) { $0 + $1.size })
    #expect(try FileManager.default.contentsOfDirectory(atPath: setup.root.path).isEmpty)
  }

  @Test func changedFeedsAreAnnouncedAndAFailingHubIsOnlyAWarning() throws {
    let services = try TestHTTPServer()
    services.route("/hub", .status(204))
    services.route("/podping", .text("Success!", type: "text/plain"))
    var setup = try Setup(site: Self.site("""
      publish:
        websub_hub: \(services.url("/hub"))
        podping: true
        podping_endpoint: \(services.url("/podping"))
      """))
    setup.options.podpingToken = "secret-token"
    let report = try setup.publish()
    #expect(report.succeeded, "\(String(describing: report.failure))")
    #expect(report.notifications.count == 2 && report.notifications.allSatisfy { $0.problem == nil }, "\(report.notifications)")
    let hub = try #require(services.requests.first { $0.path == "/hub" })
    #expect(hub.method == "POST")
    #expect(String(decoding: hub.body, as: UTF8.self) == "hub.mode=publish&hub.url=https%3A%2F%2Fpodcast.podium.test%2Ffeeds%2Fgesprekken%2Ffeed.xml")
    let ping = try #require(services.requests.first { $0.path == "/podping" })
    #expect(ping.method == "GET")
    #expect(ping.query == "url=https%3A%2F%2Fpodcast.podium.test%2Ffeeds%2Fgesprekken%2Ffeed.xml&reason=update&medium=podcast")
    #expect(ping.headers["authorization"] == "secret-token")
    let feed = String(decoding: try setup.published(Self.feed), as: UTF8.self)
    #expect(feed.contains("<atom:link href=\"\(services.url("/hub"))\" rel=\"hub\"/>"), "\(feed.prefix(1500))")

    // No change: no one is told anything.
    let quiet = try setup.publish()
    #expect(quiet.notifications.isEmpty)

    // A hub that fails is a warning; the publish stands.
    services.route("/hub", .status(500))
    try setup.fixture.addEpisode(
      "2024-04-11-het-plein", title: "Het plein", date: "2024-04-11T09:00:00+02:00",
      guid: "7a2e5d4f-3c9b-4e6f-8a21-2b3c4d5e6f70")
    let failing = try setup.publish()
    #expect(failing.succeeded)
    #expect(failing.warnings.contains { $0.contains("WebSub hub") && $0.contains("500") }, "\(failing.warnings)")
  }

  @Test func theAnalyticsPrefixIsInTheFeedAndNotInTheRecord() throws {
    let setup = try Setup(site: Self.site("analytics_prefix: https://op3.dev/e/\n"))
    let report = try setup.publish()
    #expect(report.succeeded, "\(String(describing: report.failure)) \(report.build.findings)")
    let feed = String(decoding: try setup.published(Self.feed), as: UTF8.self)
    #expect(feed.contains("url=\"https://op3.dev/e/podcast.podium.test/media/gesprekken/media/2024-03-14-de-buurt-beslist.mp3\""))
    let record = String(decoding: try setup.fixture.folder.read("feeds/.podium/published.json"), as: UTF8.self)
    #expect(record.contains("https://podcast.podium.test/media/gesprekken/media/2024-03-14-de-buurt-beslist.mp3"))
    #expect(!record.contains("op3.dev"))
    // The file itself was checked, not the analytics service.
    #expect(setup.server.requests.contains { $0.path == "/" + Self.media })

    // Another service's prefix, with the record rebuilt from the feed written through OP3's, or
    // no prefix at all: no changed enclosure.
    try FileManager.default.removeItem(at: setup.fixture.output.appendingPathComponent(".podium/published.json"))
    try setup.fixture.folder.write("episodes/podium.yaml", Self.site("analytics_prefix: https://dts.podtrac.com/redirect.mp3/\n"))
    let recovered = try setup.publish()
    #expect(recovered.succeeded, "\(recovered.build.findings)")
    #expect(String(decoding: try setup.published(Self.feed), as: UTF8.self).contains("https://dts.podtrac.com/redirect.mp3/podcast.podium.test/media/"))
    #expect(!recovered.build.findings.contains { $0.ruleID == "PUB-ENCLOSURE-CHANGED" }, "\(recovered.build.findings)")
    try setup.fixture.folder.write("episodes/podium.yaml", Self.site())
    let dropped = try setup.publish()
    #expect(dropped.succeeded, "\(dropped.build.findings)")
    #expect(!dropped.build.findings.contains { $0.ruleID == "PUB-ENCLOSURE-CHANGED" })
  }

  @Test func aMediaFileThePublicHostDoesNotServeStopsThePublishBeforeTheFeeds() throws {
    var setup = try Setup()
    // The public host answers 404 for everything: the CDN points somewhere else.
    let elsewhere = try TestHTTPServer()
    setup.options.checkThrough = ["https://podcast.podium.test/": elsewhere.baseURL + "/"]
    let report = try setup.publish()
    #expect(!report.succeeded)
    #expect(report.failure?.key == Self.media)
    #expect(report.failure?.message.contains("404") == true, "\(String(describing: report.failure))")
    #expect(FileManager.default.fileExists(atPath: setup.root.appendingPathComponent(Self.media).path))
    #expect(!FileManager.default.fileExists(atPath: setup.root.appendingPathComponent(Self.feed).path))
  }

  @Test(arguments: [
    ("https://a.podium.test/feeds/", "https://a.podium.test/media/", "feeds", "media"),
    ("https://a.podium.test/podcast/", "https://a.podium.test/podcast/media/", "", "media"),
    ("https://a.podium.test/", "https://a.podium.test/", "", ""),
  ])
  func oneHostGivesTheFoldersFromItsPaths(base: String, media: String, feeds: String, mediaFolder: String) {
    let site = Site(baseURL: base, mediaBaseURL: media, language: "nl", publisher: "P")
    let layout = try? PublishLayout.of(site).get()
    #expect(layout?.feedsFolder == feeds)
    #expect(layout?.mediaFolder == mediaFolder)
  }

  @Test func twoHostsNeedTheirFoldersNamed() throws {
    var site = Site(
      baseURL: "https://feeds.podium.test/", mediaBaseURL: "https://media.podium.test/", language: "nl", publisher: "P")
    guard case .failure(let failure) = PublishLayout.of(site) else {
      Issue.record("two hosts were mapped without folders")
      return
    }
    #expect(failure.message.contains("publish.feeds_folder") && failure.message.contains("publish.media_folder"))
    site.publish.feedsFolder = "f"
    site.publish.mediaFolder = "m"
    let layout = try PublishLayout.of(site).get()
    #expect(layout.feedsKey("show/feed.xml") == "f/show/feed.xml")
    #expect(layout.mediaKey("show/a.mp3") == "m/show/a.mp3")
  }

  @Test func aScheduledEpisodesMediaStaysUnpublished() throws {
    let setup = try Setup()
    try setup.fixture.addEpisode(
      "2030-01-01-later", title: "Later", date: "2030-01-01T09:00:00+01:00",
      guid: "8b3f6e5a-4d0c-4f7a-9b32-3c4d5e6f7a81")
    let report = try setup.publish()
    #expect(report.succeeded)
    #expect(!report.items.contains { $0.key.contains("2030-01-01-later") })
  }

  @Test func aPublishStoppedAtTheFeedsLeavesThemAsTheyWereAndTheNextOneSendsOnlyWhatIsMissing() throws {
    let setup = try Setup()
    // A link where the feeds' folder should be: the feeds can't be written, the media can.
    let elsewhere = setup.fixture.folder.url.appendingPathComponent("elsewhere")
    try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
    let feeds = setup.root.appendingPathComponent("feeds")
    try FileManager.default.createSymbolicLink(at: feeds, withDestinationURL: elsewhere)
    let stopped = try setup.publish()
    #expect(!stopped.succeeded)
    #expect(stopped.failure?.key?.hasPrefix("feeds/") == true, "\(String(describing: stopped.failure))")
    #expect(stopped.uploaded.contains(Self.media))
    #expect(!stopped.uploaded.contains { $0.hasPrefix("feeds/") })
    #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)

    try FileManager.default.removeItem(at: feeds)
    let next = try setup.publish()
    #expect(next.succeeded, "\(String(describing: next.failure))")
    #expect(Set(next.uploaded) == [Self.feed, "feeds/feeds.opml"])
  }

  @Test func theDigestCacheNeverHidesAChangedFile() throws {
    var setup = try Setup()
    setup.cache = BuildCache(folder: setup.fixture.folder.url.appendingPathComponent("cache"), podiumIdentity: "test")
    #expect(try setup.publish().succeeded)
    #expect(setup.fixture.folder.exists("cache/digests.json"))
    #expect(try setup.publish().uploaded.isEmpty)
    // The same name and length, other bytes: a published media file changed on disk.
    let source = "episodes/gesprekken/media/2024-03-14-de-buurt-beslist.mp3"
    var bytes = try setup.fixture.folder.read(source)
    bytes[bytes.count - 1] ^= 0xFF
    try setup.fixture.folder.write(source, bytes)
    let report = try setup.publish()
    #expect(report.failure?.key == Self.media, "\(String(describing: report.failure))")
  }

  /// A store that can't be listed says what failed once, in its own words.
  @Test func aStoreThatCantBeListedSaysSoOnce() throws {
    let setup = try Setup()
    // Nothing listens on port 1 of the loopback address.
    let store = try S3Store(
      bucket: "podium", endpoint: "http://127.0.0.1:1", credentials: S3Credentials(accessKey: "podium-key", secretKey: "podium-secret-0123456789"),
      limits: S3Store.Limits(attempts: 1))
    let publisher = Publisher(
      catalogueURL: setup.fixture.catalogue, outputURL: setup.fixture.output,
      options: BuildOptions(now: Timestamp.parse("2025-01-01T00:00:00Z")!))
    let message = try #require(try publisher.publish(to: store, options: setup.options).failure?.message)
    #expect(message.hasPrefix("Listing unfinished uploads in s3://podium failed: no answer from http://127.0.0.1:1"), "\(message)")
    #expect(message.lowercased().components(separatedBy: "listing").count == 2, "\(message)")
  }
}
