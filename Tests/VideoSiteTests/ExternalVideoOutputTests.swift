import Catalogue
import FeedRules
import Foundation
import Identifiers
import PodiumTestSupport
import PodiumXML
import Publisher
import Testing

/// A video that lives only on YouTube: in the index behind a facade, in the search engines'
/// feeds by its player, and not in the podcast feed, which can't carry it.
@Suite struct ExternalVideoOutputTests {
  func build() throws -> CatalogueFixture {
    let fixture = try CatalogueFixture(show: CatalogueFixture.show.replacingOccurrences(of: "medium: podcast", with: "medium: video"))
    try fixture.folder.write("episodes/gesprekken/posters/yt.jpg", SampleMedia.jpeg(width: 1280, height: 720))
    try fixture.writeEpisode("2024-03-14-op-youtube.md", """
      ---
      title: Op YouTube
      date: 2024-03-14T09:00:00+01:00
      guid: yt-1
      poster: posters/yt.jpg
      external:
        url: https://youtu.be/dQw4w9WgXcQ
        duration: 3:32
      themes: [democratie]
      ---
      Een debat, opgenomen door een partner.
      """)
    let report = try Publisher(
      catalogueURL: fixture.catalogue, outputURL: fixture.output,
      options: BuildOptions(now: Timestamp.parse("2025-01-01T00:00:00Z")!)
    ).build()
    #expect(!report.hasErrors, "\(report.findings)")
    return fixture
  }

  @Test func podcastFeedLeavesItOut() throws {
    let fixture = try build()
    let feed = try FeedReader(try fixture.folder.read("feeds/gesprekken/feed.xml"))
    #expect(feed.items.isEmpty)
  }

  @Test func indexDataNamesThePrivacyEnhancedPlayer() throws {
    let fixture = try build()
    let json = try #require(
      try JSONSerialization.jsonObject(with: try fixture.folder.read("feeds/gesprekken/embed/index.json")) as? [String: Any])
    let video = try #require((json["videos"] as? [[String: Any]])?.first)
    #expect((video["sources"] as? [Any])?.isEmpty == true)
    #expect(video["duration"] as? Int == 212)
    #expect(video["durationText"] as? String == "3:32")
    let external = try #require(video["external"] as? [String: String])
    #expect(external == [
      "provider": "YouTube", "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
      "embed": "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1",
    ])
    #expect((video["poster"] as? [String: Any])?["url"] as? String
      == "https://feeds.podium.test/gesprekken/embed/images/posters/yt.jpg")
    #expect((json["labels"] as? [String: String])?["play"] == "Speel af")
  }

  /// Before a click the page shows the local poster and a plain link; no iframe, nothing from YouTube.
  @Test func pageIsAFacade() throws {
    let fixture = try build()
    let html = String(decoding: try fixture.folder.read("feeds/gesprekken/embed/2024-03-14-op-youtube/index.html"), as: UTF8.self)
    #expect(!html.contains("<iframe"))
    #expect(!html.contains("<video"))
    #expect(html.contains("data-podium-embed=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1\""))
    #expect(html.contains("<a href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\"><img src=\"https://feeds.podium.test/gesprekken/embed/images/posters/yt.jpg\""))
    #expect(html.contains("Bekijk op YouTube"))
    #expect(html.contains("frame-src https://www.youtube-nocookie.com;"))
    #expect(html.contains("<script src=\"../embed.js\" defer></script>"))
  }

  @Test func searchEnginesGetThePlayer() throws {
    let fixture = try build()
    let mrss = try XMLDocument(data: try fixture.folder.read("feeds/gesprekken/media.xml"))
    let media = "http://search.yahoo.com/mrss/"
    let item = try #require(mrss.root.firstChild(named: "channel")?.firstChild(named: "item"))
    #expect(item.firstChild(named: "content", namespace: media) == nil)
    #expect(item.firstChild(named: "player", namespace: media)?.attribute("url")
      == "https://feeds.podium.test/gesprekken/embed/2024-03-14-op-youtube/")
    let sitemap = try XMLDocument(data: try fixture.folder.read("feeds/gesprekken/video-sitemap.xml"))
    let video = "http://www.google.com/schemas/sitemap-video/1.1"
    let entry = try #require(sitemap.root.firstChild(named: "url", namespace: "http://www.sitemaps.org/schemas/sitemap/0.9")?.firstChild(named: "video", namespace: video))
    #expect(entry.firstChild(named: "player_loc", namespace: video)?.text == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")
    #expect(entry.firstChild(named: "content_loc", namespace: video) == nil)
    #expect(entry.firstChild(named: "duration", namespace: video)?.text == "212")
  }

  @Test(arguments: [
    ("medium: podcast", "poster: posters/yt.jpg\n", "CAT-VALUE"),
    ("medium: video", "", "CAT-POSTER-LOCAL"),
  ])
  func catalogueRules(medium: String, poster: String, rule: String) throws {
    let fixture = try CatalogueFixture(show: CatalogueFixture.show.replacingOccurrences(of: "medium: podcast", with: medium))
    try fixture.folder.write("episodes/gesprekken/posters/yt.jpg", SampleMedia.jpeg(width: 1280, height: 720))
    try fixture.writeEpisode("2024-03-14-op-youtube.md", """
      ---
      title: Op YouTube
      date: 2024-03-14T09:00:00+01:00
      guid: yt-1
      \(poster)external:
        url: https://youtu.be/dQw4w9WgXcQ
        duration: 212
      ---
      Notes.
      """)
    let findings = Publisher(
      catalogueURL: fixture.catalogue, outputURL: fixture.output,
      options: BuildOptions(now: Timestamp.parse("2025-01-01T00:00:00Z")!)
    ).validate().findings
    let finding = try #require(findings.first { $0.ruleID == rule }, "\(findings)")
    #expect(finding.location?.line == (rule == "CAT-VALUE" ? 6 : 5))
    #expect(finding.message.contains(rule == "CAT-VALUE" ? "is for video shows" : "needs a poster"))
  }

  /// No poster, and artwork on another site standing in for it: the index would load it before a click.
  @Test func remoteArtworkStandingInForAPosterIsReported() throws {
    let show = CatalogueFixture.show.replacingOccurrences(of: "medium: podcast", with: "medium: video")
    let fixture = try CatalogueFixture(show: show)
    try fixture.writeEpisode("2024-03-14-op-youtube.md", """
      ---
      title: Op YouTube
      date: 2024-03-14T09:00:00+01:00
      guid: yt-1
      artwork: https://cdn.example.net/still.jpg
      media:
        url: https://cdn.example.net/v.mp4
        length: 1000
        type: video/mp4
        duration: 60
      ---
      Notes.
      """)
    let publisher = Publisher(
      catalogueURL: fixture.catalogue, outputURL: fixture.output,
      options: BuildOptions(now: Timestamp.parse("2025-01-01T00:00:00Z")!))
    let finding = try #require(publisher.validate().findings.first { $0.ruleID == "CAT-POSTER-LOCAL" })
    #expect(finding.location?.line == 5)
    // A warning: the build goes on, and the policy lets exactly that image through.
    _ = try publisher.build()
    let html = String(decoding: try fixture.folder.read("feeds/gesprekken/embed/index.html"), as: UTF8.self)
    #expect(html.contains("img-src 'self' https://cdn.example.net https://feeds.podium.test;"))
  }

  @Test func aURLFromAnotherSiteIsRefusedWithItsLine() throws {
    let fixture = try CatalogueFixture(show: CatalogueFixture.show.replacingOccurrences(of: "medium: podcast", with: "medium: video"))
    try fixture.writeEpisode("2024-03-14-op-youtube.md", """
      ---
      title: Op YouTube
      date: 2024-03-14T09:00:00+01:00
      guid: yt-1
      external:
        url: https://evil.example/watch?v=dQw4w9WgXcQ
        duration: 212
      ---
      Notes.
      """)
    let findings = Publisher(
      catalogueURL: fixture.catalogue, outputURL: fixture.output,
      options: BuildOptions(now: Timestamp.parse("2025-01-01T00:00:00Z")!)
    ).validate().findings
    let finding = try #require(findings.first { $0.ruleID == "CAT-VALUE" })
    #expect(finding.message.contains("not a YouTube or Vimeo video URL"))
    #expect(finding.location?.line == 6)
  }

  /// The inline style is allowed by its hash, and nothing else inline is.
  @Test func indexPolicyAllowsExactlyItsOwnStyle() throws {
    let fixture = try build()
    let html = String(decoding: try fixture.folder.read("feeds/gesprekken/embed/index.html"), as: UTF8.self)
      .replacingOccurrences(of: "&#39;", with: "'")
    let start = try #require(html.range(of: "<style>"))
    let end = try #require(html.range(of: "</style>"))
    let style = String(html[start.upperBound..<end.lowerBound])
    #expect(html.contains("style-src \(ContentDigest.cspSource(style));"))
    #expect(html.contains("default-src 'none'"))
    #expect(html.contains("script-src 'self' https://feeds.podium.test;"))
    #expect(!html.contains("unsafe-inline"))
  }
}

/// The index speaks the show's language: Dutch and English to start.
@Suite struct VideoLocaleTests {
  @Test(arguments: [
    ("nl-BE", "Speel af", "Alle thema's", "14 maart 2024", "Nederlands"),
    ("en-GB", "Play", "All themes", "14 March 2024", "Dutch"),
  ])
  func labelsDatesAndLanguageNames(language: String, play: String, allThemes: String, date: String, captions: String) throws {
    let show = CatalogueFixture.show.replacingOccurrences(of: "medium: podcast", with: "medium: video")
      + "language: \(language)\n"
    let fixture = try CatalogueFixture(show: show)
    try fixture.folder.write("episodes/gesprekken/posters/yt.jpg", SampleMedia.jpeg(width: 1280, height: 720))
    try fixture.folder.write("episodes/gesprekken/captions/yt.vtt", "WEBVTT\n\n00:00.000 --> 00:01.000\nHallo\n")
    try fixture.writeEpisode("2024-03-14-op-youtube.md", """
      ---
      title: Op YouTube
      date: 2024-03-14T09:00:00+01:00
      guid: yt-1
      poster: posters/yt.jpg
      external:
        url: https://youtu.be/dQw4w9WgXcQ
        duration: 3725
      transcripts:
        - file: captions/yt.vtt
          language: nl-BE
      ---
      Notes.
      """)
    let report = try Publisher(
      catalogueURL: fixture.catalogue, outputURL: fixture.output,
      options: BuildOptions(now: Timestamp.parse("2025-01-01T00:00:00Z")!)
    ).build()
    #expect(!report.hasErrors, "\(report.findings)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: try fixture.folder.read("feeds/gesprekken/embed/index.json")) as? [String: Any])
    let labels = try #require(json["labels"] as? [String: String])
    #expect(labels["play"] == play)
    #expect(labels["allThemes"] == allThemes)
    let video = try #require((json["videos"] as? [[String: Any]])?.first)
    #expect(video["dateText"] as? String == date)
    #expect(video["durationText"] as? String == "1:02:05")
    #expect((video["captions"] as? [[String: String]])?.first?["label"] == captions)
    let html = String(decoding: try fixture.folder.read("feeds/gesprekken/embed/index.html"), as: UTF8.self)
    #expect(html.contains("<html lang=\"\(language)\">"))
    #expect(html.contains(date))
  }
}
