import Catalogue
import Diagnostics
import Foundation
import PodiumTestSupport
import Publisher
import Testing

/// A published show or episode that breaks is reported as what happened. A mistake in a file
/// that is there is its own error, never PUB-REMOVED (which would advise the dangerous flag); a
/// show whose folder lost its show.yaml or its name is a removal, refused unless allowed; a name
/// Podium can't read is an error. A refused build leaves the output folder as it was.
@Suite struct RemovalProtectionTests {
  let now = Timestamp.parse("2025-01-01T00:00:00Z")!

  func build(_ fixture: CatalogueFixture, allowRemoval: Bool = false) throws -> BuildReport {
    try Publisher(
      catalogueURL: fixture.catalogue, outputURL: fixture.output, options: BuildOptions(now: now, allowRemoval: allowRemoval)
    ).build()
  }

  func errors(_ report: BuildReport) -> [String] {
    Set(report.findings.filter { $0.severity == .error }.map(\.ruleID)).sorted()
  }

  @Test(arguments: Breakage.episodeMistakes + Breakage.showChanges)
  func aBrokenPublishedShowOrEpisodeIsReportedAsWhatHappened(_ breakage: Breakage) throws {
    let fixture = try Breakage.published()
    let first = try build(fixture)
    #expect(!first.hasErrors, "\(first.findings)")
    #expect(first.written.contains("gesprekken/feed.xml"))
    let before = FolderFingerprint(of: fixture.output)
    try breakage.apply(to: fixture)
    // --allow-removal changes nothing for a mistake: it is not a removal.
    for allowRemoval in breakage.isRemoval ? [false] : [false, true] {
      let report = try build(fixture, allowRemoval: allowRemoval)
      #expect(errors(report) == breakage.errors, "\(report.findings)")
      #expect(
        report.findings.contains {
          $0.severity == .error && $0.location?.file == breakage.file && $0.message.contains(breakage.says)
        }, "\(report.findings)")
      if !breakage.isRemoval {
        #expect(!report.findings.contains { $0.ruleID == "PUB-REMOVED" }, "\(report.findings)")
      }
      #expect(report.written == [])
      let after = FolderFingerprint(of: fixture.output)
      #expect(after == before, "\(after.differences(from: before))")
    }
  }

  @Test(arguments: Breakage.showChanges.filter(\.isRemoval))
  func aShowIsTakenDownOnlyWithAllowRemoval(_ breakage: Breakage) throws {
    let fixture = try Breakage.published()
    #expect(!(try build(fixture)).hasErrors)
    try breakage.apply(to: fixture)
    let allowed = try build(fixture, allowRemoval: true)
    #expect(!allowed.hasErrors, "\(allowed.findings)")
    let removal = allowed.findings.filter { $0.ruleID == "PUB-REMOVED" }
    #expect(removal.count == 1)
    #expect(removal.first?.severity == .warning)
    #expect(removal.first?.message.hasPrefix("allowed: " + breakage.says) == true, "\(removal)")
    #expect(!fixture.folder.exists("feeds/gesprekken/feed.xml"))
    #expect(fixture.folder.exists("feeds/nieuws/feed.xml"))
    let record = try PublicationRecord.decode(try fixture.folder.read("feeds/" + PublicationRecord.path))
    #expect(record.shows.keys.sorted() == ["nieuws"])
    // The removal is recorded: the next build is clean.
    let next = try build(fixture)
    #expect(!next.hasErrors && !next.findings.contains { $0.ruleID == "PUB-REMOVED" }, "\(next.findings)")
  }

  /// An episode moved to another show leaves the first show's feed: a removal for that show's
  /// subscribers, refused unless allowed, and then dropped from that show's record only.
  @Test func anEpisodeMovedToAnotherShowIsARemovalFromTheFirst() throws {
    let fixture = try Breakage.published()
    #expect(!(try build(fixture)).hasErrors)
    let before = FolderFingerprint(of: fixture.output)
    try FileManager.default.createDirectory(
      at: fixture.catalogue.appendingPathComponent("nieuws/media"), withIntermediateDirectories: true)
    for file in ["2024-03-21-b.md", "media/2024-03-21-b.mp3"] {
      try FileManager.default.moveItem(
        at: fixture.catalogue.appendingPathComponent("gesprekken/" + file),
        to: fixture.catalogue.appendingPathComponent("nieuws/" + file))
    }
    func rebuild(allowRemoval: Bool) throws -> BuildReport {
      try Publisher(
        catalogueURL: fixture.catalogue, outputURL: fixture.output,
        options: BuildOptions(now: now, allowEnclosureChange: true, allowRemoval: allowRemoval)
      ).build()
    }
    let refused = try rebuild(allowRemoval: false)
    #expect(errors(refused) == ["PUB-REMOVED"], "\(refused.findings)")
    #expect(
      refused.findings.contains {
        $0.location?.file == "nieuws/2024-03-21-b.md"
          && $0.message.contains("published in show 'gesprekken' and is now in show 'nieuws'")
      }, "\(refused.findings)")
    #expect(FolderFingerprint(of: fixture.output) == before)
    let allowed = try rebuild(allowRemoval: true)
    #expect(!allowed.hasErrors, "\(allowed.findings)")
    let record = try PublicationRecord.decode(try fixture.folder.read("feeds/" + PublicationRecord.path))
    #expect(record.shows["gesprekken"]?.episodes.keys.sorted() == ["a"])
    #expect(record.shows["nieuws"]?.episodes.keys.sorted() == ["b"])
  }

  /// A rule lowered in podium.yaml still holds a published episode back: lowered, its error
  /// would let the episode leave the feed without a word. An episode not yet published follows
  /// the setting.
  @Test func anErrorThatHoldsAPublishedEpisodeBackCannotBeLowered() throws {
    let fixture = try Breakage.published(
      site: CatalogueFixture.site + "rules:\n  CAT-FILE-MISSING:\n    severity: warning\n    reason: Media comes later.\n")
    #expect(!(try build(fixture)).hasErrors)
    let before = FolderFingerprint(of: fixture.output)
    try fixture.addEpisode("2024-03-28-c", date: "2024-03-28T09:00:00+01:00", guid: "c")
    for name in ["2024-03-21-b", "2024-03-28-c"] {
      try FileManager.default.removeItem(at: fixture.catalogue.appendingPathComponent("gesprekken/media/\(name).mp3"))
    }
    let report = try build(fixture)
    let missing = report.findings.filter { $0.ruleID == "CAT-FILE-MISSING" }
    #expect(missing.map { $0.location?.file ?? "" }.sorted() == ["gesprekken/2024-03-21-b.md", "gesprekken/2024-03-28-c.md"])
    #expect(missing.map(\.severity) == [.error, .warning])
    #expect(errors(report) == ["CAT-FILE-MISSING"])
    #expect(FolderFingerprint(of: fixture.output) == before)
  }
}
