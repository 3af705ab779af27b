import Diagnostics
import PodiumXML

/// Runs every rule family on a feed as it is read: the root and each `<channel>` are streamed,
/// every other element comes whole and is dropped once checked, so memory holds one item, the
/// channel's own elements and what the families keep.
///
/// The channel is checked when its first item starts, with the channel elements read so far.
/// A channel element after an item (RSS-CH-ORDER) could change what the items are checked
/// against (`itunes:type`, a channel `media:player`), so a feed that has one is read a second
/// time, with the whole channel from the first reading known before its first item: findings
/// are then exactly those of checking the whole tree at once.
final class FeedStream: XMLStreamHandler {
  private var checks = FeedChecks.all()
  private var lists: [FindingList]
  /// The whole channel from a first reading, for a second one.
  private let knownFeed: Feed?

  private var root: XMLElement?
  private var isRSS = false
  private var channelCount = 0
  private var secondChannel: XMLElement?
  private var channelHeader: XMLElement?
  private var channelChildren: [XMLElement] = []
  /// Whether the first channel's end was read.
  private var channelEnded = false
  /// Set once the channel was checked.
  private var feed: Feed?
  private var sawItem = false
  /// An item or live item was read, for RSS-CH-ORDER.
  private var sawItemLike = false
  private var firstAfterItems: XMLElement?
  /// A channel element came after an item: this reading only gathers the channel for a second one.
  private(set) var needsSecondReading = false
  private var namespaces = NamespaceCache()
  /// Items and enclosures counted as they pass, for telling a blog's feed from a podcast's.
  private(set) var shape = FeedShape()
  /// The channel's own elements are kept until the end: a real channel has tens, so past this
  /// many the feed is refused rather than held (`overflowLine`).
  static let channelElementLimit = 10_000
  /// The channel's line, when it has more elements than the limit.
  private(set) var overflowLine: Int?

  init(file: String, knownFeed: Feed? = nil) {
    lists = checks.map { _ in FindingList(file: file) }
    self.knownFeed = knownFeed
  }

  /// The findings of every family, once the document has been read.
  func finish(_ prologue: XMLPrologue) -> [Finding] {
    guard let root else { return [] }
    if feed == nil, isRSS, let channelHeader { checkChannel(channelHeader) }
    let document = FeedDocument(
      prologue: prologue, root: root, channelCount: channelCount, secondChannel: secondChannel)
    Self.each(&checks, &lists) { $0.finish(document, into: &$1) }
    return lists.flatMap(\.findings)
  }

  /// The channel as a first reading found it, all of its elements but the items.
  var wholeFeed: Feed? {
    guard let root else { return nil }
    return Feed(root: root, channel: channel, hasItems: sawItem, firstAfterItems: firstAfterItems)
  }

  private var channel: XMLElement? {
    channelHeader.map {
      XMLElement(
        name: $0.name, namespaceURI: $0.namespaceURI, prefix: $0.prefix, attributes: $0.attributes,
        namespaceDeclarations: $0.namespaceDeclarations, children: channelChildren, line: $0.line)
    }
  }

  /// The root and each `<channel>` of an `<rss>` root are streamed (and visited without their
  /// children, which come one by one); every other element comes whole, to `child`.
  func shouldStream(_ element: XMLElement, depth: Int) -> Bool {
    if depth == 0 {
      root = element
      isRSS = element.name == "rss" && element.namespaceURI == nil
    } else {
      guard depth == 1, isRSS, element.name == "channel", element.namespaceURI == nil else { return false }
      channelCount += 1
      if channelCount == 1 { channelHeader = element } else if channelCount == 2 { secondChannel = element }
    }
    visit(element, whole: false)
    return true
  }

  func child(_ element: XMLElement, depth: Int) {
    guard overflowLine == nil else { return }
    visit(element, whole: true)
    guard depth == 2, channelCount == 1, !channelEnded else { return }
    let isItem = element.name == "item" && element.namespaceURI == nil
    if isItem || ElementKey(element) == "podcast:liveItem" {
      sawItemLike = true
    } else if sawItemLike, firstAfterItems == nil {
      firstAfterItems = element
    }
    if isItem {
      shape.items += 1
      if element.children.contains(where: { $0.name == "enclosure" && $0.namespaceURI == nil }) {
        shape.itemsWithEnclosure += 1
      }
    }
    guard isItem else {
      if sawItem, knownFeed == nil { needsSecondReading = true }
      guard channelChildren.count < Self.channelElementLimit else {
        overflowLine = overflowLine ?? channelHeader?.line
        return
      }
      channelChildren.append(element)
      return
    }
    if !sawItem, let channelHeader {
      sawItem = true
      checkChannel(channelHeader)
    }
    guard !needsSecondReading, let feed else { return }
    let item = FeedItem(element, namespaces: &namespaces)
    Self.each(&checks, &lists) { $0.check(item, of: feed, into: &$1) }
  }

  func end(depth: Int) {
    if depth == 1, channelCount == 1 { channelEnded = true }
  }

  private func checkChannel(_ header: XMLElement) {
    guard !needsSecondReading, let root else { return }
    let feed =
      knownFeed ?? Feed(root: root, channel: channel, hasItems: sawItem, firstAfterItems: firstAfterItems)
    self.feed = feed
    Self.each(&checks, &lists) { $0.check(feed, into: &$1) }
  }

  private func visit(_ element: XMLElement, whole: Bool) {
    if !sawItem, !shape.declaresITunes {
      shape.declaresITunes = element.namespaceDeclarations.contains { $0.uri == FeedShape.iTunesNamespace }
    }
    guard !needsSecondReading else { return }
    Self.each(&checks, &lists) { $0.visit(element, whole: whole, into: &$1) }
  }

  /// Runs `body` on each family and its findings. Through `inout` parameters the arrays are
  /// reached once per call, not once per family: each access to a class's property is checked
  /// for exclusivity at run time, which took a quarter of the time of a feed of empty items.
  private static func each(
    _ checks: inout [any FeedCheck], _ lists: inout [FindingList], _ body: (inout any FeedCheck, inout FindingList) -> Void
  ) {
    for index in checks.indices { body(&checks[index], &lists[index]) }
  }
}
