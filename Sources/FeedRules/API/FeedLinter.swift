import Diagnostics
import Foundation
import PodiumXML

/// Checks a podcast RSS feed against RSS 2.0, Apple Podcasts and Podcasting 2.0 rules, using
/// only the feed's text: no network, no media probing. Findings never stop the work; they are
/// returned, in document order, for the caller to print or filter.
///
/// The feed is checked as it is read, one item at a time (docs/architecture.md, step 5): memory
/// holds the channel's own elements, one item and what rules keep across items (the GUIDs and
/// enclosure URLs seen), never the whole feed, so a feed of any size can be checked.
///
/// `PodiumXML.XMLDocument` is spelt out because Foundation on macOS has its own `XMLDocument`.
public struct FeedLinter: Sendable {
  /// Feeds larger than this are refused before parsing; `nil`: no limit.
  public let maximumFeedSize: Int?
  public let profile: FeedProfile
  /// The fewest and most bytes of unread items in each chunk when a feed checked with its items'
  /// spans is split, to check the chunks side by side (``inspect(_:file:itemSpans:memo:)``):
  /// fewer than twice the least are read in one go. Tests make them small.
  var chunkBytes: ClosedRange<Int> = (1 << 20)...(2 << 20)
  /// The largest channel (its bytes before the first item and after the last) of a feed that is
  /// split: every chunk reads the channel again, so a feed with a larger one is read in one go
  /// (a chunk of 2 MB then costs at most an eighth more than its items).
  var largestChannelToSplit = 256 << 10

  /// - Parameters:
  ///   - maximumFeedSize: the largest feed, in bytes, that will be read; `nil` for any size.
  ///   - profile: a podcast feed (every rule) or a plain RSS feed (RSS 2.0's rules only).
  public init(maximumFeedSize: Int? = nil, profile: FeedProfile = .podcast) {
    self.maximumFeedSize = maximumFeedSize
    self.profile = profile
  }

  /// Every rule this linter can report, for docs and for turning rules off.
  public static var rules: [Rule] { FeedChecks.rules }

  /// Checks a feed held in memory; a feed that is not well-formed gives one error finding.
  ///
  /// - Parameters:
  ///   - data: the feed's bytes.
  ///   - file: the path or URL that findings should name.
  /// - Returns: the findings, sorted by line.
  public func lint(_ data: Data, file: String) -> [Finding] { inspect(data, file: file).findings }

  /// Checks a feed held in memory, and says what shape it has.
  ///
  /// - Parameters:
  ///   - data: the feed's bytes.
  ///   - file: the path or URL that findings should name.
  /// - Returns: the findings, sorted by line, and the feed's items and enclosures counted.
  public func inspect(_ data: Data, file: String) -> (findings: [Finding], shape: FeedShape) {
    let reader = XMLStreamReader(maximumSize: maximumFeedSize)
    return lint(file: file) { stream throws(XMLParseError) in try reader.read(data, into: stream) }
  }

  /// Checks a feed read from a file in pieces, so that the feed is never in memory whole.
  ///
  /// - Parameters:
  ///   - path: the file to read.
  ///   - file: the path or URL that findings should name.
  /// - Returns: the findings, sorted by line.
  public func lint(contentsOfFile path: String, file: String) -> [Finding] {
    inspect(contentsOfFile: path, file: file).findings
  }

  /// Checks a feed read from a file in pieces, and says what shape it has.
  ///
  /// - Parameters:
  ///   - path: the file to read.
  ///   - file: the path or URL that findings should name.
  /// - Returns: the findings, sorted by line, and the feed's items and enclosures counted.
  public func inspect(contentsOfFile path: String, file: String) -> (findings: [Finding], shape: FeedShape) {
    let reader = XMLStreamReader(maximumSize: maximumFeedSize)
    return lint(file: file) { stream throws(XMLParseError) in try reader.read(contentsOfFile: path, into: stream) }
  }

  /// Checks a feed already parsed.
  ///
  /// - Parameters:
  ///   - document: the parsed feed.
  ///   - file: the path or URL that findings should name.
  /// - Returns: the findings, sorted by line.
  public func lint(_ document: PodiumXML.XMLDocument, file: String) -> [Finding] {
    lint(file: file) { stream in
      document.stream(into: stream)
      return document.prologue
    }.findings
  }

  /// Reads the feed with `read` once, or twice when a channel element comes after an item (see
  /// `FeedStream`), and puts the findings in order.
  private func lint(
    file: String, read: (FeedStream) throws(XMLParseError) -> XMLPrologue
  ) -> (findings: [Finding], shape: FeedShape) {
    let checked = lint(file: file, layout: nil, read: read)
    return (checked.findings, checked.shape)
  }

  /// The same, keeping each item's result when `layout` gives the items' bytes: the memo is
  /// `nil` when the feed gave none (not well-formed, read twice, not UTF-8, its spans wrong).
  func lint(
    file: String, layout: ItemLayout?, read: (FeedStream) throws(XMLParseError) -> XMLPrologue
  ) -> (findings: [Finding], shape: FeedShape, memo: FeedCheckMemo?) {
    do throws(XMLParseError) {
      var stream = FeedStream(file: file, spans: layout?.spans, memos: layout?.memos ?? [])
      var prologue = try read(stream)
      if let line = stream.overflowLine {
        throw XMLParseError(
          .elementTooLarge(elements: FeedStream.channelElementLimit, textBytes: XMLStreamReader.maximumTextInPiece),
          line: line)
      }
      if stream.needsSecondReading, let feed = stream.wholeFeed {
        stream = FeedStream(file: file, knownFeed: feed)
        prologue = try read(stream)
      }
      let findings = stream.finish(prologue).filter { profile.applies($0.ruleID) }.sortedForReport()
      return (findings, stream.shape, prologue.isUTF8 ? stream.takeMemo() : nil)
    } catch {
      return ([ParseErrorFinding.finding(for: error, file: file)], FeedShape(), nil)
    }
  }
}

extension XMLPrologue {
  /// Declared as UTF-8, or not declared (XML's default): the encoding whose line breaks an item's
  /// bytes show (``ItemLayout``).
  var isUTF8: Bool { declaredEncoding.map { $0.uppercased() == "UTF-8" } ?? true }
}
