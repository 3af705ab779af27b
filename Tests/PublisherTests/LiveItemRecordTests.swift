import Catalogue
import Diagnostics
import Foundation
import PodiumTestSupport
import Publisher
import Testing

/// A `podcast:liveItem`'s GUID is the stream's identity to apps
/// (https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/tags/live-item.md): the
/// publication record keeps it after the live item leaves show.yaml, so no later episode takes it,
/// and a live item that comes back under another GUID is refused as a changed GUID is.
@Suite struct LiveItemRecordTests {
  let now = Timestamp.parse("2025-01-01T00:00:00Z")!

  static func show(guid: String = "live-2025-02-01") -> String {
    CatalogueFixture.show + """
      live:
        - title: Live vanuit het buurthuis
          guid: \(guid)
          status: pending
          start: 2025-02-01T20:00:00+01:00
          stream: https://live.podium.test/stream.mp3
          content_links:
            - url: https://podium.test/live
              text: Luister live

      """
  }

  func build(_ fixture: CatalogueFixture, allowGUIDChange: Bool = false, allowRemoval: Bool = false) throws -> BuildReport {
    let options = BuildOptions(now: now, allowGUIDChange: allowGUIDChange, allowRemoval: allowRemoval)
    return try Publisher(catalogueURL: fixture.catalogue, outputURL: fixture.output, options: options).build()
  }

  func record(_ fixture: CatalogueFixture) throws -> PublicationRecord {
    try PublicationRecord.decode(Data(contentsOf: fixture.output.appendingPathComponent(PublicationRecord.path)))
  }

  @Test func aLiveItemsGUIDIsRecordedAndNoLaterEpisodeTakesIt() throws {
    let fixture = try CatalogueFixture(show: Self.show())
    try fixture.addEpisode(guid: "a")
    let first = try build(fixture)
    #expect(first.findings.filter { $0.severity >= .warning } == [])
    #expect(try record(fixture).shows["gesprekken"]?.liveItems == [
      "live-2025-02-01": PublicationRecord.LiveItemRecord(
        title: "Live vanuit het buurthuis", stream: "https://live.podium.test/stream.mp3", start: "2025-02-01T20:00:00+01:00")
    ])
    // The stream has no size: length 0, as the RSS Best Practices Profile asks when it can't be known.
    let feed = try String(contentsOf: fixture.output.appendingPathComponent("gesprekken/feed.xml"), encoding: .utf8)
    #expect(feed.contains(#"<enclosure url="https://live.podium.test/stream.mp3" length="0" type="audio/mpeg"/>"#))

    // The live event is over and leaves show.yaml: its GUID stays in the record.
    try fixture.folder.write("episodes/gesprekken/show.yaml", CatalogueFixture.show)
    #expect(!(try build(fixture)).hasErrors)
    #expect(try record(fixture).shows["gesprekken"]?.liveItems?.keys.sorted() == ["live-2025-02-01"])

    // The recording, published as an episode under the live item's GUID, is refused.
    let before = try fixture.folder.snapshot("feeds")
    try fixture.addEpisode("2024-03-21-opname", date: "2024-03-21T09:00:00+01:00", guid: "live-2025-02-01")
    let report = try build(fixture)
    let finding = try #require(report.findings.first { $0.ruleID == "PUB-GUID-CHANGED" })
    #expect(finding.severity == .error)
    #expect(finding.message.contains("live item 'Live vanuit het buurthuis'"))
    #expect(finding.location == SourceLocation(file: "gesprekken/2024-03-21-opname.md", line: 4))
    #expect(try fixture.folder.snapshot("feeds") == before)
    let allowed = try build(fixture, allowGUIDChange: true)
    #expect(!allowed.hasErrors)
    #expect(allowed.findings.first { $0.ruleID == "PUB-GUID-CHANGED" }?.severity == .warning)
  }

  /// In one build too: an episode with a live item's GUID.
  @Test func anEpisodeMayNotShareALiveItemsGUID() throws {
    let fixture = try CatalogueFixture(show: Self.show())
    try fixture.addEpisode(guid: "live-2025-02-01")
    let report = try build(fixture)
    #expect(report.findings.contains { $0.ruleID == "PUB-GUID-CHANGED" && $0.severity == .error
      && $0.location == SourceLocation(file: "gesprekken/2024-03-14-de-buurt-beslist.md", line: 4) })
    #expect(!FileManager.default.fileExists(atPath: fixture.output.path))
  }

  /// The same stream and start under a new GUID is a new stream to apps: refused unless allowed,
  /// at the live item's line in show.yaml; allowed, both GUIDs are kept.
  @Test func aLiveItemKeepsItsGUID() throws {
    let fixture = try CatalogueFixture(show: Self.show())
    try fixture.addEpisode(guid: "a")
    _ = try build(fixture)
    try fixture.folder.write("episodes/gesprekken/show.yaml", Self.show(guid: "live-nieuw"))
    let report = try build(fixture)
    let finding = try #require(report.findings.first { $0.ruleID == "PUB-GUID-CHANGED" })
    #expect(finding.severity == .error)
    #expect(finding.message.contains("published with guid live-2025-02-01 and now has live-nieuw"))
    let line = CatalogueFixture.show.split(separator: "\n", omittingEmptySubsequences: false).count + 1
    #expect(finding.location == SourceLocation(file: "gesprekken/show.yaml", line: line))
    #expect(try record(fixture).shows["gesprekken"]?.liveItems?.keys.sorted() == ["live-2025-02-01"])
    #expect(!(try build(fixture, allowGUIDChange: true)).hasErrors)
    #expect(try record(fixture).shows["gesprekken"]?.liveItems?.keys.sorted() == ["live-2025-02-01", "live-nieuw"])
  }

  /// A lost record rebuilt from the feeds keeps the live items the feed carried.
  @Test func aRebuiltRecordKeepsTheFeedsLiveItems() throws {
    let fixture = try CatalogueFixture(show: Self.show())
    try fixture.addEpisode(guid: "a")
    _ = try build(fixture)
    try FileManager.default.removeItem(at: fixture.output.appendingPathComponent(PublicationRecord.path))
    try fixture.folder.write("episodes/gesprekken/show.yaml", CatalogueFixture.show)
    let report = try build(fixture)
    #expect(report.findings.contains { $0.ruleID == "PUB-RECORD-REBUILT" })
    #expect(try record(fixture).shows["gesprekken"]?.liveItems == [
      "live-2025-02-01": PublicationRecord.LiveItemRecord(
        title: "Live vanuit het buurthuis", stream: "https://live.podium.test/stream.mp3", start: "2025-02-01T20:00:00+01:00")
    ])
  }

  /// Nor does a live item take the GUID of a published episode that it replaces, even when the
  /// episode's removal is allowed.
  @Test func aLiveItemMayNotTakeAPublishedEpisodesGUID() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode(guid: "a")
    try fixture.addEpisode("2024-03-21-weg", date: "2024-03-21T09:00:00+01:00", guid: "weg")
    _ = try build(fixture)
    try FileManager.default.removeItem(at: fixture.catalogue.appendingPathComponent("gesprekken/2024-03-21-weg.md"))
    try fixture.folder.write("episodes/gesprekken/show.yaml", Self.show(guid: "weg"))
    let report = try build(fixture, allowRemoval: true)
    let finding = try #require(report.findings.first { $0.ruleID == "PUB-GUID-CHANGED" })
    #expect(finding.severity == .error)
    #expect(finding.message.contains("published for the episode from gesprekken/2024-03-21-weg.md"))
    let line = CatalogueFixture.show.split(separator: "\n", omittingEmptySubsequences: false).count + 1
    #expect(finding.location == SourceLocation(file: "gesprekken/show.yaml", line: line))
  }

  /// Nor when the episode stays in the catalogue as a draft: it is no longer published, but apps
  /// know its GUID.
  @Test func aLiveItemMayNotTakeTheGUIDOfAnEpisodeNowADraft() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode(guid: "a")
    try fixture.addEpisode("2024-03-21-weg", date: "2024-03-21T09:00:00+01:00", guid: "weg")
    _ = try build(fixture)
    try fixture.addEpisode("2024-03-21-weg", date: "2024-03-21T09:00:00+01:00", guid: "weg", extra: "draft: true")
    try fixture.folder.write("episodes/gesprekken/show.yaml", Self.show(guid: "weg"))
    let report = try build(fixture, allowRemoval: true)
    let finding = try #require(report.findings.first { $0.ruleID == "PUB-GUID-CHANGED" })
    #expect(finding.severity == .error)
    #expect(finding.message.contains("published for the episode from gesprekken/2024-03-21-weg.md"))
  }

  /// Two live items of today with one stream and start (a stream that runs twice, say) are two
  /// new GUIDs, not one GUID changed: neither was published before.
  @Test func twoNewLiveItemsOnOneStreamAreNoChangedGUID() throws {
    let second = """
        - title: Herhaling
          guid: live-herhaling
          status: pending
          start: 2025-02-01T20:00:00+01:00
          stream: https://live.podium.test/stream.mp3
          content_links:
            - url: https://podium.test/live
              text: Luister live

      """
    let fixture = try CatalogueFixture(show: Self.show() + second)
    try fixture.addEpisode(guid: "a")
    let report = try build(fixture)
    #expect(!report.findings.contains { $0.ruleID == "PUB-GUID-CHANGED" }, "\(report.findings)")
    #expect(try record(fixture).shows["gesprekken"]?.liveItems?.keys.sorted() == ["live-2025-02-01", "live-herhaling"])
  }
}
