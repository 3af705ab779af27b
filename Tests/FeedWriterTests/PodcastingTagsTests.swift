import Catalogue
import Diagnostics
import Foundation
import PodiumTestSupport
import PodiumXML
import Publisher
import Testing

/// The other Podcasting 2.0 tags, written from the catalogue (docs/catalogue.md) with the
/// namespace's attribute names, clean in Podium's own feed rules, and harmless to the parsers
/// apps use: podcastparser (gPodder) and feedparser read the show and its episodes as before.
@Suite struct PodcastingTagsTests {
  let now = Timestamp.parse("2025-01-01T00:00:00Z")!

  static let show = CatalogueFixture.show + """
    artwork_alt: Het logo van Allemaal politiek
    update_frequency:
      text: Elke twee weken
      rrule: FREQ=WEEKLY;INTERVAL=2;BYDAY=TH
    podroll:
      - feed_guid: 1b1c3c52-2c4b-5c3a-9a3e-4c1d2b3a4f5e
        feed_url: https://partner.podium.test/feed.xml
    publisher:
      feed_guid: 2b1c3c52-2c4b-5c3a-9a3e-4c1d2b3a4f5e
      feed_url: https://podium.test/publisher.xml
    chat:
      server: matrix.podium.test
      protocol: matrix
    value:
      type: lightning
      method: keysend
      recipients:
        - name: Socius
          type: node
          address: 02d5c1bf8b940dc9cadca86d1b0a3c37fbe39cee4c7e839e33bef9174531d27f52
          split: 95
        - name: Host
          type: node
          address: 03ae9f91a0cb8ff43840e3c322c4c61f019d8c1c3cea15a25cfc425ac605e61a4a
          split: 5
          fee: true
    block_services: [google]
    social_interact:
      - protocol: activitypub
        uri: https://social.podium.test/@socius/1
    live:
      - title: Live vanuit het buurthuis
        guid: live-2025-02-01
        status: pending
        start: 2025-02-01T20:00:00+01:00
        end: 2025-02-01T21:00:00+01:00
        stream: https://live.podium.test/stream.mp3
        content_links:
          - url: https://podium.test/live
            text: Luister live

    """

  func build() throws -> (CatalogueFixture, FeedReader) {
    let fixture = try CatalogueFixture(show: Self.show)
    try fixture.addEpisode(extra: """
      season: 1
      soundbites:
        - start: 10
          duration: 20.5
          title: Het plein
      content_links:
        - url: https://video.podium.test/de-buurt-beslist
          text: Bekijk de video
      social_interact:
        - protocol: disabled
      images:
        - url: https://img.podium.test/de-buurt-beslist-breed.jpg
          purpose: social
          width: 1200
          height: 675
      value:
        type: lightning
        method: keysend
        recipients:
          - type: node
            address: 02d5c1bf8b940dc9cadca86d1b0a3c37fbe39cee4c7e839e33bef9174531d27f52
            split: 90
        time_splits:
          - start: 30
            duration: 15
            remote_item:
              feed_guid: 1b1c3c52-2c4b-5c3a-9a3e-4c1d2b3a4f5e
              item_guid: muziek-1
      """)
    try fixture.addEpisode(
      "2024-12-01-seizoen-twee", title: "Seizoen twee komt eraan", date: "2024-12-01T09:00:00+01:00", guid: "trailer-2",
      extra: "season: 2\nepisode_type: trailer", seconds: 20)
    let report = try Publisher(catalogueURL: fixture.catalogue, outputURL: fixture.output, options: BuildOptions(now: now))
      .build()
    // Every rule passes; the first build into a new folder says so.
    let findings = report.findings.filter { $0.ruleID != "PUB-FIRST-BUILD" }
    #expect(findings == [], "\(findings)")
    return (fixture, try FeedReader(try fixture.folder.read("feeds/gesprekken/feed.xml")))
  }

  @Test func channelTagsAreWritten() throws {
    let (_, feed) = try build()
    let channel = try #require(feed.channel)
    func podcast(_ name: String) -> [XMLElement] { channel.children(named: name, namespace: FeedReader.podcast) }
    let artwork = try #require(podcast("image").first)
    #expect(artwork.attribute("href") == "https://media.podium.test/gesprekken/artwork.jpg")
    #expect(artwork.attribute("width") == "1400")
    #expect(artwork.attribute("aspect-ratio") == "1/1")
    #expect(artwork.attribute("purpose") == "artwork")
    #expect(artwork.attribute("alt") == "Het logo van Allemaal politiek")
    #expect(podcast("updateFrequency").first?.attribute("rrule") == "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH")
    #expect(podcast("updateFrequency").first?.text == "Elke twee weken")
    #expect(podcast("block").map { $0.attribute("id") } == ["google"])
    let trailer = try #require(podcast("trailer").first)
    #expect(trailer.text == "Seizoen twee komt eraan")
    #expect(trailer.attribute("url") == "https://media.podium.test/gesprekken/media/2024-12-01-seizoen-twee.mp3")
    #expect(trailer.attribute("season") == "2")
    #expect(trailer.attribute("pubdate") == "Sun, 01 Dec 2024 09:00:00 +0100")
    let trailerItem = try #require(feed.items.first { feed.text($0, "guid") == "trailer-2" })
    #expect(feed.text(trailerItem, "episodeType", namespace: FeedReader.itunes) == "trailer")
    #expect(trailer.attribute("length") == trailerItem.firstChild(named: "enclosure")?.attribute("length"))
    let publisher = podcast("publisher").first?.firstChild(named: "remoteItem", namespace: FeedReader.podcast)
    #expect(publisher?.attribute("medium") == "publisher")
    #expect(publisher?.attribute("feedUrl") == "https://podium.test/publisher.xml")
    let podroll = podcast("podroll").first?.children(named: "remoteItem", namespace: FeedReader.podcast) ?? []
    #expect(podroll.map { $0.attribute("feedGuid") } == ["1b1c3c52-2c4b-5c3a-9a3e-4c1d2b3a4f5e"])
    #expect(podcast("chat").first?.attribute("protocol") == "matrix")
    let recipients = podcast("value").first?.children(named: "valueRecipient", namespace: FeedReader.podcast) ?? []
    #expect(recipients.map { $0.attribute("split") } == ["95", "5"])
    #expect(recipients.map { $0.attribute("fee") } == [nil, "true"])
    #expect(podcast("socialInteract").first?.attribute("uri") == "https://social.podium.test/@socius/1")
    let live = try #require(podcast("liveItem").first)
    #expect(live.attribute("status") == "pending")
    #expect(live.attribute("start") == "2025-02-01T20:00:00+01:00")
    #expect(live.attribute("end") == "2025-02-01T21:00:00+01:00")
    #expect(live.firstChild(named: "enclosure")?.attribute("url") == "https://live.podium.test/stream.mp3")
    #expect(live.firstChild(named: "contentLink", namespace: FeedReader.podcast)?.attribute("href") == "https://podium.test/live")
  }

  @Test func itemTagsAreWritten() throws {
    let (fixture, feed) = try build()
    let item = try #require(feed.items.first { feed.text($0, "guid") == "6f1d4c3e-2b8a-4d5e-9f10-1a2b3c4d5e6f" })
    func podcast(_ name: String) -> [XMLElement] { item.children(named: name, namespace: FeedReader.podcast) }
    let soundbite = try #require(podcast("soundbite").first)
    #expect(soundbite.attribute("startTime") == "10")
    #expect(soundbite.attribute("duration") == "20.5")
    #expect(soundbite.text == "Het plein")
    #expect(podcast("contentLink").first?.attribute("href") == "https://video.podium.test/de-buurt-beslist")
    let image = try #require(podcast("image").first)
    #expect(image.attribute("href") == "https://img.podium.test/de-buurt-beslist-breed.jpg")
    #expect(image.attribute("aspect-ratio") == "16/9")
    #expect(image.attribute("purpose") == "social")
    #expect(podcast("socialInteract").first?.attribute("protocol") == "disabled")
    let split = podcast("value").first?.firstChild(named: "valueTimeSplit", namespace: FeedReader.podcast)
    #expect(split?.attribute("startTime") == "30")
    #expect(split?.firstChild(named: "remoteItem", namespace: FeedReader.podcast)?.attribute("itemGuid") == "muziek-1")
    // The enclosure itself, as the default alternate, with the SHA-384 of its bytes as Python computes it.
    let alternate = try #require(podcast("alternateEnclosure").first)
    #expect(alternate.attribute("default") == "true")
    #expect(alternate.firstChild(named: "source", namespace: FeedReader.podcast)?.attribute("uri")
      == item.firstChild(named: "enclosure")?.attribute("url"))
    let media = fixture.catalogue.appendingPathComponent("gesprekken/media/2024-03-14-de-buurt-beslist.mp3")
    let expected = try python(
      "import base64, hashlib, sys; print('sha384-' + base64.b64encode(hashlib.sha384(open(sys.argv[1], 'rb').read()).digest()).decode())",
      media.path, in: fixture.folder)
    let integrity = alternate.firstChild(named: "integrity", namespace: FeedReader.podcast)
    #expect(integrity?.attribute("type") == "sri")
    #expect(integrity?.attribute("value") == expected.trimmingCharacters(in: .whitespacesAndNewlines))
  }

  /// A live item holds a title, guid and enclosure as an item does, outside any item: parsers must
  /// not take them for the channel's or for an episode.
  @Test func parsersReadTheShowAndEpisodesAsBefore() throws {
    let (fixture, _) = try build()
    let feed = fixture.output.appendingPathComponent("gesprekken/feed.xml").path
    let output = try python("""
      import json, sys
      import feedparser, podcastparser
      path = sys.argv[1]
      first = podcastparser.parse(path, open(path, "rb"))
      second = feedparser.parse(path)
      if second.bozo:
          sys.exit("feedparser: %s" % second.bozo_exception)
      print(json.dumps([
          [first["title"], first["description"], [[e["title"], e["enclosures"][0]["url"]] for e in first["episodes"]]],
          [second.feed.title, second.feed.description, [[e.title, e.enclosures[0].href] for e in second.entries]],
      ]))
      """, feed, in: fixture.folder)
    let episodes = [
      ["Seizoen twee komt eraan", "https://media.podium.test/gesprekken/media/2024-12-01-seizoen-twee.mp3"],
      ["De buurt beslist", "https://media.podium.test/gesprekken/media/2024-03-14-de-buurt-beslist.mp3"],
    ]
    let description = "Gesprekken over hoe burgers de samenleving mee vormgeven."
    let parsed = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[Any]]
    for reader in try #require(parsed) {
      #expect(reader[0] as? String == "Allemaal politiek")
      #expect(reader[1] as? String == description)
      #expect(reader[2] as? [[String]] == episodes)
    }
  }

  /// A finding about a tag written from show.yaml points at the key that wrote it: a chat protocol
  /// the namespace doesn't list, a service slug it doesn't know, a recurrence rule RFC 5545 can't read.
  @Test(arguments: [
    ("chat:\n  server: chat.podium.test\n  protocol: slack\n", "P20-CHAT", 19),
    ("block_services: [myspace]\n", "P20-BLOCK", 19),
    ("update_frequency:\n  text: Soms\n  rrule: FREQ=FORTNIGHTLY\n", "P20-UPDATEFREQ", 19),
    ("social_interact:\n  - protocol: myspace\n    uri: https://social.podium.test/1\n", "P20-SOCIALINTERACT", 19),
  ])
  func aFindingPointsAtTheShowKey(yaml: String, rule: String, line: Int) throws {
    let fixture = try CatalogueFixture(show: CatalogueFixture.show + yaml)
    try fixture.addEpisode()
    let report = try Publisher(catalogueURL: fixture.catalogue, outputURL: fixture.output, options: BuildOptions(now: now))
      .build()
    let finding = try #require(report.findings.first { $0.ruleID == rule }, "\(report.findings)")
    #expect(finding.location == SourceLocation(file: "gesprekken/show.yaml", line: line))
  }

  /// A soundbite past the end is one finding: the feed's, against itunes:duration, where it is
  /// plain to see; the catalogue's, against the probed length, only in the second the feed rounds away.
  @Test(arguments: [("50", "20", "P20-SOUNDBITE"), ("40", "20.6", "CAT-SOUNDBITE")])
  func aSoundbitePastTheEndIsOneFinding(start: String, duration: String, rule: String) throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode(extra: "soundbites:\n  - start: \(start)\n    duration: \(duration)")
    let report = try Publisher(catalogueURL: fixture.catalogue, outputURL: fixture.output, options: BuildOptions(now: now))
      .build()
    let found = report.findings.filter { $0.ruleID.hasSuffix("SOUNDBITE") }
    #expect(found.map(\.ruleID) == [rule], "\(found)")
    #expect(found.first?.location == SourceLocation(file: "gesprekken/2024-03-14-de-buurt-beslist.md", line: 10))
  }

  private func python(_ script: String, _ argument: String, in folder: TemporaryFolder) throws -> String {
    let file = try folder.write("script.py", script)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", file.path, argument]
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let problem = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(String(decoding: problem, as: UTF8.self))")
    return String(decoding: data, as: UTF8.self)
  }
}
