import Diagnostics
import PodiumXML

/// RSS 2.0 item basics, the show notes' HTML, and the enclosure podcast apps need.
struct ItemRules: FeedCheck {
  static let titleOrDescription = Rule(
    id: "RSS-ITEM-TITLE-OR-DESC", severity: .error, source: Source.rss,
    summary: "Each <item> has a <title> or a <description>.")
  static let plainTitle = Rule(
    id: "RSS-ITEM-TITLE-PLAIN", severity: .warning, source: Source.rss,
    summary: "Item titles are plain text, without HTML.")
  static let safeHTML = Rule(
    id: "RSS-ITEM-HTML-SAFE", severity: .warning, source: Source.rss,
    summary: "Show notes carry no scripts, iframes, event handlers or relative links.")
  static let contentEncoded = Rule(
    id: "RSS-ITEM-CONTENT-ENCODED", severity: .warning, source: Source.rss,
    summary: "An item with <content:encoded> also has a <description>.")
  static let duplicateSemantics = Rule(
    id: "RSS-ITEM-DUP-SEMANTICS", severity: .warning, source: Source.rss,
    summary: "Items do not pair core elements with their Dublin Core twins (pubDate/dc:date, author/dc:creator).")
  static let noEnclosure = Rule(
    id: "CLIENT-NO-ENCLOSURE", severity: .error, source: Source.clients,
    summary: "The feed has items, and every item has an <enclosure>; apps skip items without one.")

  /// Core elements and their Dublin Core twins.
  static let twins: [(ElementKey, ElementKey)] = [(.pubDate, .dcDate), (.author, .dcCreator)]

  static var rules: [Rule] {
    [titleOrDescription, plainTitle, safeHTML, contentEncoded, duplicateSemantics, noEnclosure]
  }

  func check(_ feed: Feed, into findings: inout FindingList) {
    guard let channel = feed.channel else { return }
    if !feed.hasItems, !isListFeed(channel) {
      findings.add(
        Self.noEnclosure,
        "the channel has no <item>; add at least one episode with an <enclosure>, or apps report an empty podcast",
        at: channel.element, severity: .warning)
    }
  }

  func check(_ item: FeedItem, of feed: Feed, into findings: inout FindingList) {
    guard feed.channel != nil else { return }
    let item = item.node
    let title = item.first(.title)
    if title == nil, !item.has(.rssDescription) {
      findings.add(
        Self.titleOrDescription, "this item has neither <title> nor <description>; give it at least a title",
        at: item.element)
    }
    if let title, title.text.containsHTMLTag || !title.children.isEmpty {
      findings.add(Self.plainTitle, "the item title contains HTML tags; write it as plain text", at: title)
    }
    for notes in item.all(.rssDescription) + item.all(.contentEncoded) {
      for problem in HTMLSafetyScanner.problems(in: notes.text) {
        findings.add(Self.safeHTML, "\(notes.tagName) \(problem.message)", at: notes)
      }
    }
    if let encoded = item.first(.contentEncoded), !item.has(.rssDescription) {
      findings.add(
        Self.contentEncoded,
        "this item has <content:encoded> but no <description>; add a <description> too, as many apps read only that",
        at: encoded)
    }
    for (core, twin) in Self.twins where item.has(core) {
      if let duplicate = item.first(twin) {
        findings.add(
          Self.duplicateSemantics, "<\(twin)> repeats what <\(core)> already says; remove <\(twin)>", at: duplicate)
      }
    }
    if !item.has(.enclosure) {
      findings.add(
        Self.noEnclosure,
        "this item has no <enclosure>, so podcast apps skip it; add the episode's media file as <enclosure url length type>",
        at: item.element)
    }
  }

  /// Podcasting 2.0 list feeds (`podcast:medium` ending in `L`, or `mixed`) hold no items.
  private func isListFeed(_ channel: FeedNode) -> Bool {
    guard let medium = channel.text("podcast:medium") else { return false }
    return medium == "mixed" || (medium.count > 1 && medium.hasSuffix("L"))
  }
}
