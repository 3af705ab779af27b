import Diagnostics

/// The rules one module reports, under the name `podium rules` and docs/rules.md show.
struct RuleGroup: Sendable {
  enum Kind: String, Sendable, CaseIterable {
    case catalogue = "Catalogue", media = "Media", publishing = "Publishing", feed = "Feed", sitemap = "Sitemap"
    case remote = "Remote"
  }

  let kind: Kind
  /// What the group's rules look at, in one sentence.
  let scope: String
  /// The rules, in the module's order, each id once.
  let rules: [Rule]

  var name: String { kind.rawValue }

  /// - Parameters:
  ///   - kind: which module.
  ///   - scope: what its rules look at.
  ///   - rules: the module's rules; a repeated id keeps its first rule.
  init(_ kind: Kind, scope: String, rules: [Rule]) {
    self.kind = kind
    self.scope = scope
    var seen: Set<String> = []
    self.rules = rules.filter { seen.insert($0.id).inserted }
  }

  func rule(id: String) -> Rule? { rules.first { $0.id == id } }
}
