import Diagnostics
import PodiumXML

/// `<guid>`: present, unique in the feed, a URL unless `isPermaLink="false"`. Apps key episodes
/// on it, so a missing or repeated GUID drops or merges episodes.
struct GUIDRules: FeedCheck {
  static let present = Rule(
    id: "RSS-GUID-PRESENT", severity: .error, source: Source.apple,
    summary: "Every item has a <guid>.")
  static let notEmpty = Rule(
    id: "APPLE-GUID-REQUIRED", severity: .error, source: Source.apple,
    summary: "Every item's <guid> has a value that never changes.")
  /// The W3C validator's errors, but apps read such a GUID as the opaque id it is: warnings.
  static let permalink = Rule(
    id: "RSS-GUID-PERMALINK", severity: .warning, source: Source.rss,
    summary: #"A GUID that is not a full URL has isPermaLink="false"."#)
  static let boolean = Rule(
    id: "RSS-GUID-BOOL", severity: .warning, source: Source.rss,
    summary: #"isPermaLink is spelled so and is exactly "true" or "false"."#)
  static let unique = Rule(
    id: "RSS-GUID-UNIQUE", severity: .error, source: Source.rss,
    summary: "No two items share a GUID.")
  static let strength = Rule(
    id: "RSS-GUID-STRENGTH", severity: .warning, source: Source.rss,
    summary: "A GUID is not just a short number, which other feeds are likely to use too.")

  static var rules: [Rule] { [present, notEmpty, permalink, boolean, unique, strength] }

  func check(_ item: FeedItem, of feed: Feed, into findings: inout FindingList) {
    let item = item.node
    guard let guid = item.first(.guid) else {
      findings.add(
        Self.present,
        "this item has no <guid>; add a stable unique id, e.g. <guid isPermaLink=\"false\">a UUID</guid>",
        at: item.element)
      return
    }
    let value = guid.trimmedText
    guard !value.isEmpty else {
      findings.add(
        Self.notEmpty, "this item's <guid> is empty; give it a stable unique value, such as a UUID", at: guid)
      return
    }
    checkPermalink(guid, value: value, into: &findings)
    findings.note(.guid(value: value, line: guid.line))
  }

  /// RSS-GUID-UNIQUE, across items: the first use of each value is kept (``AcrossItems``).
  static func checkUnique(_ value: String, line: Int, into findings: inout FindingList) {
    guard let earlier = findings.across.firstUse.earlierLine(of: value, usedAt: line) else { return }
    findings.report(
      unique,
      "the guid \(value.quotedForMessage) is also used by \(ItemReference.phrase(line: earlier)); give every item its own guid",
      line: line)
  }

  private func checkPermalink(_ guid: XMLElement, value: String, into findings: inout FindingList) {
    for attribute in guid.attributes
    where attribute.name != "isPermaLink" && attribute.name.lowercased() == "ispermalink" {
      findings.add(
        Self.boolean, "the attribute '\(attribute.name)' is misspelt, so readers ignore it; write isPermaLink", at: guid
      )
    }
    let flag = guid.attribute("isPermaLink")
    if let flag, flag != "true", flag != "false" {
      findings.add(
        Self.boolean,
        "isPermaLink=\"\(flag)\" is neither true nor false; write isPermaLink=\"\(flag.lowercased() == "true" ? "true" : "false")\"",
        at: guid)
      return
    }
    if flag != "false", !URLText.isAbsoluteHTTP(value) {
      findings.add(
        Self.permalink,
        "the guid \(value.quotedForMessage) is not a URL, but isPermaLink is true (the default); add isPermaLink=\"false\"",
        at: guid)
    } else if flag == "false", value.isASCIIDigits, value.count < 9 {
      findings.add(
        Self.strength,
        "the guid \(value.quotedForMessage) is a short number that other feeds likely use too; use a UUID or a URL instead",
        at: guid)
    }
  }
}
