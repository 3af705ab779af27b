import Diagnostics
import PodiumXML

/// RSS 2.0 channel basics: required elements, the link, language, image, order and self link.
struct ChannelRules: FeedCheck {
  static let required = Rule(
    id: "RSS-CH-REQUIRED", severity: .error, source: Source.rss,
    summary: "The channel needs <title>, <link> and <description>.")
  /// Apple's guide only recommends the show's link, and apps keep a feed whose link is wrong.
  static let linkURL = Rule(
    id: "RSS-CH-LINK-URL", severity: .warning, source: Source.rss,
    summary: "The channel <link> is an absolute http(s) URL.")
  static let plainDescription = Rule(
    id: "RSS-CH-DESC-PLAIN", severity: .warning, source: Source.rss,
    summary: "The channel <description> is plain text; only item descriptions may carry HTML.")
  static let language = Rule(
    id: "RSS-CH-LANGUAGE", severity: .error, source: Source.apple,
    summary: "The channel has a <language> (ISO 639 code such as en or en-us).")
  static let image = Rule(
    id: "RSS-CH-IMAGE", severity: .info, source: Source.rss,
    summary: "An RSS <image> has <url>, <title> and <link> children.")
  static let order = Rule(
    id: "RSS-CH-ORDER", severity: .warning, source: Source.rss,
    summary: "All channel metadata comes before the first <item>.")
  static let selfLink = Rule(
    id: "RSS-ATOM-SELF", severity: .warning, source: Source.rss,
    summary: #"The channel has <atom:link rel="self" type="application/rss+xml"> with the feed's URL."#)

  static var rules: [Rule] { [required, linkURL, plainDescription, language, image, order, selfLink] }

  func check(_ feed: Feed, into findings: inout FindingList) {
    guard let channel = feed.channel else { return }
    checkRequired(channel, into: &findings)
    if let link = channel.first("link"), !link.trimmedText.isEmpty, !URLText.isAbsoluteHTTP(link.trimmedText) {
      findings.add(
        Self.linkURL,
        "the channel <link> \(link.trimmedText.quotedForMessage) is not an absolute http(s) URL; link to the show's web page, starting with https://",
        at: link)
    }
    if let description = channel.first("description"), description.text.containsHTMLTag {
      findings.add(
        Self.plainDescription,
        "the channel <description> contains HTML tags; write it as plain text and keep HTML for item descriptions",
        at: description)
    }
    if !channel.has("language") {
      findings.add(
        Self.language, "the channel has no <language>; add one with an ISO 639 code such as <language>en</language>",
        at: channel.element)
    }
    if let image = channel.first("image") { checkImage(image, into: &findings) }
    checkOrder(feed, into: &findings)
    checkSelfLink(channel, into: &findings)
  }

  private func checkRequired(_ channel: FeedNode, into findings: inout FindingList) {
    let needs: [(ElementKey, String)] = [
      ("title", "the show's name"), ("link", "the show's web page URL"),
      ("description", "a plain-text description of the show"),
    ]
    for (name, what) in needs where !channel.has(name) {
      findings.add(Self.required, "the channel has no <\(name)>; add <\(name)> with \(what)", at: channel.element)
    }
  }

  private func checkImage(_ image: XMLElement, into findings: inout FindingList) {
    let node = FeedNode(image)
    for name: ElementKey in ["url", "title", "link"] where !node.has(name) {
      findings.add(
        Self.image, "the channel <image> has no <\(name)>; add it, or drop <image> and rely on <itunes:image>",
        at: image)
    }
  }

  /// The feed is read item by item, so the reader notes the first element after an item.
  private func checkOrder(_ feed: Feed, into findings: inout FindingList) {
    guard let child = feed.firstAfterItems else { return }
    findings.add(
      Self.order, "\(child.tagName) comes after the first <item>; move channel elements above the items", at: child)
  }

  private func checkSelfLink(_ channel: FeedNode, into findings: inout FindingList) {
    guard let link = channel.all("atom:link").first(where: { $0.attribute("rel") == "self" }) else {
      findings.add(
        Self.selfLink,
        "the channel has no <atom:link rel=\"self\">; add <atom:link href=\"{feed URL}\" rel=\"self\" type=\"application/rss+xml\"/>",
        at: channel.element)
      return
    }
    let href = link.attribute("href") ?? ""
    if !URLText.isAbsoluteHTTP(href) {
      findings.add(
        Self.selfLink,
        "the self link's href \(href.quotedForMessage) is not an absolute http(s) URL; set it to the feed's own public URL",
        at: link)
    }
    if let type = link.attribute("type"), type != "application/rss+xml" {
      findings.add(Self.selfLink, "the self link has type=\"\(type)\"; set type=\"application/rss+xml\"", at: link)
    }
  }
}
