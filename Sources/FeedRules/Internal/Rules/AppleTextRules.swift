import Diagnostics
import PodiumXML

/// Apple's plain-text tags: at most 255 characters, with no leading or trailing whitespace.
/// Descriptions and show notes have their own 4000-byte limit and are not checked here.
struct AppleTextRules: FeedCheck {
  static let text255 = Rule(
    id: "APPLE-TEXT-255", severity: .error, source: Source.apple,
    summary: "Plain-text tags are at most 255 characters.")
  /// Apple's guide asks for no leading or trailing spaces, but no app rejects a feed for them,
  /// and readers trim them: a warning, apart from the length that Apple does cut.
  static let outerSpace = Rule(
    id: "APPLE-TEXT-SPACE", severity: .warning, source: Source.apple,
    summary: "Plain-text tags have no leading or trailing whitespace.")

  static var rules: [Rule] { [text255, outerSpace] }

  static let limit = 255
  static let channelKeys: [ElementKey] = [
    "title", "language", "copyright", "itunes:title", "itunes:author", "itunes:subtitle", "itunes:keywords",
    "itunes:type",
  ]
  static let itemKeys: [ElementKey] = [
    "title", "itunes:title", "itunes:author", "itunes:subtitle", "itunes:keywords", "itunes:duration",
    "itunes:episode", "itunes:season", "itunes:episodeType",
  ]

  func check(_ feed: Feed, into findings: inout FindingList) {
    guard let channel = feed.channel else { return }
    check(channel, keys: Self.channelKeys, into: &findings)
    if let owner = channel.first("itunes:owner") {
      check(FeedNode(owner), keys: ["itunes:name", "itunes:email"], into: &findings)
    }
  }

  func check(_ item: FeedItem, of feed: Feed, into findings: inout FindingList) {
    check(item.node, keys: Self.itemKeys, into: &findings)
  }

  private func check(_ node: FeedNode, keys: [ElementKey], into findings: inout FindingList) {
    for key in keys {
      guard let element = node.first(key) else { continue }
      let text = element.text
      if text.hasOuterWhitespace {
        findings.add(
          Self.outerSpace, "<\(key)> has leading or trailing whitespace; remove it, as Apple's guide asks",
          at: element)
      }
      if text.utf8.count > Self.limit, case let length = text.count, length > Self.limit {
        findings.add(
          Self.text255, "<\(key)> is \(length) characters long, over Apple's limit of \(Self.limit); shorten it",
          at: element)
      }
    }
  }
}
