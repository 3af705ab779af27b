import Diagnostics
import Foundation
import Parallel
import PodiumXML

extension FeedLinter {
  /// What a check with a memo found, and the memo for the next check.
  public struct MemoCheck: Sendable {
    /// Exactly the findings of checking the whole feed: sorted by line.
    public let findings: [Finding]
    public let shape: FeedShape
    /// Each item's result, for the next check of this feed; `nil` when the feed gave none (not
    /// well-formed, not UTF-8, a channel element among its items, spans that don't fit it).
    public let memo: FeedCheckMemo?
    /// The items whose results came from the memo given, without being read.
    public let reused: Int
    /// The items whose results came from their writer's events (``WrittenFeedCheck``), without being read.
    public var fromWriter = 0
    /// How many chunks the other items were checked in, side by side; 1 when in one go.
    public var chunks = 1
  }

  /// Checks a feed held in memory, reading only the items the memo has no result for.
  ///
  /// - Parameters:
  ///   - data: the feed's bytes.
  ///   - file: the path or URL that findings should name.
  ///   - itemSpans: the byte range of each `<item>` of the channel, in order, from its `<` (or
  ///     the spaces before it) to the end of its end tag or the line feed after it (the writer
  ///     knows them: `FeedSourceMap.itemBytes`). Ranges that don't fit the bytes are
  ///     found out, and the feed is then read whole, without a memo.
  ///   - memo: the last check's memo of this feed, if any: an item whose bytes have a result in
  ///     it is not parsed; any other memo (other rules, another channel) is ignored.
  ///   - written: the results of items checked from their writer's events as it wrote them
  ///     (``WrittenFeedCheck``), each run's memo with the place of its first item among the spans:
  ///     an item whose bytes have the digest its run's memo gives is not parsed either.
  public func inspect(
    _ data: Data, file: String, itemSpans: [Range<Int>], memo: FeedCheckMemo?, written: [WrittenFeedCheck.Run] = []
  ) -> MemoCheck {
    let reader = XMLStreamReader(maximumSize: maximumFeedSize)
    return inspect(FeedBytes(data), file: file, itemSpans: itemSpans, memo: memo, written: written) {
      stream throws(XMLParseError) in
      try reader.read(data, into: stream)
    }
  }

  /// The same, on a file read in pieces: the items read are read in pieces, those not read are
  /// read only to be digested.
  public func inspect(
    contentsOfFile path: String, file: String, itemSpans: [Range<Int>], memo: FeedCheckMemo?,
    written: [WrittenFeedCheck.Run] = []
  ) -> MemoCheck {
    let reader = XMLStreamReader(maximumSize: maximumFeedSize)
    let read = { (stream: FeedStream) throws(XMLParseError) -> XMLPrologue in
      try reader.read(contentsOfFile: path, into: stream)
    }
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    var status = stat()
    guard descriptor >= 0, fstat(descriptor, &status) == 0 else {
      if descriptor >= 0 { close(descriptor) }
      let checked = lint(file: file, layout: nil, read: read)
      return MemoCheck(findings: checked.findings, shape: checked.shape, memo: nil, reused: 0)
    }
    defer { close(descriptor) }
    return inspect(
      FeedBytes(descriptor: descriptor, size: Int(status.st_size)), file: file, itemSpans: itemSpans, memo: memo,
      written: written, read: read)
  }

  private func inspect(
    _ bytes: FeedBytes, file: String, itemSpans: [Range<Int>], memo: FeedCheckMemo?, written: [WrittenFeedCheck.Run],
    read: (FeedStream) throws(XMLParseError) -> XMLPrologue
  ) -> MemoCheck {
    let fits = maximumFeedSize.map { bytes.count <= $0 } ?? true
    // The digests the writer took of the bytes it wrote, by item: those items are not digested again.
    var writtenDigests: [ItemDigest?] = []
    if written.contains(where: { $0.firstItem >= 0 && $0.firstItem + $0.memo.count <= itemSpans.count }) {
      writtenDigests = Array(repeating: nil, count: itemSpans.count)
      for run in written where run.firstItem >= 0 && run.firstItem + run.memo.count <= itemSpans.count {
        for item in 0..<run.memo.count { writtenDigests[run.firstItem + item] = run.memo.digest(ofItem: item) }
      }
    }
    let layout = fits ? ItemLayout(bytes, itemSpans: itemSpans) { writtenDigests.isEmpty ? nil : writtenDigests[$0] } : nil
    guard fits, var layout else {
      let checked = lint(file: file, layout: nil, read: read)
      return MemoCheck(findings: checked.findings, shape: checked.shape, memo: nil, reused: 0)
    }
    // The writer's results first, each for the items it was made of, when they were all found
    // with one channel; then the last check's for the other items, when found with that one too.
    var context: String?
    var fromWriter = 0
    if let first = written.first?.memo.context, first.hasPrefix(FeedCheckMemo.rulesVersion + "\u{0}"),
      written.allSatisfy({ $0.memo.context == first })
    {
      for run in written {
        let items = run.firstItem..<(run.firstItem + run.memo.count)
        guard items.lowerBound >= 0, items.upperBound <= layout.spans.count, layout.place(run.memo, at: items) else {
          continue
        }
        fromWriter += items.count
      }
      if fromWriter > 0 { context = first }
    }
    if let memo, memo.context.hasPrefix(FeedCheckMemo.rulesVersion + "\u{0}"), context.map({ $0 == memo.context }) ?? true {
      layout.take(memo)
      context = memo.context
    }
    if let context {
      let known = layout.known
      if known > 0,
        var checked = reading(bytes, file: file, layout: layout, context: context, reused: known - fromWriter)
      {
        checked.fromWriter = fromWriter
        return checked
      }
      // Anything amiss (an item read that is not well-formed, another channel): read it all.
      layout.forgetResults()
    }
    if let checked = reading(bytes, file: file, layout: layout, context: nil, reused: 0, unlessWhole: true) {
      return checked
    }
    let checked = lint(file: file, layout: layout, read: read)
    return MemoCheck(findings: checked.findings, shape: checked.shape, memo: checked.memo, reused: 0)
  }

  /// The findings of the feed read with the items that have a result left out (``ItemLayout/partial(_:)``)
  /// and those results applied in their place; `nil` when anything did not fit, to read the whole feed.
  ///
  /// When the items without a result are many, they are first checked in chunks side by side on
  /// every core, each chunk read with the channel alone and its items' results kept as a memo
  /// is; those are then applied as a last check's memo would be, in feed order, in one reading
  /// of the channel, so the findings are exactly those of reading every item in one go.
  ///
  /// - Parameters:
  ///   - context: the memo's context, which the channel read must give; `nil` for none yet.
  ///   - reused: the items whose results came from the caller's memo.
  ///   - unlessWhole: when set, `nil` also when the items without a result are too few to split,
  ///     for the caller to read the feed whole, in pieces, rather than copied into memory.
  private func reading(
    _ bytes: FeedBytes, file: String, layout: ItemLayout, context: String?, reused: Int, unlessWhole: Bool = false
  ) -> MemoCheck? {
    var layout = layout
    var context = context
    let splits = layout.channelBytes(ofFeedOf: bytes.count) <= largestChannelToSplit
    let chunks = splits ? layout.chunks(ofAbout: chunkBytes(unread: layout.unreadBytes)) : []
    if chunks.count > 1 {
      var memos = ParallelMap.map(chunks) { items -> FeedCheckMemo? in
        let chunk = layout.chunk(items)
        guard let partial = chunk.partial(bytes) else { return nil }
        return reading(partial, file: file, spans: chunk.spans, memos: chunk.memos, context: context, reused: 0)?.memo
      }
      guard let first = memos.first, let found = first?.context,
        memos.allSatisfy({ $0?.context == found }), context.map({ $0 == found }) ?? true
      else { return nil }
      // Each chunk's memo is the layout's alone once placed, for the last reading to let go of
      // as it applies it: a large feed's results are not held twice.
      for (index, items) in chunks.enumerated() {
        guard let memo = memos[index].take(), layout.place(memo, at: items) else { return nil }
      }
      context = found
    } else if unlessWhole {
      return nil
    }
    guard let partial = layout.partial(bytes),
      var checked = reading(
        partial, file: file, spans: layout.spans, memos: layout.takeMemos(), context: context, reused: reused)
    else { return nil }
    checked.chunks = max(1, chunks.count)
    return checked
  }

  /// About how many bytes of unread items each chunk should hold: four chunks a core, so that a
  /// core that finishes first takes another while one is held up, none so small that reading
  /// the channel again for it, and applying its results, costs much beside, nor so large that
  /// its bytes held in memory (each chunk is read from memory) weigh on a large feed's build.
  private func chunkBytes(unread: Int) -> Int {
    let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
    return min(max(unread / (cores * 4), chunkBytes.lowerBound), chunkBytes.upperBound)
  }

  /// Reads `partial`, the feed as `spans` say with the items that have a result in `memos` left out.
  private func reading(
    _ partial: Data, file: String, spans: [ItemSpan], memos: [FeedCheckMemo], context: String?, reused: Int
  ) -> MemoCheck? {
    let stream = FeedStream(file: file, spans: spans, memos: memos, expectedContext: context)
    guard let prologue = try? XMLStreamReader().read(partial, into: stream), prologue.isUTF8,
      stream.overflowLine == nil, !stream.needsSecondReading
    else { return nil }
    let findings = stream.finish(prologue).filter { profile.applies($0.ruleID) }.sortedForReport()
    guard let memo = stream.takeMemo() else { return nil }
    return MemoCheck(findings: findings, shape: stream.shape, memo: memo, reused: reused)
  }
}
