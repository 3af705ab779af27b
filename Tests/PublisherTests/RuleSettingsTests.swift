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
