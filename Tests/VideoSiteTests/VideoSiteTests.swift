import Catalogue
import FeedRules
import Foundation
import PodiumTestSupport
import PodiumXML
import Publisher
import Testing

/// The pages, oEmbed answers, Media RSS and video sitemap of a video show, read back.
@Suite struct VideoSiteTests {
  /// Everything HTML and XML escape, short of a tag: the catalogue refuses tags in titles
  /// (CAT-PLAIN-TEXT), so pages given one are tested in EmbedBrowserTests, with a title set in memory.
  static let hostile = "Tom & Jerry: \"quotes\" 'single' 1 < 2 > 0 ]]> <3"
  let mp4 = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("MediaProbeTests/Fixtures/mp4/h264-aac.mp4")

  /// A video show with one episode: MP4, poster, captions, and a hostile title.
  func build() throws -> CatalogueFixture {
    let fixture = try CatalogueFixture(show: CatalogueFixture.show.replacingOccurrences(of: "medium: podcast", with: "medium: video"))
    try fixture.folder.write("episodes/gesprekken/media/v.mp4", try Data(contentsOf: mp4))
    try fixture.folder.write("episodes/gesprekken/posters/v.jpg", SampleMedia.jpeg(width: 1280, height: 720))
    try fixture.folder.write("episodes/gesprekken/captions/v.vtt", "WEBVTT\n\n00:00.000 --> 00:01.000\nHallo\n")
    let title = "\"" + Self.hostile.replacingOccurrences(of: "\"", with: "\\\"") + "\""
    try fixture.writeEpisode("2024-03-14-v.md", """
      ---
      title: \(title)
      date: 2024-03-14T09:00:00+01:00
      guid: video-1
      poster: posters/v.jpg
      media:
        url: media/v.mp4
      transcripts:
        - file: captions/v.vtt
          rel: captions
      themes: [mobiliteit]
      ---
      Een **reportage**.
      """)
    let report = try Publisher(
      catalogueURL: fixture.catalogue, outputURL: fixture.output,
      options: BuildOptions(now: Timestamp.parse("2025-01-01T00:00:00Z")!)
    ).build()
    #expect(!report.hasErrors, "\(report.findings)")
    return fixture
  }

  @Test func pageShowsHostileTitlesAsTextAndCarriesStructuredData() throws {
    let fixture = try build()
    let html = String(decoding: try fixture.folder.read("feeds/gesprekken/embed/2024-03-14-v/index.html"), as: UTF8.self)
    #expect(html.contains("Tom &amp; Jerry"))
    #expect(html.contains("1 &lt; 2 &gt; 0 ]]&gt; &lt;3"))
    #expect(!html.contains("<3"))
    #expect(html.contains("<video controls preload=\"none\""))
    #expect(html.contains("<track kind=\"captions\""))
    #expect(html.contains("14 maart 2024"))
    let start = try #require(html.range(of: "<script type=\"application/ld+json\">"))
    let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8)) as? [String: Any])
    #expect(json["@type"] as? String == "VideoObject")
    #expect(json["name"] as? String == Self.hostile)
    for key in ["description", "thumbnailUrl", "uploadDate", "duration", "contentUrl", "embedUrl"] {
      #expect(json[key] != nil, "JSON-LD needs \(key)")
    }
    #expect(json["embedUrl"] as? String == "https://feeds.podium.test/gesprekken/embed/2024-03-14-v/")
  }

  @Test func oEmbedIsAVideoWithAnIframe() throws {
    let fixture = try build()
    let json = try #require(
      try JSONSerialization.jsonObject(with: try fixture.folder.read("feeds/gesprekken/embed/2024-03-14-v/oembed.json"))
        as? [String: Any])
    #expect(json["version"] as? String == "1.0")
    #expect(json["type"] as? String == "video")
    #expect((json["html"] as? String)?.hasPrefix("<iframe src=\"https://feeds.podium.test/gesprekken/embed/2024-03-14-v/\"") == true)
    #expect((json["html"] as? String)?.contains("<img") == false)
    #expect(json["thumbnail_width"] as? Int == 1280)
  }

  @Test func mediaRSSDescribesEveryVideo() throws {
    let fixture = try build()
    let document = try XMLDocument(data: try fixture.folder.read("feeds/gesprekken/media.xml"))
    let media = "http://search.yahoo.com/mrss/"
    let item = try #require(document.root.firstChild(named: "channel")?.firstChild(named: "item"))
    let content = try #require(item.firstChild(named: "content", namespace: media))
    #expect(content.attribute("type") == "video/mp4")
    #expect(content.attribute("medium") == "video")
    #expect(content.attribute("width") != nil && content.attribute("duration") != nil)
    #expect(content.firstChild(named: "thumbnail", namespace: media)?.attribute("url")
      == "https://feeds.podium.test/gesprekken/embed/images/posters/v.jpg")
    #expect(content.firstChild(named: "player", namespace: media)?.attribute("url")
      == "https://feeds.podium.test/gesprekken/embed/2024-03-14-v/")
    #expect(content.firstChild(named: "subTitle", namespace: media)?.attribute("type") == "text/vtt")
    #expect(content.firstChild(named: "title", namespace: media)?.text == Self.hostile)
  }

  @Test func mediaRSSMeetsTheRSSRules() throws {
    let fixture = try build()
    let data = try fixture.folder.read("feeds/gesprekken/media.xml")
    // The hostile title holds no tag, so the plain-text rules of <title> and <media:title> pass too.
    let findings = FeedLinter(profile: .rss).lint(data, file: "media.xml").filter { $0.severity >= .warning }
    #expect(findings.map(\.ruleID) == [])
    // Apple's podcast rules don't apply to a video feed for search engines; the profile is why.
    #expect(FeedLinter(profile: .podcast).lint(data, file: "media.xml").contains { $0.ruleID.hasPrefix("APPLE-") })
  }

  @Test func sitemapFollowsGoogleVideoSitemaps() throws {
    let fixture = try build()
    let document = try XMLDocument(data: try fixture.folder.read("feeds/gesprekken/video-sitemap.xml"))
    let video = "http://www.google.com/schemas/sitemap-video/1.1"
    let sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9"
    #expect(document.root.name == "urlset")
    #expect(document.root.namespaceURI == sitemap)
    let url = try #require(document.root.firstChild(named: "url", namespace: sitemap))
    let loc = try #require(url.firstChild(named: "loc", namespace: sitemap)?.text)
    let entry = try #require(url.firstChild(named: "video", namespace: video))
    for name in ["thumbnail_loc", "title", "description", "content_loc", "duration", "publication_date"] {
      #expect(entry.firstChild(named: name, namespace: video) != nil, "sitemap needs video:\(name)")
    }
    #expect(entry.firstChild(named: "content_loc", namespace: video)?.text == "https://media.podium.test/gesprekken/media/v.mp4")
    // Neither the file nor a player may be the page itself (VSM-NOT-LOC); the page is no player.
    #expect(entry.firstChild(named: "content_loc", namespace: video)?.text != loc)
    #expect(entry.firstChild(named: "player_loc", namespace: video) == nil)
    let duration = Int(entry.firstChild(named: "duration", namespace: video)?.text ?? "") ?? 0
    #expect((1...28_800).contains(duration))
  }

  @Test func indexListsEveryVideoWithoutScript() throws {
    let fixture = try build()
    let html = String(decoding: try fixture.folder.read("feeds/gesprekken/embed/index.html"), as: UTF8.self)
    #expect(html.contains("<a href=\"https://feeds.podium.test/gesprekken/embed/2024-03-14-v/\">"))
    #expect(html.contains("1 &lt; 2 &gt; 0 ]]&gt; &lt;3"))
    // The only script is embed.js, from the index's own folder; nothing inline could run.
    #expect(html.components(separatedBy: "<script").count == 2)
    #expect(html.contains("<script src=\"embed.js\" defer></script>"))
    #expect(!html.contains("<3"))
    #expect(try fixture.folder.read("feeds/gesprekken/embed/images/posters/v.jpg")
      == fixture.folder.read("episodes/gesprekken/posters/v.jpg"))
    let json = try #require(
      try JSONSerialization.jsonObject(with: try fixture.folder.read("feeds/gesprekken/embed/index.json")) as? [String: Any])
    #expect(json["version"] as? Int == 1)
    let videos = try #require(json["videos"] as? [[String: Any]])
    #expect(videos.count == 1)
    let video = videos[0]
    #expect(video["title"] as? String == Self.hostile)
    #expect(video["page"] as? String == "https://feeds.podium.test/gesprekken/embed/2024-03-14-v/")
    #expect((video["sources"] as? [[String: String]])?.first?["type"] == "video/mp4")
    #expect((video["captions"] as? [[String: String]])?.first?["url"] == "https://feeds.podium.test/gesprekken/transcripts/v.vtt")
    #expect(video["dateText"] as? String == "14 maart 2024")
  }

  @Test func podcastShowsGetNoVideoPages() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode()
    _ = try Publisher(
      catalogueURL: fixture.catalogue, outputURL: fixture.output,
      options: BuildOptions(now: Timestamp.parse("2025-01-01T00:00:00Z")!)
    ).build()
    #expect(!fixture.folder.exists("feeds/gesprekken/embed"))
    #expect(!fixture.folder.exists("feeds/gesprekken/media.xml"))
  }
}

/// The index's own weight: its HTML with the inline style, and embed.js, gzipped as a server
/// would send them. Images and index.json are data, not the index.
@Suite struct EmbedWeightTests {
  @Test func indexStaysUnderTwentyKilobytesGzipped() throws {
    let fixture = try VideoSiteTests().build()
    var total = 0
    for file in ["feeds/gesprekken/embed/index.html", "feeds/gesprekken/embed/embed.js"] {
      total += try Self.gzippedSize(fixture.folder.url.appendingPathComponent(file))
    }
    #expect(total > 3_000, "the index can't be this small: \(total) bytes")
    #expect(total < 20 * 1024, "index.html + embed.js weigh \(total) bytes gzipped")
  }

  static func gzippedSize(_ file: URL) throws -> Int {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/gzip")
    process.arguments = ["-9c", file.path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    return data.count
  }
}
