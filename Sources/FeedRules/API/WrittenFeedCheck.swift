import Diagnostics
import Foundation
import Identifiers
import PodiumXML

/// The feed rules run on a podcast feed as its writer writes it, from the writer's events
/// (`XMLWriter.stream(into:inScope:lineShift:)`) instead of a parse of the bytes written: the
/// same rules, another source of the same events (`WriterEventsTests` shows a parse of the
/// bytes gives the same ones, `WrittenFeedCheckTests` the same results).
///
/// The writer hands it the channel (the root, `<channel>` and the channel's elements before the
/// first item); then each run of items written by a writer of its own, on any core, is checked
/// with the channel alone before it, as a chunk of a feed is (``FeedLinter``), and kept as a memo
/// of those items under the digests of their bytes (``itemsMemo(of:spans:)``). The feed check
/// of the file (``FeedLinter/inspect(contentsOfFile:file:itemSpans:memo:written:)``) takes those
/// results for the items whose bytes have that digest, and parses only the channel and any item
/// without one: the findings are exactly those of checking the whole feed.
///
/// Set up on one thread while the channel is written, then only read: the runs' checks share it.
public final class WrittenFeedCheck: XMLStreamHandler, @unchecked Sendable {
  private var root: XMLElement?
  private var channel: XMLElement?
  private var channelChildren: [XMLElement] = []
  private var channels = 0

  public init() {}

  /// The results of a run of items a writer wrote, and where its first item is among the feed's
  /// items (in the order of `FeedSourceMap.itemBytes`).
  public struct Run: Sendable {
    public let memo: FeedCheckMemo
    public let firstItem: Int

    public init(memo: FeedCheckMemo, firstItem: Int) {
      (self.memo, self.firstItem) = (memo, firstItem)
    }
  }

  /// The namespaces declared on the root and the channel: those the items are written in.
  public var namespaces: [XMLElement.NamespaceDeclaration] {
    (root?.namespaceDeclarations ?? []) + (channel?.namespaceDeclarations ?? [])
  }

  public func shouldStream(_ element: XMLElement, depth: Int) -> Bool {
    if depth == 0 {
      root = element
      return true
    }
    guard depth == 1, element.name == "channel", element.namespaceURI == nil else { return false }
    channels += 1
    channel = element
    return true
  }

  public func child(_ element: XMLElement, depth: Int) {
    if depth == 2, channels == 1 { channelChildren.append(element) }
  }

  public func end(depth: Int) {}

  /// Collects the items one writer writes, each built whole, in order.
  public final class Items: XMLStreamHandler {
    fileprivate var elements: [XMLElement] = []

    public init() {}

    public func shouldStream(_ element: XMLElement, depth: Int) -> Bool { false }
    public func child(_ element: XMLElement, depth: Int) { elements.append(element) }
    public func end(depth: Int) {}
  }

  /// The results of the items `items` collected, as a memo of those items alone, for the feed
  /// check to take in their place; `nil` when it can't be made (another number of items than
  /// spans, an item not on its span's first line, a channel that is not one RSS channel).
  ///
  /// - Parameters:
  ///   - items: the items, as their writer's events gave them, their lines those they have in
  ///     the feed counted from any line after the channel's elements.
  ///   - spans: per item, in order, the line its start tag is on (counted as the items' lines
  ///     are) and its bytes, from its indentation to the line feed after its end tag
  ///     (`FeedSourceMap.itemBytes`).
  public func itemsMemo(of items: Items, spans: [(line: Int, bytes: UnsafeRawBufferPointer)]) -> FeedCheckMemo? {
    guard let root, let channel, channels == 1, root.name == "rss", root.namespaceURI == nil,
      items.elements.count == spans.count, !spans.isEmpty
    else { return nil }
    var itemSpans: [ItemSpan] = []
    itemSpans.reserveCapacity(spans.count)
    for (element, span) in zip(items.elements, spans) {
      let indent = span.bytes.prefix { $0 == 0x20 || $0 == 0x09 }.count
      let bytes = UnsafeRawBufferPointer(rebasing: span.bytes[indent...])
      guard element.line == span.line, element.name == "item", element.namespaceURI == nil else { return nil }
      itemSpans.append(ItemSpan(
        lines: span.line...(span.line + XMLText.lineFeeds(in: bytes)), digest: ItemDigest(ContentDigest.sha256(bytes))))
    }
    guard channelChildren.last.map({ $0.line < itemSpans[0].lines.lowerBound }) ?? true else { return nil }
    let stream = FeedStream(file: "", spans: itemSpans)
    let header = XMLElement(
      name: channel.name, namespaceURI: channel.namespaceURI, prefix: channel.prefix, attributes: channel.attributes,
      namespaceDeclarations: channel.namespaceDeclarations, line: channel.line)
    guard stream.shouldStream(root, depth: 0), stream.shouldStream(header, depth: 1) else { return nil }
    for element in channelChildren { stream.child(element, depth: 2) }
    for element in items.elements { stream.child(element, depth: 2) }
    stream.end(depth: 1)
    stream.end(depth: 0)
    _ = stream.finish(XMLPrologue(hasXMLDeclaration: true, declaredEncoding: "UTF-8"))
    return stream.takeMemo()
  }
}
