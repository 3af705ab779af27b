import Diagnostics
import PodiumXML

/// Tags Apple stopped reading. Reported once per tag, not once per episode, to keep reports short:
/// the channel is checked first, then each item; the first use of each tag in a node is offered,
/// in document order, and only the feed's first is reported (``FindingList/addOnce(_:_:_:at:)``).
enum DeprecatedTags {
  static let keys: [ElementKey] = ["itunes:keywords", "itunes:summary", "itunes:order"]

  static func check(_ node: FeedNode, rule: Rule, into findings: inout FindingList) {
    var remaining = keys
    while let (key, element) = node.first(anyOf: remaining) {
      findings.addOnce(
        "\(key)", rule, "Apple no longer reads <\(key)>; remove it, or keep it only for other directories", at: element)
      remaining.removeAll { $0 == key }
    }
  }
}
