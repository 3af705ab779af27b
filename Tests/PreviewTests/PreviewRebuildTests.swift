import Foundation
import PodiumTestSupport
import Preview
import Testing

/// Rebuilding as the catalogue changes, keeping the last good build when one fails, and leaving
/// everything but the server's own temporary folder as it was.
@Suite(.timeLimit(.minutes(2)))
struct PreviewRebuildTests {
  static let episodeFile = "gesprekken/2024-03-14-de-buurt-beslist.md"

  @Test func theCatalogueAndFeedsAreNotWrittenAndTheTemporaryFolderGoes() async throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode()
    let before = FolderFingerprint(of: fixture.folder.url)
    let work = fixture.folder.url.appendingPathComponent("work")
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    let server = try await PreviewServer.start(catalogue: fixture.catalogue, port: 0, workspace: work) {
      .init(now: ServedCatalogue.now)
    }
    let made = try FileManager.default.contentsOfDirectory(atPath: work.path)
    #expect(made.count == 1 && made[0].hasPrefix("podium-serve-"))
    #expect(server.workspace.lastPathComponent == made.first)
    let folder = try #require(made.first.map { work.appendingPathComponent($0) })
    let attributes = try FileManager.default.attributesOfItem(atPath: folder.path)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o700)
    #expect(try await Curl.get(server.address + "/feeds/gesprekken/feed.xml").status == 200)
    await server.stop()
    #expect(try FileManager.default.contentsOfDirectory(atPath: work.path).isEmpty)
    #expect(FolderFingerprint(of: fixture.folder.url, skipping: ["work"]).differences(from: before).isEmpty)
    #expect(!fixture.folder.exists("feeds"))
    await #expect(throws: (any Error).self) { try await Curl.get(server.address + "/") }
  }

  @Test func anEditIsBuiltAndServed() async throws {
    try await ServedCatalogue.serving { served in
      #expect(try await served.get("/feeds/gesprekken/feed.xml").text.contains("De buurt beslist"))
      let etag = try await served.get("/feeds/gesprekken/feed.xml")["ETag"]
      try edit(served, Self.episodeFile) { $0.replacingOccurrences(of: "title: De buurt beslist", with: "title: Het plein is van iedereen") }
      let build = try await served.build(after: 1)
      #expect(build.succeeded)
      let feed = try await served.get("/feeds/gesprekken/feed.xml")
      #expect(feed.text.contains("Het plein is van iedereen"))
      #expect(feed["ETag"] != etag)
      // Only the latest build is kept.
      #expect(try FileManager.default.contentsOfDirectory(atPath: served.server.workspace.path).count == 1)
    }
  }

  @Test func aFailedBuildKeepsTheLastGoodOneAndShowsItsFindings() async throws {
    try await ServedCatalogue.serving { served in
      let good = try await served.get("/feeds/gesprekken/feed.xml").body
      try edit(served, "gesprekken/show.yaml") { $0 + "explicit: [niet <b>goed</b>\n" }
      let failed = try await served.build(after: 1)
      #expect(!failed.succeeded)
      #expect(failed.report.findings.contains { $0.severity == .error && $0.location?.file == "gesprekken/show.yaml" })
      #expect(failed.shows.map(\.slug) == ["gesprekken"])
      // Feeds and media are still the last good build's.
      #expect(try await served.get("/feeds/gesprekken/feed.xml").body == good)
      #expect(try await served.get(PreviewHTTPTests.mediaPath).status == 200)
      // Pages show the findings, escaped, and still reload when the catalogue is fixed.
      let page = try await served.get("/")
      #expect(page.status == 500)
      #expect(page["Content-Type"] == "text/html; charset=utf-8")
      #expect(page.text.contains("gesprekken/show.yaml"))
      let error = try #require(failed.report.findings.first { $0.severity == .error })
      #expect(page.text.contains("[\(error.ruleID)]"))
      #expect(!page.text.contains("<b>goed</b>"))
      #expect(page.text.contains("<script src=\"/_podium/reload.js?build=\(failed.number)\"></script>"))

      try edit(served, "gesprekken/show.yaml") { $0.replacingOccurrences(of: "explicit: [niet <b>goed</b>\n", with: "") }
      let fixed = try await served.build(after: failed.number)
      #expect(fixed.succeeded)
      #expect(try await served.get("/").status == 200)
    }
  }

  @Test func aCatalogueThatNeverBuiltServesOnlyTheErrorPage() async throws {
    try await ServedCatalogue.serving { fixture in
      try fixture.folder.write("episodes/podium.yaml", "base_url: [\n")
    } body: { served in
      #expect(!served.server.firstBuild.succeeded)
      #expect(served.server.firstBuild.shows.isEmpty)
      #expect(try await served.get("/feeds/gesprekken/feed.xml").status == 404)
      let page = try await served.get("/")
      #expect(page.status == 500)
      #expect(page.text.contains("podium.yaml"))
    }
  }

  private func edit(_ served: ServedCatalogue, _ path: String, _ change: (String) -> String) throws {
    let url = served.catalogue.appendingPathComponent(path)
    try Data(change(try String(contentsOf: url, encoding: .utf8)).utf8).write(to: url)
  }
}
