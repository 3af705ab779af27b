import Diagnostics
import PodiumXML

/// The shape of every `podcast:` tag: known name, required and known attributes, https URLs and
/// the 128-character cap on free text. Values of particular tags are `PodcastValueRules`' job.
struct PodcastTagRules: FeedCheck {
  /// An app skips a tag without what it needs, and keeps the feed: a warning.
  static let requiredAttributes = Rule(
    id: "P20-ATTR-REQUIRED", severity: .warning, source: Source.podcasting20,
    summary: "podcast: tags carry every attribute the spec does not mark optional.")
  static let https = Rule(
    id: "P20-HTTPS", severity: .error, source: Source.podcasting20,
    summary: "URLs in podcast: tags use https:, not http:.")
  static let length128 = Rule(
    id: "P20-LEN-128", severity: .warning, source: Source.podcasting20,
    summary: "Free text in podcast: tags is at most 128 characters unless the spec says otherwise.")
  static let unknown = Rule(
    id: "P20-UNKNOWN-ATTR", severity: .warning, source: Source.podcasting20,
    summary: "podcast: tags and their attributes are ones the namespace defines.")

  static var rules: [Rule] { [requiredAttributes, https, length128, unknown] }

  // Unknown names are reported once each, not once per episode.

  func check(_ feed: Feed, into findings: inout FindingList) {
    for element in feed.podcastElements { check(element, into: &findings) }
  }

  func check(_ item: FeedItem, of feed: Feed, into findings: inout FindingList) {
    for element in item.podcastElements { check(element, into: &findings) }
  }

  private func check(_ element: XMLElement, into findings: inout FindingList) {
    guard let spec = PodcastTagSpec.all[element.name] else {
      findings.addOnce(
        element.name, Self.unknown,
        "<podcast:\(element.name)> is not a tag of the podcast namespace 1.0; check its spelling or remove it",
        at: element)
      return
    }
    for name in spec.required where element.attribute(name) == nil {
      findings.add(
        Self.requiredAttributes,
        "<podcast:\(element.name)> has no \(name) attribute; add \(name)=\"…\", which the spec requires", at: element)
    }
    for attribute in element.attributes where attribute.namespaceURI == nil {
      checkAttribute(attribute, of: element, spec: spec, into: &findings)
    }
    if let limit = spec.textLimit, element.text.utf8.count > limit, case let length = element.trimmedText.count,
      length > limit
    {
      let rule = limit == 128 ? Self.length128 : PodcastValueRules.txt
      findings.add(
        rule, "<podcast:\(element.name)> is \(length) characters, over the spec's limit of \(limit); shorten it",
        at: element)
    }
  }

  private func checkAttribute(
    _ attribute: XMLElement.Attribute, of element: XMLElement, spec: PodcastTagSpec, into findings: inout FindingList
  ) {
    let name = attribute.name
    guard let kind = spec.attributeKinds[name] else {
      findings.addOnce(
        "\(element.name)@\(name)", Self.unknown,
        "<podcast:\(element.name)> has no attribute '\(name)' in the spec; check its spelling or remove it",
        at: element)
      return
    }
    if kind.contains(.url), URLText.isPlainHTTP(attribute.value) {
      findings.add(
        Self.https,
        "<podcast:\(element.name)> \(name) \(attribute.value.quotedForMessage) uses http:; serve it over https: and write https://",
        at: element)
    }
    if kind.contains(.limited), attribute.value.utf8.count > 128, case let length = attribute.value.count, length > 128
    {
      findings.add(
        Self.length128,
        "<podcast:\(element.name)> \(name) is \(length) characters, over the spec's limit of 128; shorten it",
        at: element)
    }
  }
}
