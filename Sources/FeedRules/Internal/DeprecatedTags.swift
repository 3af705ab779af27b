import Diagnostics
import PodiumXML

/// Tags Apple stopped reading. Reported once per tag, not once per episode, to keep reports short.
enum DeprecatedTags {
  static let keys: [ElementKey] = ["itunes:keywords", "itunes:summary", "itunes:order"]

  static func check(_ feed: Feed, rule: Rule, into findings: inout FindingList) {
    guard feed.channel != nil else { return }
    var remaining = keys
    for node in feed.channelAndItems {
      while !remaining.isEmpty, let (key, element) = node.first(anyOf: remaining) {
        findings.add(
          rule, "Apple no longer reads <\(key)>; remove it, or keep it only for other directories", at: element)
        remaining.removeAll { $0 == key }
      }
      if remaining.isEmpty { return }
    }
  }
}
