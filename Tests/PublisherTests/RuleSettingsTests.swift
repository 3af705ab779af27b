import Catalogue
import Diagnostics
import Foundation
import PodiumTestSupport
import Publisher
import Testing

/// `rules:` in podium.yaml switches rules off or changes their severity, with a reason.
@Suite struct RuleSettingsTests {
  let now = Timestamp.parse("2025-01-01T00:00:00Z")!

  func report(rules: String, episode name: String = "2024-03-14-de-buurt-beslist") throws -> BuildReport {
    let fixture = try CatalogueFixture(site: CatalogueFixture.site + rules)
    try fixture.addEpisode(name)
    return Publisher(catalogueURL: fixture.catalogue, outputURL: fixture.output, options: BuildOptions(now: now)).validate()
  }

  @Test func aRuleCanBeSwitchedOffWithAReason() throws {
    // The file name's date disagrees with the front matter: CAT-FILENAME, a warning.
    let before = try report(rules: "", episode: "2024-03-15-x")
    #expect(before.findings.contains { $0.ruleID == "CAT-FILENAME" })
    let after = try report(
      rules: "rules:\n  CAT-FILENAME:\n    severity: off\n    reason: Our files are named by recording date.\n",
      episode: "2024-03-15-x")
    #expect(!after.findings.contains { $0.ruleID == "CAT-FILENAME" })
    #expect(after.findings.filter { $0.severity >= .warning } == [])
  }

  @Test func aRuleCanBeMadeStricter() throws {
    let report = try report(
      rules: "rules:\n  CAT-FILENAME:\n    severity: error\n    reason: Keep the catalogue sorted.\n",
      episode: "2024-03-15-x")
    #expect(report.findings.first { $0.ruleID == "CAT-FILENAME" }?.severity == .error)
    #expect(report.hasErrors)
  }

  /// A bucket or web server on this machine (a test, a rehearsal) is served over plain http:
  /// P20-HTTPS says so, and switched off it lets such a catalogue build. Anywhere else, http
  /// base URLs stay refused whatever the settings say.
  @Test func baseURLsOnThisMachineOverHTTPBuildOnlyWithP20HTTPSSwitchedOff() throws {
    func site(_ host: String, _ rules: String) -> String {
      CatalogueFixture.site
        .replacingOccurrences(of: "https://feeds.podium.test/", with: "http://\(host)/podcast/feeds/")
        .replacingOccurrences(of: "https://media.podium.test/", with: "http://\(host)/podcast/media/") + rules
    }
    let off = "rules:\n  P20-HTTPS:\n    severity: off\n    reason: A test bucket on this machine.\n"
    for host in ["127.0.0.1:8333", "localhost:8333", "[::1]:8333"] {
      let fixture = try CatalogueFixture(site: site(host, ""))
      try fixture.addEpisode()
      let publisher = Publisher(catalogueURL: fixture.catalogue, outputURL: fixture.output, options: BuildOptions(now: now))
      // One mistake, one finding each: the feed's podcast: URLs made from those base URLs (the
      // artwork's podcast:image, the media's integrity alternate) are not reported again.
      let refused = publisher.validate().findings.filter { $0.ruleID == "P20-HTTPS" }
      #expect(refused.map { $0.location?.file } == ["podium.yaml", "podium.yaml"], "\(host): \(refused)")
      #expect(refused.map { $0.location?.line } == [1, 2], "\(host): \(refused)")
      #expect(refused.allSatisfy { $0.severity == .error && $0.message.contains("switch P20-HTTPS off") })

      try fixture.folder.write("episodes/podium.yaml", site(host, off))
      let built = try publisher.build()
      #expect(!built.blocksPublishing(strict: true), "\(host): \(built.findings)")
      let feed = String(decoding: try fixture.folder.read("feeds/gesprekken/feed.xml"), as: UTF8.self)
      #expect(feed.contains("url=\"http://\(host)/podcast/media/gesprekken/media/2024-03-14-de-buurt-beslist.mp3\""))
    }
    let elsewhere = try CatalogueFixture(site: site("feeds.podium.test", off))
    let report = Publisher(catalogueURL: elsewhere.catalogue, outputURL: elsewhere.output, options: BuildOptions(now: now))
      .validate()
    #expect(report.hasErrors)
    #expect(report.findings.contains { $0.ruleID == "P20-HTTPS" && $0.location?.line == 1 }, "\(report.findings)")
  }

  @Test(arguments: [
    ("rules:\n  CAT-FILENAME:\n    severity: off\n", "CAT-REQUIRED", "reason"),
    ("rules:\n  CAT-FILENAM:\n    severity: off\n    reason: x\n", "CAT-RULE-SETTING", "did you mean 'CAT-FILENAME'?"),
    ("rules:\n  RSS-GUID-UNIQUE:\n    severity: off\n    reason: x\n", "CAT-RULE-SETTING", "can't be switched off"),
    ("rules:\n  CAT-PLAIN-TEXT:\n    severity: warning\n    reason: x\n", "CAT-RULE-SETTING", "can't be switched off or lowered"),
    ("rules:\n  CAT-FILENAME:\n    severity: never\n    reason: x\n", "CAT-VALUE", "off, info, warning or error"),
  ])
  func badSettingsAreReported(rules: String, rule: String, message: String) throws {
    let report = try report(rules: rules)
    let finding = try #require(report.findings.first { $0.ruleID == rule }, "\(report.findings)")
    #expect(finding.location?.file == "podium.yaml")
    #expect(finding.message.contains(message), "\(finding.message)")
  }
}
