import Diagnostics
import Foundation
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
  public func inspect(_ data: Data, file: String, itemSpans: [Range<Int>], memo: FeedCheckMemo?) -> MemoCheck {
    let reader = XMLStreamReader(maximumSize: maximumFeedSize)
    return inspect(FeedBytes(data), file: file, itemSpans: itemSpans, memo: memo) { stream throws(XMLParseError) in
      try reader.read(data, into: stream)
    }
  }

  /// The same, on a file read in pieces: the items read are read in pieces, those not read are
  /// read only to be digested.
  public func inspect(contentsOfFile path: String, file: String, itemSpans: [Range<Int>], memo: FeedCheckMemo?)
    -> MemoCheck
  {
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
      read: read)
  }

  private func inspect(
    _ bytes: FeedBytes, file: String, itemSpans: [Range<Int>], memo: FeedCheckMemo?,
    read: (FeedStream) throws(XMLParseError) -> XMLPrologue
  ) -> MemoCheck {
    let fits = maximumFeedSize.map { bytes.count <= $0 } ?? true
    guard fits, var layout = ItemLayout(bytes, itemSpans: itemSpans) else {
      let checked = lint(file: file, layout: nil, read: read)
      return MemoCheck(findings: checked.findings, shape: checked.shape, memo: nil, reused: 0)
    }
    if let memo, memo.context.hasPrefix(FeedCheckMemo.rulesVersion + "\u{0}") {
      layout.take(memo)
      if layout.known > 0, let partial = layout.partial(bytes),
        let checked = reading(partial, file: file, layout: layout, context: memo.context)
      {
        return checked
      }
      // Anything amiss (an item read that is not well-formed, another channel): read it all.
      layout.forgetResults()
    }
    let checked = lint(file: file, layout: layout, read: read)
    return MemoCheck(findings: checked.findings, shape: checked.shape, memo: checked.memo, reused: 0)
  }

  /// The findings of the feed with the items that have a result left out (`partial`), those
  /// results applied in their place; `nil` when anything did not fit, to read the whole feed.
  private func reading(_ partial: Data, file: String, layout: ItemLayout, context: String) -> MemoCheck? {
    let stream = FeedStream(file: file, spans: layout.spans, expectedContext: context)
    guard let prologue = try? XMLStreamReader().read(partial, into: stream), prologue.isUTF8,
      stream.overflowLine == nil, !stream.needsSecondReading
    else { return nil }
    let findings = stream.finish(prologue).filter { profile.applies($0.ruleID) }.sortedForReport()
    guard let memo = stream.memo else { return nil }
    return MemoCheck(findings: findings, shape: stream.shape, memo: memo, reused: layout.known)
  }
}
