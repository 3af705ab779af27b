import Diagnostics

/// Every rule family, in the order they run (findings are sorted afterwards anyway).
enum FeedChecks {
  /// A fresh set of families, with empty state, for one feed.
  static func all() -> [any FeedCheck] {
    [
      DocumentRules(), NamespaceRules(), ChannelRules(), DuplicateElementRules(), ItemRules(),
      EnclosureRules(), GUIDRules(), DateRules(), AppleChannelRules(), AppleItemRules(), AppleTextRules(),
      CategoryRules(), MarkupRules(), PodcastTagRules(), PodcastValueRules(), MediaRSSRules(),
    ]
  }

  static let rules: [Rule] = ParseErrorFinding.rules + all().flatMap { type(of: $0).rules }

  private static let byID = Dictionary(rules.map { ($0.id, $0) }) { first, _ in first }

  /// The rule with this id, for an item's result given again (``ItemEvent``).
  static func rule(id: String) -> Rule? { byID[id] }
}
