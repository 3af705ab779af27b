import Foundation
import Identifiers
import PodiumXML

/// A feed's items as the caller's byte ranges say, checked to be what they claim: each range
/// starts with an `<item>` start tag (after spaces or tabs), the ranges are in order, and only white space lies between
/// them, so the results of items left out can be placed exactly between those read
/// (``FeedStream``). Per item: the lines it spans, the digest of its bytes, and where its result
/// is when a memo has one.
struct ItemLayout {
  private(set) var spans: [ItemSpan] = []
  /// The memos the items' results are in, as they are stored: a result is made into a value only
  /// when it is applied.
  private(set) var memos: [FeedCheckMemo] = []
  private let ranges: [Range<Int>]
  /// Where the channel's bytes before the first item end, and those after the last item start.
  private let channelHead: Int
  private let channelTail: Int

  /// `nil` when the ranges don't fit the bytes, or the bytes are not UTF-8 (whose line breaks
  /// are the bytes counted).
  ///
  /// - Parameter digests: the digest of an item's bytes when its writer took it from the very
  ///   bytes it wrote there (``WrittenFeedCheck``), so they are not digested twice.
  init?(_ bytes: FeedBytes, itemSpans: [Range<Int>], digests: (Int) -> ItemDigest? = { _ in nil }) {
    guard !itemSpans.isEmpty else { return nil }
    var buffer: [UInt8] = []
    let utf8 = bytes.read(0..<min(4, bytes.count), buffer: &buffer) { head in
      !head.contains(0) && !head.starts(with: [0xFE, 0xFF]) && !head.starts(with: [0xFF, 0xFE])
    }
    guard utf8 == true else { return nil }
    ranges = itemSpans
    channelHead = itemSpans[0].lowerBound
    channelTail = itemSpans[itemSpans.count - 1].upperBound
    spans.reserveCapacity(itemSpans.count)
    var position = 0
    var line = 1
    for range in itemSpans {
      guard range.lowerBound >= position, range.count > 6, range.upperBound <= bytes.count else { return nil }
      let isFirst = spans.isEmpty
      let known = digests(spans.count)
      let span = bytes.read(position..<range.upperBound, buffer: &buffer) { piece -> ItemSpan? in
        let gap = UnsafeRawBufferPointer(rebasing: piece[..<(range.lowerBound - position)])
        // Before the first item is the channel; between items, only white space.
        guard isFirst || gap.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return nil }
        line += XMLText.lineFeeds(in: gap)
        let whole = UnsafeRawBufferPointer(rebasing: piece[(range.lowerBound - position)...])
        // A range may take in the item's indentation (the writer's does, to copy items whole);
        // not a line break, which ``partial(_:)`` would then not put back.
        let indent = whole.prefix { $0 == 0x20 || $0 == 0x09 }.count
        let item = UnsafeRawBufferPointer(rebasing: whole[indent...])
        guard item.count > Self.itemTag.count, item.starts(with: Self.itemTag), Self.afterName.contains(item[Self.itemTag.count])
        else { return nil }
        let start = line
        line += XMLText.lineFeeds(in: item)
        return ItemSpan(lines: start...line, digest: known ?? ItemDigest(ContentDigest.sha256(item)))
      }
      guard let span = span ?? nil else { return nil }
      spans.append(span)
      position = range.upperBound
    }
  }

  /// The items of `items` alone, between the channel's bytes before the first item and after the
  /// last: what a chunk of the feed checked on its own reads (``FeedLinter``). Their lines are
  /// those they have there, so the results kept, relative to each item's own line, are the same.
  private init(_ layout: ItemLayout, items: Range<Int>) {
    let shift = layout.spans[0].lines.lowerBound - layout.spans[items.lowerBound].lines.lowerBound
    spans = layout.spans[items].map { span in
      ItemSpan(
        lines: (span.lines.lowerBound + shift)...(span.lines.upperBound + shift), digest: span.digest,
        result: span.result)
    }
    ranges = Array(layout.ranges[items])
    memos = layout.memos
    channelHead = layout.channelHead
    channelTail = layout.channelTail
  }

  /// Runs of items, in order, each with about `bytes` bytes of items that have no result yet,
  /// together covering every item.
  func chunks(ofAbout bytes: Int) -> [Range<Int>] {
    var chunks: [Range<Int>] = []
    var start = 0
    var unread = 0
    for index in spans.indices {
      if spans[index].result == nil { unread += ranges[index].count }
      if unread >= bytes, index + 1 < spans.count {
        chunks.append(start..<(index + 1))
        start = index + 1
        unread = 0
      }
    }
    // Items left after the last split with nothing to read go with the chunk before them.
    if unread == 0, let last = chunks.popLast() { chunks.append(last.lowerBound..<spans.count) } else {
      chunks.append(start..<spans.count)
    }
    return chunks
  }

  /// The layout of the feed made of the channel and the items of `items` only.
  func chunk(_ items: Range<Int>) -> ItemLayout { ItemLayout(self, items: items) }

  /// The channel's bytes, before the first item and after the last, of a feed of `total` bytes.
  func channelBytes(ofFeedOf total: Int) -> Int { channelHead + (total - channelTail) }

  /// The items' bytes that have no result yet.
  var unreadBytes: Int {
    zip(ranges, spans).reduce(0) { $0 + ($1.1.result == nil ? $1.0.count : 0) }
  }

  /// Gives the items of `items` the results of a memo of them alone, in their order (a chunk's
  /// check); `false`, giving none, when it does not hold exactly those items.
  mutating func place(_ memo: FeedCheckMemo, at items: Range<Int>) -> Bool {
    guard memo.count == items.count,
      zip(items, 0..<memo.count).allSatisfy({ spans[$0].digest == memo.digest(ofItem: $1) })
    else { return false }
    for (index, item) in zip(items, 0..<memo.count) { spans[index].result = .init(memo: memos.count, item: item) }
    memos.append(memo)
    return true
  }

  /// Gives each item that has no result yet the memo's result for its bytes, if it has one.
  mutating func take(_ memo: FeedCheckMemo) {
    var known: [ItemDigest: Int] = [:]
    known.reserveCapacity(memo.count)
    for item in (0..<memo.count).reversed() { known[memo.digest(ofItem: item)] = item }
    for index in spans.indices where spans[index].result == nil {
      spans[index].result = known[spans[index].digest].map { .init(memo: memos.count, item: $0) }
    }
    memos.append(memo)
  }

  mutating func forgetResults() {
    for index in spans.indices { spans[index].result = nil }
    memos = []
  }

  /// Hands the memos over to the reading that applies their results, which lets go of each once
  /// it is applied.
  mutating func takeMemos() -> [FeedCheckMemo] {
    defer { memos = [] }
    return memos
  }

  /// How many items have a result to apply instead of being read.
  var known: Int { spans.reduce(0) { $0 + ($1.result == nil ? 0 : 1) } }

  /// The feed with every item that has a result left out, each replaced by as many line breaks
  /// as it had, so every line read is the feed's own; `nil` when the bytes can't be read. For a
  /// chunk, the channel's bytes before the first item and after the last, with the chunk's
  /// items between them.
  func partial(_ bytes: FeedBytes) -> Data? {
    var data = Data()
    var buffer: [UInt8] = []
    guard bytes.read(0..<channelHead, buffer: &buffer, { data.append(contentsOf: $0) }) != nil else { return nil }
    var position = ranges[0].lowerBound
    for (range, span) in zip(ranges, spans) {
      let end = span.result == nil ? range.upperBound : range.lowerBound
      guard bytes.read(position..<end, buffer: &buffer, { data.append(contentsOf: $0) }) != nil else { return nil }
      if span.result != nil {
        // Grown zero-filled, then set: appending a repeated element goes a byte at a time.
        let start = data.count
        data.count += span.lines.count - 1
        data.withUnsafeMutableBytes { _ = memset($0.baseAddress! + start, 0x0A, $0.count - start) }
      }
      position = range.upperBound
    }
    guard bytes.read(channelTail..<bytes.count, buffer: &buffer, { data.append(contentsOf: $0) }) != nil else { return nil }
    return data
  }

  private static let itemTag = Array("<item".utf8)
  private static let afterName: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ">"), UInt8(ascii: "/")]
}
