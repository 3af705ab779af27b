import Catalogue
import Diagnostics
import FeedRules
import LinkCheck
import MediaProbe

/// Applies the producer's rule settings from `podium.yaml` to a report's findings.
struct RuleSettings {
  let settings: [String: RuleSetting]

  /// Rules whose errors mean Podium can't write a correct feed, or that guard what subscribers
  /// already have: they can't be switched off or lowered. (GUID and enclosure changes have their
  /// own explicit build flags.)
  static let protected: Set<String> = [
    "CAT-YAML", "CAT-FRONT-MATTER", "CAT-UNKNOWN-KEY", "CAT-TYPE", "CAT-REQUIRED", "CAT-DATE", "CAT-CONTROL-CHAR",
    "CAT-PATH", "CAT-FILE-SIZE", "CAT-NAME-UTF8", "CAT-RULE-SETTING", "APPLE-GUID-REQUIRED", "RSS-GUID-UNIQUE", "RSS-XML-WELLFORMED",
    "PUB-GUID-CHANGED", "PUB-ENCLOSURE-CHANGED", "PUB-REMOVED", "PUB-RECORD", "PUB-OUTPUT", "P20-GUID-STABLE",
    // Lowered, markup in a title or summary would reach readers that render it.
    "CAT-PLAIN-TEXT",
  ]

  /// Every rule id Podium reports.
  static var knownIDs: Set<String> {
    Set(
      (CatalogueRules.all + ProbeRules.all + PublishRules.all + FeedLinter.rules + SitemapLinter.rules + LinkRules.all)
        .map(\.id))
  }

  /// Findings about the settings themselves: unknown ids and protected rules.
  func check() -> [Finding] {
    let known = Self.knownIDs
    return settings.values.sorted { $0.line < $1.line }.compactMap { setting in
      let at = SourceLocation(file: "podium.yaml", line: setting.line)
      if !known.contains(setting.ruleID) {
        let hint = Suggestion.closest(to: setting.ruleID, in: known.sorted()).map { " — did you mean '\($0)'?" } ?? ""
        return CatalogueRules.ruleSetting.finding(
          "there is no rule '\(setting.ruleID)'\(hint); `podium rules` lists them all", at: at)
      }
      if Self.protected.contains(setting.ruleID), setting.severity != .error {
        return CatalogueRules.ruleSetting.finding(
          "\(setting.ruleID) protects the feeds and can't be switched off or lowered", at: at)
      }
      return nil
    }
  }

  /// Drops the findings of switched-off rules and re-grades the others.
  /// - Parameter held: files whose errors hold a published episode back (a missing media file):
  ///   lowered, they would let it leave the feed without a word, so they stay errors.
  func apply(_ findings: [Finding], keepingErrorsIn held: Set<String> = []) -> [Finding] {
    guard !settings.isEmpty else { return findings }
    return findings.compactMap { finding in
      guard let setting = settings[finding.ruleID], !Self.protected.contains(finding.ruleID) else { return finding }
      if finding.severity == .error, let file = finding.location?.file, held.contains(file) { return finding }
      guard let severity = setting.severity else { return nil }
      var regraded = finding
      regraded.severity = severity
      return regraded
    }
  }
}
