import Catalogue
import Diagnostics
import Foundation
import MediaProbe
import PodiumTestSupport
import Testing

/// The Podcasting 2.0 keys of show.yaml and the front matter (docs/catalogue.md): read into the
/// model, with a local file's integrity computed from its bytes, and refused where a feed
/// couldn't carry them.
@Suite struct PodcastingKeysTests {
  static let showKeys = """
    artwork_alt: Het logo van Allemaal politiek
    update_frequency:
      text: Elke twee weken
      rrule: FREQ=WEEKLY;INTERVAL=2;BYDAY=TH
      dtstart: 2024-02-22T09:00:00+01:00
    images:
      - url: banner.jpg
        purpose: banner social
    podroll:
      - feed_guid: 1b1c3c52-2c4b-5c3a-9a3e-4c1d2b3a4f5e
        feed_url: https://partner.podium.test/feed.xml
        title: Een partnerpodcast
    publisher:
      feed_guid: 2b1c3c52-2c4b-5c3a-9a3e-4c1d2b3a4f5e
      feed_url: https://podium.test/publisher.xml
    chat:
      server: matrix.podium.test
      protocol: matrix
      space: "#allemaalpolitiek:podium.test"
    value:
      type: lightning
      method: keysend
      suggested: "0.00000005000"
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
        account_id: "@socius"
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

  static let episodeKeys = """
    soundbites:
      - start: 10
        duration: 20.5
        title: Het plein
    content_links:
      - url: https://video.podium.test/de-buurt-beslist
        text: Bekijk de video
    social_interact:
      - protocol: disabled
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
          remote_percentage: 50
          remote_item:
            feed_guid: 1b1c3c52-2c4b-5c3a-9a3e-4c1d2b3a4f5e
            item_guid: muziek-1
    """

  @Test func readsEveryKey() throws {
    let fixture = try CatalogueFixture(show: CatalogueFixture.show + Self.showKeys)
    try fixture.folder.write("episodes/gesprekken/banner.jpg", SampleMedia.jpeg(width: 1920, height: 1080))
    try fixture.addEpisode(extra: Self.episodeKeys)
    let result = CatalogueLoader(root: fixture.catalogue).load()
    #expect(result.findings.filter { $0.severity >= .warning } == [])
    let show = try #require(result.catalogue?.shows.first)
    let tags = show.podcasting
    #expect(tags.artworkWidth == 1400)
    #expect(tags.artworkAlt == "Het logo van Allemaal politiek")
    #expect(show.updateFrequency == "Elke twee weken")
    #expect(tags.schedule?.rrule == "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH")
    #expect(tags.images.first?.aspectRatio == "16/9")
    #expect(tags.images.first?.width == 1920)
    #expect(tags.podroll.map(\.feedURL) == ["https://partner.podium.test/feed.xml"])
    #expect(tags.publisher?.medium == "publisher")
    #expect(tags.chat?.chatProtocol == "matrix")
    #expect(tags.value?.recipients.map(\.split) == [95, 5])
    #expect(tags.value?.recipients.last?.fee == true)
    #expect(tags.blockedServices == ["google"])
    #expect(tags.socialInteract.first?.accountID == "@socius")
    #expect(tags.liveItems.first?.status == .pending)
    #expect(tags.liveItems.first?.streamType == "audio/mpeg")
    let episode = try #require(show.episodes.first)
    #expect(episode.podcasting.soundbites == [Soundbite(start: 10, duration: 20.5, title: "Het plein", line: 10)])
    #expect(episode.podcasting.contentLinks.first?.text == "Bekijk de video")
    #expect(episode.podcasting.socialInteract.first?.uri == nil)
    #expect(episode.podcasting.value?.timeSplits.first?.remoteItem?.itemGUID == "muziek-1")
    // A local file's hash is the feed writer's to compute (PodcastingTagsTests): loading reads no file whole.
    #expect(episode.media?.integrity == nil)
  }

  /// A remote file's hash is the producer's to give; a local one's is always computed.
  @Test func integrityOfARemoteFileIsTakenAsGiven() throws {
    let fixture = try CatalogueFixture()
    let hash = "sha256-" + Data(repeating: 7, count: 32).base64EncodedString()
    try fixture.writeEpisode("2024-03-14-a.md", """
      ---
      title: A
      date: 2024-03-14T09:00:00Z
      guid: a
      media:
        url: https://media.podium.test/a.mp3
        length: 1000
        type: audio/mpeg
        duration: 60
        integrity: \(hash)
      ---
      """)
    let episode = try #require(CatalogueLoader(root: fixture.catalogue).load().catalogue?.shows.first?.episodes.first)
    #expect(episode.media?.integrity == hash)
  }

  /// Each mistake, with the rule and the line it must point at.
  @Test(arguments: [
    ("value:\n  type: lightning\n  method: keysend\n  recipients:\n    - type: node\n      address: 02ab\n      split: 0",
     "P20-VALUE", 15, "above 0"),
    ("value:\n  type: lightning\n  method: keysend\n  recipients:\n    - type: node\n      address: 02ab\n      split: 1.5",
     "P20-VALUE", 15, "whole number"),
    ("value:\n  type: lightning\n  method: keysend", "CAT-REQUIRED", 10, "recipients"),
    ("soundbites:\n  - start: soon\n    duration: 20", "CAT-TYPE", 10, "seconds"),
    ("soundbites:\n  - start: 5\n    duration: 0", "CAT-TYPE", 11, "above 0"),
    // A number no media plays, which would not fit the feed's whole seconds: refused, not a crash.
    ("soundbites:\n  - start: 1e300\n    duration: 20", "CAT-TYPE", 10, "seconds"),
    ("value:\n  type: lightning\n  method: keysend\n  recipients:\n    - type: node\n      address: 02ab\n      split: 1\n"
       + "  time_splits:\n    - start: 1\n      duration: 9e99\n      recipients:\n        - type: node\n"
       + "          address: 02ab\n          split: 1", "CAT-TYPE", 18, "seconds"),
    ("value:\n  type: lightning\n  method: keysend\n  recipients:\n    - type: node\n      address: 02ab\n"
       + "      split: 99999999999999999999999", "P20-VALUE", 15, "whole number"),
    ("content_links:\n  - url: http://video.podium.test/a\n    text: Video", "P20-HTTPS", 10, "https"),
    ("social_interact:\n  - protocol: activitypub", "CAT-REQUIRED", 10, "uri"),
    ("images:\n  - url: missing.png", "CAT-FILE-MISSING", 10, "missing.png"),
    ("value:\n  type: lightning\n  method: keysend\n  recipients:\n    - type: node\n      address: 02ab\n      split: 1\n"
       + "  time_splits:\n    - start: 1\n      duration: 2", "CAT-VALUE", 17, "either recipients or one remote_item"),
    ("value:\n  type: lightning\n  method: keysend\n  recipients:\n    - type: node\n      address: 02ab\n      split: 1\n"
       + "  time_splits:\n    - start: 1\n      duration: 2\n      remote_item:\n        feed_guid: partner",
     "CAT-VALUE", 20, "UUID"),
  ] as [(String, String, Int, String)])
  func badEpisodeKeys(yaml: String, rule: String, line: Int, message: String) throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode(extra: yaml)
    try expectFinding(fixture, file: "gesprekken/2024-03-14-de-buurt-beslist.md", rule: rule, line: line, message: message)
  }

  /// The fixture's show.yaml has 18 lines; the added keys start on line 19.
  @Test(arguments: [
    ("podroll:\n  - feed_guid: partner", "CAT-VALUE", 20, "UUID"),
    ("update_frequency:\n  text: Wekelijks\n  dtstart: maandag", "CAT-DATE", 21, "zone"),
    ("update_frequency:\n  rrule: FREQ=WEEKLY", "CAT-REQUIRED", 20, "text"),
    ("chat:\n  server: matrix.podium.test", "CAT-REQUIRED", 20, "protocol"),
    ("live:\n  - title: Live\n    guid: l\n    status: soon\n    start: 2025-02-01T20:00:00+01:00\n"
       + "    stream: https://live.podium.test/s.mp3\n    content_links:\n      - url: https://podium.test/live\n        text: Live",
     "CAT-VALUE", 22, "pending, live, ended"),
    ("live:\n  - title: Live\n    guid: l\n    status: live\n    start: 2025-02-01T20:00:00+01:00\n"
       + "    stream: https://live.podium.test/s.mp3", "CAT-REQUIRED", 20, "content_links"),
    ("live:\n  - title: Live\n    guid: l\n    status: live\n    start: 2025-02-01T20:00:00+01:00\n"
       + "    end: 2025-02-01T19:00:00+01:00\n    stream: https://live.podium.test/s.mp3\n    content_links:\n"
       + "      - url: https://podium.test/live\n        text: Live", "CAT-DATE", 24, "after start"),
  ] as [(String, String, Int, String)])
  func badShowKeys(yaml: String, rule: String, line: Int, message: String) throws {
    let fixture = try CatalogueFixture(show: CatalogueFixture.show + yaml + "\n")
    try expectFinding(fixture, file: "gesprekken/show.yaml", rule: rule, line: line, message: message)
  }

  @Test func integrityIsRefusedForALocalFile() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode(extra: "alternates:\n  - url: media/2024-03-14-de-buurt-beslist.mp3\n    integrity: sha384-x")
    try expectFinding(
      fixture, file: "gesprekken/2024-03-14-de-buurt-beslist.md", rule: "CAT-VALUE", line: 11, message: "computes it")
  }

  @Test func aRemoteFilesIntegrityMustBeSRI() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode(extra: "alternates:\n  - url: https://media.podium.test/a.webm\n    type: video/webm\n    integrity: md5-abc")
    try expectFinding(
      fixture, file: "gesprekken/2024-03-14-de-buurt-beslist.md", rule: "CAT-VALUE", line: 12, message: "sha384-")
  }

  private func expectFinding(
    _ fixture: CatalogueFixture, file: String, rule: String, line: Int, message: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    let result = CatalogueLoader(root: fixture.catalogue).load()
    let finding = try #require(result.findings.first { $0.ruleID == rule }, "\(result.findings)", sourceLocation: sourceLocation)
    #expect(finding.location == SourceLocation(file: file, line: line), "\(finding)", sourceLocation: sourceLocation)
    #expect(finding.message.contains(message), "\(finding.message)", sourceLocation: sourceLocation)
  }
}
