import Foundation
import PodiumTestSupport
import Testing

/// `podium lint URL` and `podium validate --remote` against a real server on 127.0.0.1.
@Suite struct RemoteCommandTests {
  @Test func lintFetchesAFeedOverHTTP() throws {
    let server = try TestHTTPServer()
    defer { server.stop() }
    let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let feed = try String(contentsOf: repository.appendingPathComponent("feeds/gesprekken/feed.xml"), encoding: .utf8)
    server.route("/feed.xml", .text(feed, type: "application/rss+xml"))
    server.route("/gone.xml", .status(404))
    let folder = try TemporaryFolder()
    let good = try PodiumProcess.run(["lint", "--strict", server.url("/feed.xml")], in: folder.url)
    #expect(good.status == 0, "\(good.standardOutput)\(good.standardError)")
    let gone = try PodiumProcess.run(["lint", server.url("/gone.xml")], in: folder.url)
    #expect(gone.status == 1)
    #expect(gone.standardError.contains("/gone.xml"))
    #expect(gone.standardError.contains("404"))
  }

  @Test func validateRemoteReportsServersAtTheCatalogueLine() throws {
    let server = try TestHTTPServer()
    defer { server.stop() }
    // The test server speaks plain http, so https to it fails: a clear finding, never a hang.
    let site = CatalogueFixture.site
      .replacingOccurrences(of: "https://media.podium.test/", with: "https://127.0.0.1:\(server.port)/media/")
      .replacingOccurrences(of: "https://feeds.podium.test/", with: "https://127.0.0.1:\(server.port)/feeds/")
    let fixture = try CatalogueFixture(site: site)
    try fixture.addEpisode()
    let cache = fixture.folder.url.appendingPathComponent("cache")
    let result = try PodiumProcess.run(
      ["validate", "--remote", "--timeout", "3", "--format", "json", "--now", "2025-01-01T00:00:00Z"],
      in: fixture.folder.url, environment: ["XDG_CACHE_HOME": cache.path])
    #expect(result.status == 1)
    let findings = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: Any]])
    let media = try #require(findings.first {
      ($0["ruleID"] as? String)?.hasPrefix("REMOTE-") == true && $0["file"] as? String == "gesprekken/2024-03-14-de-buurt-beslist.md"
    }, "\(findings)")
    #expect(media["line"] as? Int == 6)
    #expect(FileManager.default.fileExists(atPath: cache.appendingPathComponent("podium/remote-checks.json").path))
    let text = try PodiumProcess.run(
      ["validate", "--remote", "--timeout", "3", "--now", "2025-01-01T00:00:00Z"], in: fixture.folder.url,
      environment: ["XDG_CACHE_HOME": cache.path])
    #expect(text.standardOutput.contains("Checked 3 URLs (3 from the cache)."), "\(text.standardOutput)")
  }

  /// Checks that got no answer are not results from the cache (issue 10, point 15): only a
  /// second run, which reuses them, says so.
  @Test func summaryCountsFailedChecksAsUnansweredNotCached() throws {
    let server = try TestHTTPServer()
    defer { server.stop() }
    // https to the plain-http test server: every check fails in the TLS handshake, with no status.
    let site = CatalogueFixture.site
      .replacingOccurrences(of: "https://media.example.org/", with: "https://127.0.0.1:\(server.port)/media/")
      .replacingOccurrences(of: "https://feeds.example.org/", with: "https://127.0.0.1:\(server.port)/feeds/")
    let fixture = try CatalogueFixture(site: site)
    try fixture.addEpisode()
    let environment = ["XDG_CACHE_HOME": fixture.folder.url.appendingPathComponent("cache").path]
    let arguments = ["validate", "--remote", "--timeout", "3", "--now", "2025-01-01T00:00:00Z"]
    let first = try PodiumProcess.run(arguments, in: fixture.folder.url, environment: environment)
    #expect(first.standardOutput.contains("Checked 3 URLs (3 unanswered)."), "\(first.standardOutput)")
    #expect(!first.standardOutput.contains("from the cache"))
    let second = try PodiumProcess.run(arguments, in: fixture.folder.url, environment: environment)
    #expect(second.standardOutput.contains("Checked 3 URLs (3 from the cache)."), "\(second.standardOutput)")
  }
}
