import Diagnostics
import PodiumXML

/// One family of rules, run as the feed is read: the channel (without its items) first, then each
/// item in document order, then the document as a whole. A family keeps only what its rules need
/// across items (the GUIDs seen so far, say), never the items.
protocol FeedCheck: Sendable {
  /// The rules this family can report.
  static var rules: [Rule] { get }
  /// Every element in document order: the root and each channel without their children, any
  /// other element whole.
  mutating func visit(_ element: XMLElement, whole: Bool, into findings: inout FindingList)
  /// The channel, before its first item (with every channel element, even those after items).
  mutating func check(_ feed: Feed, into findings: inout FindingList)
  /// One item of the channel.
  mutating func check(_ item: FeedItem, of feed: Feed, into findings: inout FindingList)
  /// The document has been read.
  mutating func finish(_ document: FeedDocument, into findings: inout FindingList)
}

extension FeedCheck {
  mutating func visit(_ element: XMLElement, whole: Bool, into findings: inout FindingList) {}
  mutating func check(_ feed: Feed, into findings: inout FindingList) {}
  mutating func check(_ item: FeedItem, of feed: Feed, into findings: inout FindingList) {}
  mutating func finish(_ document: FeedDocument, into findings: inout FindingList) {}
}
