import Catalogue
import Diagnostics
import Foundation
import PodiumTestSupport
import Testing

@testable import Publisher

/// The build checks every feed and video sitemap it writes, each with its own rules, and reports
/// their findings with file and line like any other.
@Suite struct CheckedOutputTests {
  static let mp4 = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("MediaProbeTests/Fixtures/mp4/h264-aac.mp4")
  static let now = Timestamp.parse("2025-01-01T00:00:00Z")!

  /// A video show with one episode.
  static func videoFixture() throws -> CatalogueFixture {
    let fixture = try CatalogueFixture(
      show: CatalogueFixture.show.replacingOccurrences(of: "medium: podcast", with: "medium: video"))
    try fixture.folder.write("episodes/gesprekken/media/v.mp4", try Data(contentsOf: mp4))
    try fixture.folder.write("episodes/gesprekken/posters/v.jpg", SampleMedia.jpeg(width: 1280, height: 720))
    try fixture.writeEpisode("2024-03-14-v.md", """
      ---
      title: Een reportage
      date: 2024-03-14T09:00:00+01:00
      guid: video-1
      poster: posters/v.jpg
      media:
        url: media/v.mp4
      ---
      Een **reportage**.
      """)
    return fixture
  }

  @Test func aVideoShowsFeedsAndSitemapAreEachCheckedWithTheirRules() throws {
    let fixture = try Self.videoFixture()
    let catalogue = try #require(CatalogueLoader(root: fixture.catalogue).load().catalogue)
    let rendered = OutputRenderer(
      catalogue: catalogue, options: BuildOptions(now: Self.now), podcastGUIDs: [:],
      outputName: "feeds"
    ).render()
    let checked = Dictionary(uniqueKeysWithValues: rendered.checked.map { ($0.file, $0.rules) })
    #expect(
      checked == [
        "feeds/gesprekken/feed.xml": .feed(.podcast), "feeds/gesprekken/media.xml": .feed(.rss),
        "feeds/gesprekken/video-sitemap.xml": .videoSitemap,
      ])
    let sitemap = try #require(rendered.checked.first { $0.rules == .videoSitemap })
    #expect(sitemap.findings(try #require(rendered.tree.files[sitemap.path])) == [])
  }

  @Test func aBrokenSitemapGivesLocatedErrors() throws {
    let sitemap = """
      <?xml version="1.0" encoding="UTF-8"?>
      <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:video="http://www.google.com/schemas/sitemap-video/1.1">
        <url>
          <loc>https://feeds.podium.test/gesprekken/embed/v/</loc>
          <video:video>
            <video:thumbnail_loc>https://media.podium.test/gesprekken/posters/v.jpg</video:thumbnail_loc>
            <video:title>Een reportage</video:title>
            <video:description>Een reportage.</video:description>
            <video:player_loc>https://feeds.podium.test/gesprekken/embed/v/</video:player_loc>
          </video:video>
        </url>
      </urlset>
      """
    let output = CheckedOutput(
      path: "gesprekken/video-sitemap.xml", file: "feeds/gesprekken/video-sitemap.xml", size: sitemap.utf8.count,
      rules: .videoSitemap)
    let findings = output.findings(Data(sitemap.utf8))
    #expect(findings.map(\.ruleID) == ["VSM-NOT-LOC"])
    #expect(findings.first?.severity == .error)
    #expect(findings.first?.location == SourceLocation(file: "feeds/gesprekken/video-sitemap.xml", line: 9))
    // `build` checks the staged file instead, read in pieces: the same findings.
    let staging = try TemporaryFolder()
    try staging.write("gesprekken/video-sitemap.xml", Data(sitemap.utf8))
    #expect(output.check(stagedIn: staging.url) { nil }.findings == findings)
  }

  /// The whole build: the sitemap is checked, and a clean one leaves nothing to report.
  @Test func aVideoShowBuildsWithoutSitemapFindings() throws {
    let fixture = try Self.videoFixture()
    let report = try Publisher(
      catalogueURL: fixture.catalogue, outputURL: fixture.output, options: BuildOptions(now: Self.now)
    ).build()
    #expect(!report.hasErrors, "\(report.findings)")
    #expect(report.findings.filter { $0.location?.file.hasSuffix("video-sitemap.xml") == true } == [])
    #expect(report.written.contains("gesprekken/video-sitemap.xml"))
  }
}
