import Diagnostics
import PodiumXML

/// Tags Apple stopped reading. Reported once per tag, not once per episode, to keep reports short:
/// the channel is checked first, then each item, and a tag reported is not looked for again.
struct DeprecatedTags {
  static let keys: [ElementKey] = ["itunes:keywords", "itunes:summary", "itunes:order"]

  private var remaining = keys

  mutating func check(_ node: FeedNode, rule: Rule, into findings: inout FindingList) {
    while !remaining.isEmpty, let (key, element) = node.first(anyOf: remaining) {
      findings.add(
        rule, "Apple no longer reads <\(key)>; remove it, or keep it only for other directories", at: element)
      remaining.removeAll { $0 == key }
    }
  }
}
