import Catalogue
import Diagnostics
import FeedRules
import LinkCheck
import MediaProbe
import Publisher

/// Every rule Podium reports, from every module: the source of `podium rules`, docs/rules.md and
/// the rule descriptions in SARIF. Some ids are in two modules on purpose, with different severities
/// (APPLE-ITEM-DESC is an error in the catalogue, a warning in any feed): each is listed with its module.
enum RuleRegistry {
  static let groups: [RuleGroup] = [
    RuleGroup(
      .catalogue, scope: "podium.yaml, show.yaml and episode files, reported with file and line.",
      rules: CatalogueRules.all),
    RuleGroup(
      .media, scope: "Local media, artwork and caption files, read by Podium's own probe.", rules: ProbeRules.all),
    RuleGroup(
      .publishing, scope: "A build compared with what was published before, and the files it writes.",
      rules: PublishRules.all),
    RuleGroup(
      .feed, scope: "Any RSS feed: the ones Podium builds (`validate`, `build`) and any feed `podium lint` reads.",
      rules: FeedLinter.rules),
    RuleGroup(
      .sitemap, scope: "The video sitemaps Podium builds for video shows (`validate`, `build`).",
      rules: SitemapLinter.rules),
    RuleGroup(
      .remote, scope: "The servers behind every URL, checked by `validate --remote` over http(s).", rules: LinkRules.all),
  ]

  /// The rule with an id, looked up in the feed rules first for a finding in a feed, and otherwise
  /// in the order of `groups`.
  ///
  /// - Parameters:
  ///   - id: the finding's rule id.
  ///   - inFeed: whether the finding is in a feed.
  /// - Returns: the rule and its group, or nil for an id no module declares.
  static func rule(id: String, inFeed: Bool) -> (group: RuleGroup, rule: Rule)? {
    let order = inFeed ? groups.filter { $0.kind == .feed } + groups.filter { $0.kind != .feed } : groups
    for group in order {
      if let rule = group.rule(id: id) { return (group, rule) }
    }
    return nil
  }
}
