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
///
/// Given the byte range of each item (`ItemSpan`), it also keeps each item's result for a memo
/// (``FeedCheckMemo``); an item whose result came from the memo was left out of the bytes read
/// (only its line breaks kept, so every line is the feed's own) and its result is applied in its
/// place, in feed order, so the findings are exactly those of reading it.
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

  /// Each item's bytes, in feed order, when their results are kept for a memo.
  private let spans: [ItemSpan]?
  /// The span the next item read belongs to, or the next result to apply.
  private var nextSpan = 0
  /// The context the memo's results were found in; the channel read must give the same.
  private let expectedContext: String?
  /// What the items' results depend on outside them (``FeedCheckMemo``), once the channel was checked.
  private(set) var context: String?
  /// The memos the spans' results are in; each is let go of once its last result is applied.
  private var memos: [FeedCheckMemo?]
  /// How many results of each memo are still to be applied.
  private var unapplied: [Int]
  /// Each item's result, in feed order, read or applied: written as it comes, in the memo's
  /// stored form, from the first result on.
  private var written: MemoBytes?
  private var recorded = 0
  /// The document did not match its spans (an item outside them, a channel element among the
  /// items), or its channel not the memo's context: its results, and its findings when a memo
  /// was applied, are not to be used.
  private(set) var unusable = false

  /// - Parameter memos: the memos the results of `spans` are in (``ItemLayout/memos``).
  init(
    file: String, knownFeed: Feed? = nil, spans: [ItemSpan]? = nil, memos: [FeedCheckMemo] = [],
    expectedContext: String? = nil
  ) {
    lists = checks.map { _ in FindingList(file: file) }
    self.knownFeed = knownFeed
    self.spans = spans
    self.expectedContext = expectedContext
    self.memos = memos
    unapplied = memos.map { _ in 0 }
    for span in spans ?? [] {
      guard let result = span.result, unapplied.indices.contains(result.memo) else { continue }
      unapplied[result.memo] += 1
    }
  }

  /// Each item's result for a memo, when every span was an item read or applied; hands it over.
  func takeMemo() -> FeedCheckMemo? {
    guard let spans, !unusable, knownFeed == nil, !needsSecondReading, context != nil, nextSpan == spans.count,
      recorded == spans.count, let written = written.take()
    else { return nil }
    return FeedCheckMemo(written: written)
  }

  /// Keeps an item's result for the memo: written anew, or a memo's entry copied as it is.
  private func record(_ result: FeedItemResult? = nil, entry: ArraySlice<UInt8> = []) {
    guard let context else { return }
    if written == nil { written = MemoBytes(context: context) }
    if let result { written?.append(result) } else { written?.append(entry: entry) }
    recorded += 1
  }

  /// The findings of every family, once the document has been read.
  func finish(_ prologue: XMLPrologue) -> [Finding] {
    guard let root else { return [] }
    if let spans, nextSpan < spans.count { unusable = true }
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
    let inChannel = depth == 2 && channelCount == 1 && !channelEnded
    if inChannel, element.name == "item", element.namespaceURI == nil { return item(element) }
    visit(element, whole: true)
    guard inChannel else { return }
    // Between and after the spans there is only white space: a channel element there is among
    // the items, which the results of items left out can't be placed around.
    if let first = spans?.first, element.line >= first.lines.lowerBound { unusable = true }
    if ElementKey(element) == "podcast:liveItem" {
      sawItemLike = true
    } else if sawItemLike, firstAfterItems == nil {
      firstAfterItems = element
    }
    if sawItem, knownFeed == nil { needsSecondReading = true }
    guard channelChildren.count < Self.channelElementLimit else {
      overflowLine = overflowLine ?? channelHeader?.line
      return
    }
    channelChildren.append(element)
  }

  /// An item of the channel, read: its span's results before it applied, then checked (and its
  /// result kept). The channel is checked before the first item, whether read or applied.
  private func item(_ element: XMLElement) {
    var span: ItemSpan?
    if let spans {
      applyResults()
      if nextSpan < spans.count, spans[nextSpan].lines.contains(element.line) {
        span = spans[nextSpan]
        nextSpan += 1
      } else {
        unusable = true
      }
    }
    let hasEnclosure = element.children.contains { $0.name == "enclosure" && $0.namespaceURI == nil }
    let declaresITunes = Self.declaresITunes(element)
    countItem(hasEnclosure: hasEnclosure, declaresITunes: declaresITunes)
    let recording = span != nil && !unusable && !needsSecondReading && feed != nil
    if recording { for index in lists.indices { lists[index].startItem(line: element.line) } }
    visit(element, whole: true)
    if !needsSecondReading, let feed {
      let item = FeedItem(element, namespaces: &namespaces)
      Self.each(&checks, &lists) { $0.check(item, of: feed, into: &$1) }
    }
    guard recording, let span else { return }
    var events: [FeedItemResult.Event] = []
    for index in lists.indices {
      for event in lists[index].endItem() { events.append(.init(family: index, event: event)) }
    }
    record(FeedItemResult(
      digest: span.digest, lineOffset: element.line - span.lines.lowerBound, hasEnclosure: hasEnclosure,
      declaresITunes: declaresITunes, events: events))
  }

  /// An item read or applied: counted, and the channel checked before the first.
  private func countItem(hasEnclosure: Bool, declaresITunes: Bool) {
    sawItemLike = true
    shape.items += 1
    if hasEnclosure { shape.itemsWithEnclosure += 1 }
    guard !sawItem, let channelHeader else { return }
    if !shape.declaresITunes { shape.declaresITunes = declaresITunes }
    sawItem = true
    checkChannel(channelHeader)
  }

  /// Applies the memos' results of the spans up to the next one read, each made into a value
  /// only now; a memo whose last result is applied is let go of.
  private func applyResults() {
    guard let spans else { return }
    while nextSpan < spans.count, let at = spans[nextSpan].result {
      let lines = spans[nextSpan].lines
      nextSpan += 1
      guard let memo = memos.indices.contains(at.memo) ? memos[at.memo] : nil,
        memo.count > at.item, let result = memo.result(ofItem: at.item)
      else {
        unusable = true
        continue
      }
      unapplied[at.memo] -= 1
      if unapplied[at.memo] == 0 { memos[at.memo] = nil }
      countItem(hasEnclosure: result.hasEnclosure, declaresITunes: result.declaresITunes)
      guard !needsSecondReading, feed != nil, let context, context == expectedContext,
        result.events.allSatisfy({ lists.indices.contains($0.family) })
      else {
        unusable = true
        continue
      }
      let line = lines.lowerBound + result.lineOffset
      for event in result.events { lists[event.family].apply(event.event.shifted(by: line)) }
      record(entry: memo.entry(ofItem: at.item))
    }
  }

  func end(depth: Int) {
    guard depth == 1, channelCount == 1, !channelEnded else { return }
    applyResults()
    channelEnded = true
  }

  private func checkChannel(_ header: XMLElement) {
    guard !needsSecondReading, let root else { return }
    let feed =
      knownFeed ?? Feed(root: root, channel: channel, hasItems: sawItem, firstAfterItems: firstAfterItems)
    self.feed = feed
    Self.each(&checks, &lists) { $0.check(feed, into: &$1) }
    context = Self.context(root: root, channel: header, feed: feed)
    if let expectedContext, context != expectedContext { unusable = true }
  }

  /// What an item's result depends on outside its bytes: the namespaces in scope, and the
  /// channel's facts that item rules read.
  private static func context(root: XMLElement, channel: XMLElement, feed: Feed) -> String {
    var parts = [FeedCheckMemo.rulesVersion, root.name, root.namespaceURI ?? "", channel.name]
    for declaration in root.namespaceDeclarations + channel.namespaceDeclarations {
      parts.append("xmlns:\(declaration.prefix ?? "")=\(declaration.uri)")
    }
    parts.append("serial \(feed.isSerial)")
    parts.append("channel \(feed.channel != nil)")
    parts.append("language \(feed.channel?.has("language") == true)")
    parts.append("player \(feed.channel.map { MediaRSSRules.hasPlayer($0.element) } == true)")
    return parts.joined(separator: "\u{0}")
  }

  private static func declaresITunes(_ element: XMLElement) -> Bool {
    element.namespaceDeclarations.contains { $0.uri == FeedShape.iTunesNamespace }
  }

  private func visit(_ element: XMLElement, whole: Bool) {
    if !sawItem, !shape.declaresITunes { shape.declaresITunes = Self.declaresITunes(element) }
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
