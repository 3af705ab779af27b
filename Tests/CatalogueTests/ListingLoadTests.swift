import Catalogue
import Diagnostics
import Foundation
import PodiumTestSupport
import Testing

/// A catalogue loaded for a listing (`podium list`) skips the notes and the checks across the
/// catalogue, but lists the same episodes, and what fails to load fails with the same errors.
@Suite struct ListingLoadTests {
  static func listed(_ catalogue: URL, listing: Bool) -> (rows: [String], failures: [Finding], gaps: LoadGaps) {
    var loader = CatalogueLoader(root: catalogue)
    loader.listing = listing
    let loaded = loader.load()
    let rows = (loaded.catalogue?.shows ?? []).flatMap { show in
      show.episodes.map { "\(show.slug) \($0.file) \($0.date.iso8601) \($0.title) \($0.guid) \($0.draft)" }
    }
    let failures = loaded.findings.filter { $0.severity == .error && loaded.gaps.covers(file: $0.location?.file ?? "") }
    return (rows, failures, loaded.gaps)
  }

  @Test(arguments: [nil] + (Breakage.episodeMistakes + Breakage.showChanges).filter { !$0.isRemoval })
  func aListingListsWhatAFullLoadLoads(_ breakage: Breakage?) throws {
    let fixture = try Breakage.published()
    try fixture.addEpisode(
      "2024-04-01-c", title: "Één café", date: "2024-04-01T09:00:00+02:00", guid: "c",
      notes: "Zie [hier](https://example.com/voorbeeld).\n")
    try breakage?.apply(to: fixture)
    let full = Self.listed(fixture.catalogue, listing: false)
    let listing = Self.listed(fixture.catalogue, listing: true)
    #expect(listing.rows == full.rows)
    #expect(listing.failures == full.failures)
    #expect(listing.gaps == full.gaps)
    if breakage == nil { #expect(full.rows.count == 3) }
  }

  /// The notes are neither checked (a placeholder link) nor kept track of.
  @Test func aListingSkipsTheNotes() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode(notes: "Zie [hier](https://example.com/voorbeeld).\n")
    var loader = CatalogueLoader(root: fixture.catalogue)
    #expect(loader.load().findings.contains { $0.ruleID == CatalogueRules.placeholder.id })
    loader.listing = true
    let listed = loader.load()
    #expect(!listed.findings.contains { $0.ruleID == CatalogueRules.placeholder.id })
    #expect(listed.catalogue?.shows.first?.episodes.first?.notesSource == nil)
  }
}
