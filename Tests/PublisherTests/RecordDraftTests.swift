import Catalogue
import Foundation
import PodiumTestSupport
@testable import Publisher
import Testing

/// A build writes its record as the last record's kept rows and the catalogue's published
/// episodes are merged (RecordDraft), never made as a dictionary: it must write what the
/// dictionary of them, filled as the record check always filled it, writes.
struct RecordDraftTests {
  @Test func mergedAsTheDictionaryHoldsIt() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode("2024-03-14-b", date: "2024-03-14T09:00:00+01:00", guid: "b-guid")
    try fixture.addEpisode("2024-03-15-a", date: "2024-03-15T09:00:00+01:00", guid: "a-guid")
    // One GUID given twice: the catalogue's error, but the record still takes the last one.
    try fixture.addEpisode("2024-03-16-d", date: "2024-03-16T09:00:00+01:00", guid: "d-dup")
    try fixture.addEpisode("2024-03-17-d", date: "2024-03-17T09:00:00+01:00", guid: "d-dup")
    try fixture.addEpisode("2024-03-18-e", date: "2024-03-18T09:00:00+01:00", guid: "e-new")
    let catalogue = try #require(CatalogueLoader(root: fixture.catalogue).load().catalogue)
    let show = try #require(catalogue.shows.first)
    #expect(show.episodes.count == 5)
    // The last record: first published earlier, one episode gone from the catalogue, one after
    // every GUID of the catalogue and one before.
    let old = RecordIndex(PublicationRecord(shows: [show.slug: .init(podcastGUID: "p", feedURL: "f", episodes: [
      "a-guid": .init(file: "old/a.md", enclosure: "https://old/a.mp3", date: "2020-01-01T00:00:00Z"),
      "c-gone": .init(file: "gesprekken/c.md", enclosure: nil, date: "2020-01-02T00:00:00Z"),
      "d-dup": .init(file: "gesprekken/d.md", enclosure: "https://old/d.mp3", date: "2020-01-03T00:00:00Z"),
      "0-first": .init(file: "gesprekken/0.md", enclosure: nil, date: "2019-01-01T00:00:00Z"),
      "z-last": .init(file: "gesprekken/z.md", enclosure: "https://old/z.mp3", date: "2021-01-01T00:00:00Z"),
    ])]))
    let episodes = try #require(old.shows[show.slug]?.episodes)
    for kept in [Array(0..<Int32(episodes.count)), [0, 2], []] as [[Int32]] {
      var merged = RecordDraft.Merged(podcastGUID: "p", feedURL: "f", catalogue: catalogue, show: show, old: episodes)
      merged.kept = kept
      merged.published = show.episodes.indices.map(Int32.init)
      var draft = RecordDraft()
      draft.shows[show.slug] = .merged(merged.sorted())
      let dictionary = PublicationRecord(shows: [show.slug: merged.whole()])
      let json = RecordJSON()
      json.write(draft)
      #expect(String(decoding: json.data, as: UTF8.self) == String(decoding: try dictionary.encoded(), as: UTF8.self))
      #expect(try RecordIndex(json: json.data).matches(draft))
      #expect(try PublicationRecord.decode(json.data) == dictionary)
      // Without the last record: the kept rows no published episode replaces, and the dates taken.
      var compact = RecordDraft()
      compact.shows[show.slug] = .merged(merged.sorted().compacted())
      let compactJSON = RecordJSON()
      compactJSON.write(compact)
      #expect(compactJSON.data == json.data)
      #expect(try RecordIndex(json: json.data).matches(compact))
    }
  }

  /// The check finds an episode by GUID as a dictionary of `String`s did: a GUID is the same
  /// GUID when it is canonically the same, whichever side is all ASCII (U+212A KELVIN SIGN is K).
  @Test(arguments: [("K-guid", "\u{212A}-guid"), ("\u{212A}-guid", "K-guid"), ("K-guid", "K-guid")])
  func aGUIDIsFoundAsAStringFindsIt(published: String, now: String) throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode(guid: published)
    let options = BuildOptions(now: Timestamp.parse("2025-01-01T00:00:00Z")!)
    _ = try Publisher(catalogueURL: fixture.catalogue, outputURL: fixture.output, options: options).build()
    try fixture.addEpisode(guid: now)
    let report = try Publisher(catalogueURL: fixture.catalogue, outputURL: fixture.output, options: options).build()
    #expect(!report.findings.contains { $0.ruleID == "PUB-GUID-CHANGED" })
    #expect(!report.hasErrors)
  }
}
