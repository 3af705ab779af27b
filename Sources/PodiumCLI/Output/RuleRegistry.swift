import Catalogue
import Diagnostics
import FeedRules
import LinkCheck
import MediaProbe
import Publisher

/// Every rule Podium reports, from every module: the source of `podium rules`, docs/rules.md and
/// the rule descriptions in SARIF. Each id is one rule, listed once: a feed rule that the catalogue
/// also reports for what only it knows (`CatalogueRules.sharedWithFeed`) is the feed's, and the
/// well-formedness rules that sitemaps share with feeds are listed with the feeds.
enum RuleRegistry {
  static let groups: [RuleGroup] = {
    let modules: [(RuleGroup.Kind, String, [Rule])] = [
      (.catalogue, "podium.yaml, show.yaml and episode files, reported with file and line.", CatalogueRules.all),
      (.media, "Local media, artwork and caption files, read by Podium's own probe.", ProbeRules.all),
      (.publishing, "A build compared with what was published before, and the files it writes.", PublishRules.all),
      (
        .feed,
        "Any RSS feed: the ones Podium builds, where `validate` and `build` report a finding at the catalogue "
          + "line that wrote it, and any feed `podium lint` reads.",
        FeedLinter.rules
      ),
      (.sitemap, "The video sitemaps Podium builds for video shows (`validate`, `build`).", SitemapLinter.rules),
      (.remote, "The servers behind every URL, checked by `validate --remote` over http(s).", LinkRules.all),
    ]
    var listed: Set<String> = []
    return modules.map { kind, scope, rules in
      let group = RuleGroup(kind, scope: scope, rules: rules.filter { !listed.contains($0.id) })
      listed.formUnion(group.rules.map(\.id))
      return group
    }
  }()

  /// The rule with an id, and the group that lists it.
  ///
  /// - Parameter id: the finding's rule id.
  /// - Returns: the rule and its group, or nil for an id no module declares.
  static func rule(id: String) -> (group: RuleGroup, rule: Rule)? {
    for group in groups {
      if let rule = group.rule(id: id) { return (group, rule) }
    }
    return nil
  }
}
