import Catalogue
import Diagnostics
import Foundation
import PodiumTestSupport
import Publisher
import Testing

/// The feed rules check what the writer produced, and `validate` and `build` report what they find
/// at the catalogue line that produced it: never at a feed `validate` didn't write. Episodes still
/// to come are checked now, in a preview of the feed, not on the day they go out.
@Suite struct FeedFindingLocationTests {
  static let now = Timestamp.parse("2025-01-01T00:00:00Z")!
  static let longTitle = String(repeating: "x", count: 300)

  static func fixture(later extra: String = "", title: String = "Later", guid: String = "later-guid") throws -> CatalogueFixture {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode()
    try fixture.addEpisode(
      "2025-06-01-later", title: title, date: "2025-06-01T09:00:00+02:00", guid: guid, extra: extra)
    return fixture
  }

  static func publisher(_ fixture: CatalogueFixture) -> Publisher {
    Publisher(catalogueURL: fixture.catalogue, outputURL: fixture.output, options: BuildOptions(now: now))
  }

  @Test(arguments: ["", "draft: true"])
  func aMistakeInAnEpisodeStillToComeIsFoundNowAndOnce(extra: String) throws {
    let fixture = try Self.fixture(later: extra, title: Self.longTitle)
    for findings in [Self.publisher(fixture).validate().findings, try Self.publisher(fixture).build().findings] {
      let found = findings.filter { $0.severity >= .warning }
      #expect(found.map(\.ruleID) == ["APPLE-TEXT-255"], "\(found)")
      #expect(found.first?.location == SourceLocation(file: "gesprekken/2025-06-01-later.md", line: 2))
    }
    #expect(!fixture.folder.exists("feeds/gesprekken/feed.xml"), "the build is refused")
  }

  /// A scheduled episode with a published one's GUID: the preview holds both.
  @Test func aScheduledEpisodeWithAPublishedGUIDIsOneFinding() throws {
    let fixture = try Self.fixture(guid: "6f1d4c3e-2b8a-4d5e-9f10-1a2b3c4d5e6f")
    let findings = Self.publisher(fixture).validate().findings
    #expect(findings.map(\.ruleID) == ["RSS-GUID-UNIQUE"], "\(findings)")
    #expect(findings.first?.location?.file.hasPrefix("gesprekken/") == true)
  }

  /// Without episodes to come, nothing but the feed is checked, and a clean catalogue builds.
  @Test func aCleanCatalogueWithAnEpisodeToComeBuilds() throws {
    let fixture = try Self.fixture()
    let report = try Self.publisher(fixture).build()
    #expect(report.findings.filter { $0.severity >= .warning } == [])
    let feed = String(decoding: try fixture.folder.read("feeds/gesprekken/feed.xml"), as: UTF8.self)
    #expect(feed.contains("De buurt beslist") && !feed.contains("Later"), "the preview is never written")
  }

  /// The build's self-check reads the staged feed back, and names the catalogue too.
  @Test func theBuildNamesTheCatalogueLine() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode(title: Self.longTitle)
    let findings = try Self.publisher(fixture).build().findings.filter { $0.severity >= .warning }
    #expect(findings.map(\.ruleID) == ["APPLE-TEXT-255"])
    #expect(findings.first?.location == SourceLocation(file: "gesprekken/2024-03-14-de-buurt-beslist.md", line: 2))
    #expect(findings.first?.message.contains("<title> is 300 characters long") == true)
  }

  /// Rule settings in podium.yaml apply to feed rules reported at the catalogue, as to any rule.
  @Test(arguments: [("warning", Severity.warning), ("off", nil)] as [(String, Severity?)])
  func ruleSettingsApplyToFeedRules(setting: String, severity: Severity?) throws {
    let fixture = try CatalogueFixture(
      site: CatalogueFixture.site + "rules:\n  APPLE-TEXT-255:\n    severity: \(setting)\n    reason: long titles are fine\n")
    try fixture.addEpisode(title: Self.longTitle)
    for findings in [Self.publisher(fixture).validate().findings, try Self.publisher(fixture).build().findings] {
      let found = findings.filter { $0.ruleID == "APPLE-TEXT-255" }
      #expect(found.map(\.severity) == (severity.map { [$0] } ?? []), "\(findings)")
      #expect(!findings.contains { $0.severity == .error }, "\(findings)")
    }
  }

  /// Two categories map to one line of show.yaml: a warning for one never hides the error of the
  /// other, which must still stop the build.
  @Test func anErrorIsNeverHiddenBehindAWarningOnTheSameLine() throws {
    let fixture = try CatalogueFixture(show: CatalogueFixture.show.replacingOccurrences(
      of: "  - Society & Culture > Documentary\n  - Government", with: "  - Education > How-To\n  - Goverment"))
    try fixture.addEpisode()
    let findings = try Self.publisher(fixture).build().findings.filter { $0.ruleID == "APPLE-CH-CATEGORY" }
    #expect(Set(findings.map(\.severity)) == [.warning, .error], "\(findings)")
    #expect(!fixture.folder.exists("feeds/gesprekken/feed.xml"))
  }
}
