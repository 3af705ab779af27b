import Catalogue
import Diagnostics
import Foundation
import LinkCheck
import PodiumTestSupport
@testable import Publisher
import Testing

/// `validate --remote` against a real HTTP server on 127.0.0.1 that misbehaves.
@Suite struct RemoteValidationTests {
  let now = Timestamp.parse("2025-01-01T00:00:00Z")!

  /// The fixture catalogue, served from the local server instead of its https placeholders.
  func catalogue(_ fixture: CatalogueFixture, server: TestHTTPServer) throws -> Catalogue {
    var catalogue = try #require(CatalogueLoader(root: fixture.catalogue).load().catalogue)
    catalogue.site.baseURL = server.url("/feeds/")
    catalogue.site.mediaBaseURL = server.url("/media/")
    return catalogue
  }

  func options(cache: URL, lifetime: Double = 0) -> RemoteOptions {
    var configuration = LinkCheckConfiguration()
    configuration.totalTimeout = 3
    configuration.connectTimeout = 2
    return RemoteOptions(configuration: configuration, cacheLifetime: lifetime, cacheFile: cache)
  }

  @Test func findingsPointAtTheCatalogue() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode()
    let server = try TestHTTPServer()
    defer { server.stop() }
    let length = SampleMedia.mp3(seconds: 60).count
    server.route("/media/gesprekken/media/2024-03-14-de-buurt-beslist.mp3", .lyingLength(bytes: length, claimed: 99, type: "audio/mpeg"))
    server.route("/media/gesprekken/artwork.jpg", .status(404))
    server.route("/feeds/gesprekken/feed.xml", .text("<rss/>", type: "application/rss+xml"))
    let folder = try TemporaryFolder()
    let findings = RemoteValidation(
      catalogue: try catalogue(fixture, server: server), now: now,
      options: options(cache: folder.url.appendingPathComponent("cache.json"))
    ).run().findings
    let length_ = try #require(findings.first { $0.ruleID == "APPLE-ENC-LENGTH" }, "\(findings)")
    #expect(length_.location == SourceLocation(file: "gesprekken/2024-03-14-de-buurt-beslist.md", line: 6))
    let missing = try #require(findings.first { $0.ruleID == "REMOTE-STATUS" }, "\(findings)")
    #expect(missing.location?.file == "gesprekken/show.yaml")
    #expect(!findings.contains { $0.message.contains("feed.xml") && $0.severity == .error })
  }

  @Test func freshResultsComeFromTheCache() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode()
    let server = try TestHTTPServer()
    defer { server.stop() }
    server.route(
      "/media/gesprekken/media/2024-03-14-de-buurt-beslist.mp3",
      .file(bytes: SampleMedia.mp3(seconds: 60).count, type: "audio/mpeg"))
    server.route("/media/gesprekken/artwork.jpg", .file(bytes: 100, type: "image/jpeg"))
    server.route("/feeds/gesprekken/feed.xml", .text("<rss/>", type: "application/rss+xml"))
    let folder = try TemporaryFolder()
    let cache = folder.url.appendingPathComponent("cache.json")
    let catalogue = try catalogue(fixture, server: server)
    let (first, checks) = RemoteValidation(catalogue: catalogue, now: now, options: options(cache: cache, lifetime: 3600)).run()
    #expect(checks.count == 3)
    #expect(checks.allSatisfy { $0.timeToFirstByte != nil })
    let requests = server.requests.count
    #expect(requests > 0)
    let (second, cached) = RemoteValidation(catalogue: catalogue, now: now, options: options(cache: cache, lifetime: 3600)).run()
    #expect(cached.allSatisfy { $0.timeToFirstByte == nil })
    #expect(server.requests.count == requests, "a fresh cache makes no requests")
    #expect(first == second)
    _ = RemoteValidation(catalogue: catalogue, now: now, options: options(cache: cache, lifetime: 0)).run()
    #expect(server.requests.count > requests, "lifetime 0 checks again")
  }
}
