import Diagnostics
import PodiumXML

/// HTML written straight into the XML, instead of escaped or in CDATA, becomes feed elements:
/// readers drop it or see an invalid feed.
struct MarkupRules: FeedCheck {
  static let cdata = Rule(
    id: "APPLE-HTML-CDATA", severity: .warning, source: Source.apple,
    summary: "HTML in descriptions and show notes is enclosed in CDATA, not written as XML elements.")

  static var rules: [Rule] { [cdata] }

  static let htmlKeys: [ElementKey] = ["description", "content:encoded", "itunes:summary"]

  func check(_ feed: Feed, into findings: inout FindingList) {
    if let channel = feed.channel { check(channel, into: &findings) }
  }

  func check(_ item: FeedItem, of feed: Feed, into findings: inout FindingList) {
    check(item.node, into: &findings)
  }

  private func check(_ node: FeedNode, into findings: inout FindingList) {
    for key in Self.htmlKeys {
      guard let element = node.first(key), let child = element.children.first else { continue }
      findings.add(
        Self.cdata,
        "\(element.tagName) contains the element <\(child.name)> written as XML; wrap the HTML in <![CDATA[ … ]]>",
        at: element)
    }
  }
}
