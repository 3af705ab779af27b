import Catalogue
import Diagnostics
import FeedWriter
import Foundation
import PodiumTestSupport
import PodiumXML
import Publisher
import Testing

@Suite struct FeedRoundTripTests {
  let now = Timestamp.parse("2025-01-01T00:00:00Z")!

  func build(_ fixture: CatalogueFixture) throws -> BuildReport {
    try Publisher(catalogueURL: fixture.catalogue, outputURL: fixture.output, options: BuildOptions(now: now)).build()
  }

  @Test func everyEpisodeReadsBackAsInTheCatalogue() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode("2024-03-14-a", title: "Eerste", date: "2024-03-14T09:00:00+01:00", guid: "guid-a",
                           extra: "season: 1\nepisode: 1", seconds: 30)
    try fixture.addEpisode("2024-07-01-b", title: "Tweede", date: "2024-07-01T18:30:00+02:00", guid: "guid-b",
                           extra: "season: 1\nepisode: 2", seconds: 45)
    let report = try build(fixture)
    #expect(!report.hasErrors, "\(report.findings)")
    let catalogue = try #require(CatalogueLoader(root: fixture.catalogue).load().catalogue)
    let show = try #require(catalogue.shows.first)
    let feed = try FeedReader(try fixture.folder.read("feeds/gesprekken/feed.xml"))
    #expect(feed.items.count == 2)
    for item in feed.items {
      let guid = try #require(feed.text(item, "guid"))
      let episode = try #require(show.episodes.first { $0.guid == guid })
      #expect(feed.text(item, "title") == episode.title)
      #expect(item.firstChild(named: "guid")?.attribute("isPermaLink") == "false")
      let enclosure = try #require(item.firstChild(named: "enclosure"))
      let media = try #require(episode.media)
      #expect(enclosure.attribute("url") == catalogue.publicURL(for: media.reference, in: show))
      #expect(enclosure.attribute("length") == String(media.length))
      #expect(enclosure.attribute("type") == media.type)
      #expect(feed.text(item, "duration", namespace: FeedReader.itunes) == String(media.duration))
      #expect(feed.text(item, "pubDate") == episode.date.rfc2822)
    }
    #expect(feed.items.compactMap { feed.text($0, "guid") } == ["guid-b", "guid-a"])
    #expect(feed.text(feed.channel, "lastBuildDate") == "Mon, 01 Jul 2024 18:30:00 +0200")
  }

  @Test func channelCarriesAppleAndPodcastingTwoTags() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode(extra: """
      season: 2
      episode: 5
      transcripts:
        - file: transcripts/a.vtt
          language: nl-BE
      chapters:
        - start: 0
          title: Begin
      persons:
        - name: Gast Persoon
          role: guest
      """)
    try fixture.folder.write("episodes/gesprekken/transcripts/a.vtt", "WEBVTT\n\n00:00.000 --> 00:01.000\nHallo\n")
    #expect(!(try build(fixture)).hasErrors)
    let feed = try FeedReader(try fixture.folder.read("feeds/gesprekken/feed.xml"))
    let channel = try #require(feed.channel)
    #expect(channel.firstChild(named: "link", namespace: FeedReader.atom)?.attribute("rel") == "self")
    #expect(channel.firstChild(named: "link", namespace: FeedReader.atom)?.attribute("href")
      == "https://feeds.podium.test/gesprekken/feed.xml")
    #expect(feed.text(channel, "explicit", namespace: FeedReader.itunes) == "false")
    let category = try #require(channel.firstChild(named: "category", namespace: FeedReader.itunes))
    #expect(category.attribute("text") == "Society & Culture")
    #expect(category.firstChild(named: "category", namespace: FeedReader.itunes)?.attribute("text") == "Documentary")
    #expect(feed.text(channel, "locked", namespace: FeedReader.podcast) == "yes")
    #expect(feed.text(channel, "medium", namespace: FeedReader.podcast) == "podcast")
    #expect(channel.firstChild(named: "license", namespace: FeedReader.podcast)?.text == "CC-BY-4.0")
    #expect(channel.firstChild(named: "funding", namespace: FeedReader.podcast)?.attribute("url") == "https://podium.test/steun")
    let item = try #require(feed.items.first)
    #expect(feed.text(item, "season", namespace: FeedReader.podcast) == "2")
    #expect(feed.text(item, "episode", namespace: FeedReader.itunes) == "5")
    let transcript = try #require(item.firstChild(named: "transcript", namespace: FeedReader.podcast))
    #expect(transcript.attribute("url") == "https://feeds.podium.test/gesprekken/transcripts/a.vtt")
    #expect(transcript.attribute("type") == "text/vtt")
    #expect(fixture.folder.exists("feeds/gesprekken/transcripts/a.vtt"))
    let chapters = try #require(item.firstChild(named: "chapters", namespace: FeedReader.podcast))
    #expect(chapters.attribute("type") == "application/json+chapters")
    let json = try JSONSerialization.jsonObject(
      with: try fixture.folder.read("feeds/gesprekken/chapters/2024-03-14-de-buurt-beslist.json")) as? [String: Any]
    #expect(json?["version"] as? String == "1.2.0")
    #expect((json?["chapters"] as? [[String: Any]])?.first?["title"] as? String == "Begin")
    let person = try #require(item.firstChild(named: "person", namespace: FeedReader.podcast))
    #expect(person.attribute("role") == "guest")
    let opml = try XMLDocument(data: try fixture.folder.read("feeds/feeds.opml"))
    #expect(opml.root.firstChild(named: "body")?.children.first?.attribute("xmlUrl")
      == "https://feeds.podium.test/gesprekken/feed.xml")
  }

  @Test func podcastGUIDIsTheUUIDv5OfTheFeedURL() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode()
    _ = try build(fixture)
    let feed = try FeedReader(try fixture.folder.read("feeds/gesprekken/feed.xml"))
    // uuid5(ead4c236-…, "feeds.podium.test/gesprekken/feed.xml"), as Python's uuid module computes it.
    #expect(feed.text(feed.channel, "guid", namespace: FeedReader.podcast) == "81819710-990d-5ed0-aafd-e58cd8c0c351")
  }

  /// Readers render an item's `<description>` as HTML: a summary with markup never reaches a
  /// feed, and a plain one reads back as the same text with nothing a reader would render.
  @Test(arguments: [
    ("Kijk <img src=x onerror=alert(1)>", "CAT-PLAIN-TEXT"), ("&lt;script&gt;alert(1)&lt;/script&gt;", "CAT-PLAIN-TEXT"),
    ("Q&A: 1 < 2 > 0, Tom & Jerry", nil),
  ] as [(String, String?)])
  func summariesReachTheFeedAsPlainText(summary: String, rule: String?) throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode(extra: "summary: \"\(summary)\"")
    let report = try build(fixture)
    if let rule {
      let finding = try #require(report.findings.first { $0.ruleID == rule })
      #expect(finding.location == SourceLocation(file: "gesprekken/2024-03-14-de-buurt-beslist.md", line: 9))
      #expect(!fixture.folder.exists("feeds/gesprekken/feed.xml"))
      return
    }
    #expect(!report.hasErrors, "\(report.findings)")
    let feed = try FeedReader(try fixture.folder.read("feeds/gesprekken/feed.xml"))
    let item = try #require(feed.items.first)
    let description = try #require(feed.text(item, "description"))
    #expect(description == summary)
    // What a reader's HTML parser makes of it: the same text, and no element to remove.
    let parsed = HTMLSanitizer().sanitize(description)
    #expect(parsed.removals.isEmpty)
    #expect(parsed.plainText == summary)
  }

  @Test(arguments: [
    "Tom & Jerry 1 < 2 > 0 ]]> \"quoted\" 'single'",
    "Emoji 🎙️👩🏽‍🦱 and Ünïcödé",
    "עברית ومرحبا right-to-left",
    "]]>]]>]]",
  ])
  func hostileTextRoundTrips(text: String) throws {
    let fixture = try CatalogueFixture()
    let yamlTitle = "\"" + text.replacingOccurrences(of: "\"", with: "\\\"") + "\""
    try fixture.addEpisode(title: yamlTitle, notes: "Notes: \(text)\n\n<script>alert(1)</script>\n")
    let report = try build(fixture)
    #expect(!report.hasErrors, "\(report.findings)")
    let feed = try FeedReader(try fixture.folder.read("feeds/gesprekken/feed.xml"))
    let item = try #require(feed.items.first)
    #expect(feed.text(item, "title") == text)
    let notes = try #require(feed.text(item, "encoded", namespace: FeedReader.content))
    #expect(!notes.contains("<script"))
    #expect(notes.contains("Notes:"))
    #expect(report.findings.contains { $0.ruleID == "RSS-ITEM-HTML-SAFE" })
  }

  @Test func oneMegabyteOfNotesStaysValidAndTheDescriptionFitsAppleLimit() throws {
    let fixture = try CatalogueFixture()
    let paragraph = "Een **lange** alinea met & en < en > en ]]> en é en 🎙️ erin. "
    let notes = String(repeating: paragraph + "\n\n", count: 1_000_000 / paragraph.utf8.count)
    try fixture.addEpisode(notes: notes)
    let report = try build(fixture)
    #expect(!report.hasErrors, "\(report.findings)")
    let feed = try FeedReader(try fixture.folder.read("feeds/gesprekken/feed.xml"))
    let item = try #require(feed.items.first)
    let description = try #require(feed.text(item, "description"))
    #expect(description.utf8.count <= 4000)
    #expect(description.utf8.count > 3000)
    #expect((feed.text(item, "encoded", namespace: FeedReader.content)?.utf8.count ?? 0) > 1_000_000)
  }

  @Test func draftsAndScheduledEpisodesStayOut() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode("2024-03-14-a", guid: "a")
    try fixture.addEpisode("2024-03-21-b", date: "2024-03-21T09:00:00+01:00", guid: "b", extra: "draft: true")
    try fixture.addEpisode("2025-02-01-c", date: "2025-02-01T10:00:00+01:00", guid: "c")
    let report = try build(fixture)
    let feed = try FeedReader(try fixture.folder.read("feeds/gesprekken/feed.xml"))
    #expect(feed.items.compactMap { feed.text($0, "guid") } == ["a"])
    #expect(report.nextScheduled?.file == "gesprekken/2025-02-01-c.md")
    #expect(report.nextScheduled?.date == Timestamp.parse("2025-02-01T10:00:00+01:00"))
  }

  @Test func ownFeedsPassTheFeedRules() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode(extra: "season: 1\nepisode: 1")
    let report = try build(fixture)
    #expect(report.findings.filter { $0.location?.file.hasPrefix("feeds/") == true && $0.severity >= .warning } == [])
  }
}

@Suite struct AlternateEnclosureTests {
  @Test func renditionsBecomeAlternateEnclosures() throws {
    let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("MediaProbeTests/Fixtures/av")
    let fixture = try CatalogueFixture()
    let webm = try Data(contentsOf: fixtures.appendingPathComponent("vp9-opus.webm"))
    try fixture.folder.write("episodes/gesprekken/media/a.webm", webm)
    try fixture.addEpisode(extra: """
      alternates:
        - url: media/a.webm
          title: WebM
        - url: https://stream.podium.test/a/master.m3u8
          type: application/x-mpegURL
          title: HLS
      """)
    let report = try Publisher(
      catalogueURL: fixture.catalogue, outputURL: fixture.output,
      options: BuildOptions(now: Timestamp.parse("2025-01-01T00:00:00Z")!)
    ).build()
    #expect(report.findings.filter { $0.severity >= .warning } == [], "\(report.findings)")
    let feed = try FeedReader(try fixture.folder.read("feeds/gesprekken/feed.xml"))
    let item = try #require(feed.items.first)
    // The first is the enclosure itself, marked default, for its integrity hash (PodcastingTagsTests).
    let all = item.children(named: "alternateEnclosure", namespace: FeedReader.podcast)
    #expect(all.first?.attribute("default") == "true")
    let alternates = Array(all.dropFirst())
    #expect(alternates.count == 2)
    let local = try #require(alternates.first)
    #expect(local.attribute("type") == "video/webm")
    #expect(local.attribute("length") == String(webm.count))
    #expect(local.attribute("height") == "90")
    #expect(local.attribute("codecs")?.contains("opus") == true)
    #expect(local.firstChild(named: "source", namespace: FeedReader.podcast)?.attribute("uri")
      == "https://media.podium.test/gesprekken/media/a.webm")
    #expect(local.firstChild(named: "integrity", namespace: FeedReader.podcast)?.attribute("value")?.hasPrefix("sha384-") == true)
    let stream = alternates[1]
    #expect(stream.firstChild(named: "integrity", namespace: FeedReader.podcast) == nil, "a remote file's only when given")
    #expect(stream.attribute("type") == "application/x-mpegURL")
    #expect(stream.attribute("length") == nil)
    #expect(item.firstChild(named: "enclosure") != nil, "the main enclosure stays")
  }
}

@Suite struct PosterTests {
  @Test func posterBecomesAPodcastImageWithItsAspectRatio() throws {
    let fixture = try CatalogueFixture()
    try fixture.folder.write("episodes/gesprekken/posters/a.jpg", SampleMedia.jpeg(width: 1920, height: 1080))
    try fixture.addEpisode(extra: "poster: posters/a.jpg")
    _ = try Publisher(
      catalogueURL: fixture.catalogue, outputURL: fixture.output,
      options: BuildOptions(now: Timestamp.parse("2025-01-01T00:00:00Z")!)
    ).build()
    let feed = try FeedReader(try fixture.folder.read("feeds/gesprekken/feed.xml"))
    let image = try #require(feed.items.first?.firstChild(named: "image", namespace: FeedReader.podcast))
    #expect(image.attribute("purpose") == "poster")
    #expect(image.attribute("aspect-ratio") == "16/9")
    #expect(image.attribute("width") == "1920")
    #expect(image.attribute("href") == "https://media.podium.test/gesprekken/posters/a.jpg")
  }

  @Test(arguments: [(1280, 720, "16/9"), (1080, 1920, "9/16"), (1400, 1400, "1/1"), (640, 480, "4/3")])
  func aspectRatios(width: Int, height: Int, ratio: String) {
    #expect(Poster(reference: .local(path: "p.jpg"), width: width, height: height).aspectRatio == ratio)
  }
}
