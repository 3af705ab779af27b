import Catalogue
import Foundation
import Importer
import PodiumTestSupport
import Testing

/// Input that can't be imported gets a message in the producer's terms, and nothing is written:
/// not the catalogue, not the record.
@Suite struct BadInputTests {
  static let now = Timestamp.parse("2030-01-01T00:00:00Z")!

  struct Case: Sendable, CustomStringConvertible {
    var name: String
    var body: String
    var type: String
    var message: String
    var description: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "a show's web page", body: """
        <!DOCTYPE html><html><head><title>Show</title>
        <link rel="alternate" type="application/rss+xml" title="Feed" href="/podcast/feed.xml">
        </head><body><p>Listen!</p></body></html>
        """, type: "text/html",
      message: "this is a web page, not a feed; it names its feed: import http://127.0.0.1:PORT/podcast/feed.xml"),
    Case(
      name: "an Atom feed", body: """
        <?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>
        """, type: "application/atom+xml", message: "this is an Atom feed; podcast apps read RSS 2.0"),
    Case(
      name: "an entity bomb", body: """
        <?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>
        <rss version="2.0"><channel><title>&b;</title></channel></rss>
        """, type: "application/rss+xml", message: "not a feed Podium can read safely"),
    Case(
      name: "an external entity", body: """
        <?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>
        <rss version="2.0"><channel><title>&x;</title></channel></rss>
        """, type: "application/rss+xml", message: "not a feed Podium can read safely"),
    Case(
      name: "broken XML", body: "<rss version=\"2.0\"><channel><title>x</channel>", type: "application/rss+xml",
      message: "not a feed Podium can read safely"),
    Case(
      name: "a sitemap", body: "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"/>",
      type: "application/xml", message: "the document's root element is <urlset>, not <rss>"),
    Case(
      name: "RSS without a channel", body: "<rss version=\"2.0\"></rss>", type: "application/rss+xml",
      message: "the <rss> element holds no <channel>"),
    Case(
      name: "a feed that names no address", body: """
        <rss version="2.0"><channel><title>x</title><item><title>a</title><guid>a</guid></item></channel></rss>
        """, type: "application/rss+xml", message: "pass the old feed's address with --feed-url"),
  ]

  @Test(arguments: cases) func isRefusedAndNothingIsWritten(_ bad: Case) throws {
    let folder = try TemporaryFolder()
    try folder.write("episodes/podium.yaml", CatalogueFixture.site)
    let before = try TemporaryFolder.snapshot(of: folder.url)
    try folder.write("bad.xml", bad.body)
    let server = try TestHTTPServer()
    server.route("/page", .text(bad.body, type: bad.type))
    var options = ImportOptions(now: Self.now)
    options.probeMedia = false
    let importer = FeedImporter(
      catalogueURL: folder.url.appendingPathComponent("episodes"), outputURL: folder.url.appendingPathComponent("feeds"),
      options: options)
    // A file for all but the page, which is met by its address; the feed without an address only as a file.
    let source: ImportSource = bad.name == "a feed that names no address"
      ? .file(path: folder.url.appendingPathComponent("bad.xml").path) : .remote(url: server.url("/page"))
    #expect {
      _ = try importer.run(source)
    } throws: { error in
      let message = "\(error)".replacingOccurrences(of: "127.0.0.1:\(server.port)", with: "127.0.0.1:PORT")
      return message.contains(bad.message)
    }
    try FileManager.default.removeItem(at: folder.url.appendingPathComponent("bad.xml"))
    #expect(try TemporaryFolder.snapshot(of: folder.url) == before)
  }

  @Test func anUnreachableAddressIsNamed() throws {
    let folder = try TemporaryFolder()
    let server = try TestHTTPServer()
    server.route("/gone", .status(404))
    let importer = FeedImporter(
      catalogueURL: folder.url.appendingPathComponent("episodes"), outputURL: folder.url.appendingPathComponent("feeds"),
      options: ImportOptions(now: Self.now))
    #expect {
      _ = try importer.run(.remote(url: server.url("/gone")))
    } throws: { error in
      "\(error)".contains("/gone: could not be fetched (HTTP 404") && "\(error)".contains("save the feed to a file")
    }
    let port = try TestHTTPServer.unusedPort()
    #expect {
      _ = try importer.run(.remote(url: "http://127.0.0.1:\(port)/feed.xml"))
    } throws: { error in "\(error)".contains("could not be fetched (connection refused)") }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
  }

  /// The record goes into the output folder: one no build may use (here the catalogue itself)
  /// is refused before anything is written.
  @Test func anOutputNoBuildMayUseIsRefused() throws {
    let folder = try TemporaryFolder()
    try folder.write("episodes/podium.yaml", CatalogueFixture.site)
    try folder.write("old.xml", FeedCorpus.video().xml)
    let before = try TemporaryFolder.snapshot(of: folder.url)
    let catalogue = folder.url.appendingPathComponent("episodes")
    #expect {
      _ = try FeedImporter(catalogueURL: catalogue, outputURL: catalogue, options: ImportOptions(now: Self.now))
        .run(.file(path: folder.url.appendingPathComponent("old.xml").path))
    } throws: { error in "\(error)".contains("refusing to use") }
    #expect(try TemporaryFolder.snapshot(of: folder.url) == before)
  }

  /// An existing show of the same name is refused; `--show` imports beside it.
  @Test func anExistingShowIsRefusedUnlessAnotherNameIsGiven() throws {
    let fixture = try CatalogueFixture()
    try fixture.folder.write("old.xml", FeedCorpus.video().xml.replacingOccurrences(of: "<title>Straatbeeld</title>", with: "<title>Gesprekken</title>"))
    let before = try TemporaryFolder.snapshot(of: fixture.folder.url)
    var options = ImportOptions(now: Self.now)
    options.probeMedia = false
    let source = ImportSource.file(path: fixture.folder.url.appendingPathComponent("old.xml").path)
    #expect {
      _ = try FeedImporter(catalogueURL: fixture.catalogue, outputURL: fixture.output, options: options).run(source)
    } throws: { error in
      "\(error)".contains("already exists: the catalogue has a show 'gesprekken'; import into another folder with --show")
    }
    #expect(try TemporaryFolder.snapshot(of: fixture.folder.url) == before)
    options.showSlug = "straat"
    let report = try FeedImporter(catalogueURL: fixture.catalogue, outputURL: fixture.output, options: options).run(source)
    #expect(report.show == "straat")
    #expect(fixture.folder.exists("episodes/straat/show.yaml"))
    #expect(fixture.folder.exists("episodes/gesprekken/show.yaml"))
    #expect(try fixture.folder.read("episodes/podium.yaml") == Data(CatalogueFixture.site.utf8))
  }

  /// The same podcast imported again under another name would be two shows with the same GUIDs
  /// and enclosures, which every build refuses: the import refuses it first, by its podcast:guid.
  @Test func theSamePodcastIsNotImportedTwice() throws {
    let folder = try TemporaryFolder()
    try folder.write("episodes/podium.yaml", CatalogueFixture.site)
    try folder.write("old.xml", FeedCorpus.video().xml)
    var options = ImportOptions(now: Self.now)
    options.probeMedia = false
    let source = ImportSource.file(path: folder.url.appendingPathComponent("old.xml").path)
    let importer = FeedImporter(
      catalogueURL: folder.url.appendingPathComponent("episodes"), outputURL: folder.url.appendingPathComponent("feeds"),
      options: options)
    _ = try importer.run(source)
    let before = try TemporaryFolder.snapshot(of: folder.url)
    options.showSlug = "straat-again"
    let again = FeedImporter(catalogueURL: importer.catalogueURL, outputURL: importer.outputURL, options: options)
    let error = #expect(throws: ImportError.self) { try again.run(source) }
    #expect(error?.description.contains("already has this podcast as the show 'straatbeeld'") == true, "\(String(describing: error))")
    #expect(try TemporaryFolder.snapshot(of: folder.url) == before)
  }
}
