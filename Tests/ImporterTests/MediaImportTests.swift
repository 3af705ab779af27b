import Catalogue
import Foundation
import Identifiers
import Importer
import PodiumTestSupport
import Testing

/// Media stays where it is by default, checked with ranged requests; `--download-media` brings it
/// into the show folder, resumably, checked against what the feed declared.
@Suite struct MediaImportTests {
  static let now = Timestamp.parse("2030-01-01T00:00:00Z")!

  static func feed(_ server: TestHTTPServer, length: Int) -> String {
    """
    <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel>
    <title>Media</title><description>M.</description><itunes:image href="https://m.podium.test/a.jpg"/>
    <itunes:category text="Arts"/>
    <atom:link xmlns:atom="http://www.w3.org/2005/Atom" rel="self" href="https://m.podium.test/feed"/>
    <item><title>One</title><guid>one</guid><pubDate>Mon, 01 Jan 2024 10:00:00 +0000</pubDate>
      <enclosure url="\(server.url("/one.mp3"))" length="\(length)" type="audio/mpeg"/><itunes:duration>60</itunes:duration></item>
    </channel></rss>
    """
  }

  struct Setup {
    let folder: TemporaryFolder
    let server: TestHTTPServer
    var catalogue: URL { folder.url.appendingPathComponent("episodes") }
    var output: URL { folder.url.appendingPathComponent("feeds") }

    init(route: TestHTTPServer.Route, declared: Int) throws {
      folder = try TemporaryFolder()
      server = try TestHTTPServer()
      server.route("/one.mp3", route)
      server.route("/feed.xml", .text(MediaImportTests.feed(server, length: declared), type: "application/rss+xml"))
      try folder.write("episodes/podium.yaml", CatalogueFixture.site)
    }

    func run(download: Bool) throws -> ImportReport {
      var options = ImportOptions(now: MediaImportTests.now)
      options.downloadMedia = download
      return try FeedImporter(catalogueURL: catalogue, outputURL: output, options: options).run(.remote(url: server.url("/feed.xml")))
    }
  }

  @Test func remoteMediaIsProbedAndDifferencesNoted() throws {
    let setup = try Setup(route: .file(bytes: 5000, type: "audio/mpeg"), declared: 4000)
    let report = try setup.run(download: false)
    let notes = try #require(report.episodes.first).notes
    #expect(notes.contains { $0.contains("the feed says 4000 bytes, the server 5000") }, "\(notes)")
    #expect(setup.server.requests.contains { $0.path == "/one.mp3" && $0.range == "bytes=0-1" })
    #expect(!setup.server.requests.contains { $0.path == "/one.mp3" && $0.method == "GET" && $0.range == nil })
    // The feed's value stays: it is what apps were told.
    let file = try String(contentsOf: setup.catalogue.appendingPathComponent("media/2024-01-01-one.md"), encoding: .utf8)
    #expect(file.contains("length: 4000"))
  }

  @Test func downloadedMediaIsTheServersFileInTheShowFolder() throws {
    let size = 9 * 1024 * 1024 + 17
    let setup = try Setup(route: .file(bytes: size, type: "audio/mpeg"), declared: size)
    let report = try setup.run(download: true)
    let data = try setup.folder.read("episodes/media/media/2024-01-01-one.mp3")
    #expect(data.count == size)
    #expect(data.enumerated().allSatisfy { $0.element == TestHTTPServer.patternByte($0.offset) })
    let file = try String(contentsOf: setup.catalogue.appendingPathComponent("media/2024-01-01-one.md"), encoding: .utf8)
    #expect(file.contains("url: media/2024-01-01-one.mp3"))
    #expect(report.episodes[0].notes.contains { $0.contains("media downloaded") })
    // In ranges, not in one body held whole.
    #expect(setup.server.requests.contains { $0.range == "bytes=0-\(8 * 1024 * 1024 - 1)" })
    #expect(!setup.folder.exists("episodes/.podium-downloads"))
  }

  /// A length and type the feed left out are asked for when the media stays remote (and is not
  /// probed), and not when it is downloaded: Podium reads a local file's length and type itself.
  @Test(arguments: [false, true]) func aMissingLengthAndTypeAreAskedForOnlyForRemoteMedia(download: Bool) throws {
    let setup = try Setup(route: .file(bytes: 5000, type: "audio/mpeg"), declared: 0)
    setup.server.route("/feed.xml", .text(
      MediaImportTests.feed(setup.server, length: 0).replacingOccurrences(of: #" length="0" type="audio/mpeg""#, with: ""),
      type: "application/rss+xml"))
    var options = ImportOptions(now: MediaImportTests.now)
    options.downloadMedia = download
    options.probeMedia = false
    let report = try FeedImporter(catalogueURL: setup.catalogue, outputURL: setup.output, options: options)
      .run(.remote(url: setup.server.url("/feed.xml")))
    let asked = report.episodes[0].losses.filter { $0.element == "enclosure" }.map(\.detail)
    #expect(asked.contains { $0.contains("add media.length") } == !download, "\(asked)")
    #expect(asked.contains { $0.contains("add media.type") } == !download, "\(asked)")
    if download { #expect(setup.folder.exists("episodes/media/media/2024-01-01-one.mp3")) }
  }

  @Test func anInterruptedDownloadGoesOnWhereItStopped() throws {
    let size = 300_000
    let setup = try Setup(route: .file(bytes: size, type: "audio/mpeg"), declared: size)
    let part = Data((0..<1000).map { TestHTTPServer.patternByte($0) })
    let digest = ContentDigest.hex(ContentDigest.sha256(Array(setup.server.url("/one.mp3").utf8))).prefix(16)
    try setup.folder.write("episodes/.podium-downloads/2024-01-01-one-\(digest).mp3.part", part)
    _ = try setup.run(download: true)
    #expect(setup.server.requests.contains { $0.range == "bytes=1000-\(size - 1)" })
    let data = try setup.folder.read("episodes/media/media/2024-01-01-one.mp3")
    #expect(data.count == size)
    #expect(data.enumerated().allSatisfy { $0.element == TestHTTPServer.patternByte($0.offset) })
  }

  @Test func mediaThatIsNotWhatTheFeedDeclaredIsRefused() throws {
    let setup = try Setup(route: .file(bytes: 5000, type: "audio/mpeg"), declared: 4000)
    let before = try TemporaryFolder.snapshot(of: setup.folder.url)
    #expect {
      _ = try setup.run(download: true)
    } throws: { error in "\(error)".contains("the server holds 5000 bytes but the feed declares 4000") }
    #expect(try TemporaryFolder.snapshot(of: setup.folder.url) == before)
    #expect(!setup.folder.exists("episodes/media"))
  }

  /// The ranged GETs of a download go through LinkCheck as the probe does, with its address
  /// policy and its proxy: through the configured proxy, a host only the proxy can reach is
  /// downloaded; a download that went around LinkCheck would go to the host directly and fail.
  @Test func aDownloadGoesThroughLinkCheckAsTheProbeDoes() throws {
    let folder = try TemporaryFolder()
    let proxy = try TestHTTPServer()
    let size = 9 * 1024 * 1024 + 17
    // A proxy is asked for the whole URL; the test server routes it as the path.
    let media = "http://media.podium.invalid/one.mp3"
    proxy.route(media, .file(bytes: size, type: "audio/mpeg"))
    let feed = MediaImportTests.feed(proxy, length: size).replacingOccurrences(of: proxy.url("/one.mp3"), with: media)
    proxy.route("http://feeds.podium.invalid/feed.xml", .text(feed, type: "application/rss+xml"))
    try folder.write("episodes/podium.yaml", CatalogueFixture.site)
    var options = ImportOptions(now: MediaImportTests.now)
    options.downloadMedia = true
    options.network.proxy = proxy.url("")
    options.network.connectTimeout = 2
    _ = try FeedImporter(
      catalogueURL: folder.url.appendingPathComponent("episodes"), outputURL: folder.url.appendingPathComponent("feeds"),
      options: options
    ).run(.remote(url: "http://feeds.podium.invalid/feed.xml"))
    let data = try folder.read("episodes/media/media/2024-01-01-one.mp3")
    #expect(data.count == size)
    #expect(proxy.requests.contains { $0.path == media && $0.range == "bytes=\(8 * 1024 * 1024)-\(size - 1)" })
  }

  /// A partial download left by another feed's interrupted import, under the same episode file
  /// name (the same date and title), is not taken for the start of this enclosure: the media
  /// written is this server's file alone.
  @Test func anotherEnclosuresPartialDownloadIsNotResumed() throws {
    let size = 300_000
    let setup = try Setup(route: .file(bytes: size, type: "audio/mpeg"), declared: size)
    // What an interrupted import of another show left under the names this import uses.
    let foreign = Data(repeating: 0xAB, count: 1000)
    try setup.folder.write("episodes/.podium-downloads/2024-01-01-one.mp3.part", foreign)
    _ = try setup.run(download: true)
    let data = try setup.folder.read("episodes/media/media/2024-01-01-one.mp3")
    #expect(data.count == size)
    #expect(data.enumerated().allSatisfy { $0.element == TestHTTPServer.patternByte($0.offset) })
  }
}
