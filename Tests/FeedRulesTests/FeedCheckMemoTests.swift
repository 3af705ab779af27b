import Diagnostics
@testable import FeedRules
import Foundation
import PodiumTestSupport
import Testing

/// A check that takes unchanged items' results from the last check's memo gives exactly the
/// findings of checking the whole feed: the same ids, lines, wording, order, caps and counts.
@Suite struct FeedCheckMemoTests {
  typealias Element = SpannedFeed.Element

  /// One change to a feed that was checked before, and how many of its items the memo must give.
  struct Change: Sendable, CustomTestStringConvertible {
    let name: String
    let before: SpannedFeed
    let after: SpannedFeed
    /// The items whose results the memo must give (`nil`: whatever it can).
    let reused: Int?

    var testDescription: String { name }
  }

  static let base = SpannedFeed(channel: SpannedFeed.validChannel, items: (1...30).map(SpannedFeed.validItem))

  static func changed(_ name: String, reused: Int?, from before: SpannedFeed = base, _ edit: (inout SpannedFeed) -> Void)
    -> Change
  {
    var after = before
    edit(&after)
    return Change(name: name, before: before, after: after, reused: reused)
  }

  static func guid(_ value: String) -> Element { Element("guid", value, ["isPermaLink": "false"]) }
  static func enclosure(_ url: String) -> Element {
    Element("enclosure", nil, ["url": url, "length": "1000", "type": "audio/mpeg"])
  }

  /// The base with items 4 and 20 sharing a GUID, and items 6 and 25 an enclosure URL.
  static let duplicates = changed("", reused: nil) { feed in
    feed.items[19] = feed.items[19].setting("guid", guid("urn:uuid:00000000-0000-4000-8000-000000000004"))
    feed.items[24] = feed.items[24].setting("enclosure", enclosure("https://cdn.example.com/6.mp3"))
  }.after

  /// 150 items, each without a duration: APPLE-ITEM-DURATION goes over its cap of 100.
  static let overCap = SpannedFeed(
    channel: SpannedFeed.validChannel, items: (1...150).map { SpannedFeed.validItem($0).setting("itunes:duration", nil) })

  static let changes: [Change] = [
    changed("nothing changed", reused: 30) { _ in },
    changed("one title edited", reused: 29) { $0.items[10] = $0.items[10].setting("title", Element("title", "New")) },
    changed("a line added to an early item shifts every later one", reused: 29) {
      $0.items[1].append(Element("itunes:season", "2"))
    },
    changed("a new first item", reused: 30) { $0.items.insert(SpannedFeed.validItem(0), at: 0) },
    changed("an item removed", reused: 29) { $0.items.remove(at: 12) },
    changed("two items swapped", reused: 30) { $0.items.swapAt(3, 17) },
    changed("a new item repeats a reused item's GUID", reused: 30) {
      $0.items.insert(SpannedFeed.validItem(0).setting("guid", guid("urn:uuid:00000000-0000-4000-8000-000000000007")), at: 0)
    },
    changed("an edited item takes a later reused item's GUID", reused: 29) {
      $0.items[2] = $0.items[2].setting("guid", guid("urn:uuid:00000000-0000-4000-8000-000000000009"))
    },
    changed("an edited item takes an earlier reused item's enclosure", reused: 29) {
      $0.items[15] = $0.items[15].setting("enclosure", enclosure("https://cdn.example.com/3.mp3"))
    },
    changed("the first of two duplicate GUIDs changed: the reused second is no longer one", reused: 29, from: duplicates) {
      $0.items[3] = $0.items[3].setting("guid", guid("urn:uuid:fresh"))
    },
    changed("the first of two duplicate enclosures changed", reused: 29, from: duplicates) {
      $0.items[5] = $0.items[5].setting("enclosure", enclosure("https://cdn.example.com/fresh.mp3"))
    },
    changed("the first of two duplicates moved by a line: the reused second names its new line", reused: 29, from: duplicates) {
      $0.items[3].insert(Element("itunes:season", "1"), at: 0)
    },
    changed("a new item breaks the date order", reused: 30) {
      $0.items.insert(SpannedFeed.validItem(40).setting("pubDate", Element("pubDate", SpannedFeed.date(daysBefore: -5))), at: 8)
    },
    changed("an earlier break of the date order hides a reused one", reused: 29, from: outOfOrder) {
      $0.items[2] = $0.items[2].setting("pubDate", Element("pubDate", SpannedFeed.date(daysBefore: -9)))
    },
    changed("the break of the date order mended", reused: 29, from: outOfOrder) {
      $0.items[20] = $0.items[20].setting("pubDate", Element("pubDate", SpannedFeed.date(daysBefore: 21)))
    },
    changed("an item under the cap fixed: one over it is listed", reused: 149, from: overCap) {
      $0.items[4] = SpannedFeed.validItem(5)
    },
    changed("an item over the cap fixed: fewer counted", reused: 149, from: overCap) {
      $0.items[140] = SpannedFeed.validItem(141)
    },
    changed("a new item under the cap", reused: 150, from: overCap) {
      $0.items.insert(SpannedFeed.validItem(0).setting("itunes:duration", nil), at: 0)
    },
    changed("a deprecated tag and an unknown podcast tag in an item, reported once", reused: 29, from: onceEach) {
      $0.items[1].append(Element("itunes:keywords", "a, b"))
      $0.items[1].append(Element("podcast:nonsense", "x"))
    },
    changed("the channel takes the deprecated tag first", reused: 30, from: onceEach) {
      $0.channel.append(Element("itunes:keywords", "show"))
    },
    changed("an undeclared prefix in an edited item, and in reused ones", reused: 29, from: onceEach) {
      $0.items[0].append(Element("undeclared:thing", "x"))
    },
    changed("findings in the channel", reused: 30) {
      $0.channel = $0.channel.filter { $0.name != "itunes:category" && $0.name != "itunes:author" }
      $0.channel.append(Element("lastBuildDate", "yesterday"))
      $0.channel.append(Element("itunes:title", " padded "))
    },
    changed("the channel's language removed: every item read again", reused: 0) {
      $0.channel = $0.channel.filter { $0.name != "language" }
    },
    changed("a serial show: every item read again", reused: 0) {
      $0.channel.append(Element("itunes:type", "serial"))
    },
    changed("a channel element after the items: read whole", reused: 0) {
      $0.items[29].append(Element("title", "twice"))
      $0.trailing = [Element("generator", "x")]
    },
  ]

  /// Item 21 newer than item 20; items 6 and 9 carry tags reported once per feed.
  static let outOfOrder = changed("", reused: nil) {
    $0.items[20] = $0.items[20].setting("pubDate", Element("pubDate", SpannedFeed.date(daysBefore: -3)))
  }.after

  static let onceEach = changed("", reused: nil) {
    $0.items[5].append(Element("itunes:keywords", "x"))
    $0.items[8].append(Element("podcast:nonsense", "y"))
    $0.items[8].append(Element("undeclared:thing", "z"))
    $0.items[9].append(Element("undeclared:other", "z"))
  }.after

  @Test(arguments: changes)
  func aChangeChecksAsTheWholeFeed(change: Change) throws {
    let first = try Self.check(change.before, memo: nil)
    let memo = try #require(first.memo)
    let second = try Self.check(change.after, memo: memo)
    if let reused = change.reused { #expect(second.reused == reused) }
  }

  /// Checks `feed` with `memo` and on its own, expects the same findings as `lint` gives, and
  /// the same memo either way; returns the check with the memo.
  @discardableResult
  static func check(_ feed: SpannedFeed, memo: FeedCheckMemo?, sourceLocation: Testing.SourceLocation = #_sourceLocation)
    throws -> FeedLinter.MemoCheck
  {
    let (data, spans) = try feed.written()
    let linter = FeedLinter()
    let whole = linter.inspect(data, file: "feed.xml")
    let fresh = linter.inspect(data, file: "feed.xml", itemSpans: spans, memo: nil)
    let checked = linter.inspect(data, file: "feed.xml", itemSpans: spans, memo: memo)
    #expect(fresh.findings == whole.findings, sourceLocation: sourceLocation)
    #expect(checked.findings == whole.findings, sourceLocation: sourceLocation)
    #expect(checked.shape == whole.shape, sourceLocation: sourceLocation)
    #expect(fresh.reused == 0, sourceLocation: sourceLocation)
    #expect(checked.memo == fresh.memo, sourceLocation: sourceLocation)
    // Checked in chunks side by side (one item each, and a few), with and without the memo: the same again.
    for most in [1, 3_000] {
      var chunked = FeedLinter()
      chunked.chunkBytes = 1...most
      for (memo, expected) in [(nil, fresh), (memo, checked)] {
        let inChunks = chunked.inspect(data, file: "feed.xml", itemSpans: spans, memo: memo)
        #expect(inChunks.findings == whole.findings, sourceLocation: sourceLocation)
        #expect(inChunks.shape == whole.shape, sourceLocation: sourceLocation)
        #expect(inChunks.memo == fresh.memo, sourceLocation: sourceLocation)
        #expect(inChunks.reused == expected.reused, sourceLocation: sourceLocation)
      }
    }
    return checked
  }

  /// The chunks are really checked apart: each item on its own, a few together, or (a small
  /// feed, by default) all in one go.
  @Test(arguments: [(1...1, 30...30), (1...3_000, 2...29), (FeedLinter().chunkBytes, 1...1)])
  func itemsAreCheckedInChunks(bytes: ClosedRange<Int>, chunks: ClosedRange<Int>) throws {
    let (data, spans) = try Self.duplicates.written()
    var linter = FeedLinter()
    linter.chunkBytes = bytes
    let checked = linter.inspect(data, file: "feed.xml", itemSpans: spans, memo: nil)
    #expect(chunks.contains(checked.chunks))
    #expect(checked.findings == FeedLinter().lint(data, file: "feed.xml"))
    // With a memo, only the items it has no result for are split.
    let memo = try #require(checked.memo)
    var after = Self.duplicates
    after.items[3] = after.items[3].setting("title", Element("title", "Edited"))
    let (edited, editedSpans) = try after.written()
    let again = linter.inspect(edited, file: "feed.xml", itemSpans: editedSpans, memo: memo)
    #expect(again.chunks == 1)
    #expect(again.reused == 29)
    #expect(again.findings == FeedLinter().lint(edited, file: "feed.xml"))
  }

  /// A feed of a few megabytes is split as it comes (the build's case), and checks as in one go:
  /// the same findings as `lint`, the same memo as a check in one piece.
  @Test func aLargeFeedIsCheckedInChunks() throws {
    var feed = SpannedFeed(
      channel: SpannedFeed.validChannel,
      items: (1...2_000).map { SpannedFeed.validItem($0) + [Element("description", String(repeating: "Notes. ", count: 150))] })
    feed.items[1_500] = feed.items[1_500].setting("guid", Self.guid("urn:uuid:00000000-0000-4000-8000-000000000004"))
    feed.items[1_800] = feed.items[1_800].setting("itunes:duration", nil)
    let (data, spans) = try feed.written()
    #expect(data.count > 2 << 20)
    let checked = FeedLinter().inspect(data, file: "feed.xml", itemSpans: spans, memo: nil)
    var inOnePiece = FeedLinter()
    inOnePiece.chunkBytes = Int.max...Int.max
    let whole = inOnePiece.inspect(data, file: "feed.xml", itemSpans: spans, memo: nil)
    #expect(checked.chunks > 1)
    #expect(whole.chunks == 1)
    #expect(checked.findings == FeedLinter().lint(data, file: "feed.xml"))
    #expect(checked.findings.map(\.ruleID).contains("RSS-GUID-UNIQUE"))
    #expect(checked.memo == whole.memo)
    #expect(checked.memo != nil)
  }

  /// A feed whose channel is larger than the most a split feed may have is read in one go (each
  /// chunk would read the channel again), with the same findings and memo as when it is split.
  @Test func aFeedWithALargeChannelIsNotSplit() throws {
    let (data, spans) = try Self.duplicates.written()
    var split = FeedLinter()
    split.chunkBytes = 1...1
    var largeChannel = split
    largeChannel.largestChannelToSplit = 10
    let chunked = split.inspect(data, file: "feed.xml", itemSpans: spans, memo: nil)
    let whole = largeChannel.inspect(data, file: "feed.xml", itemSpans: spans, memo: nil)
    #expect(chunked.chunks == 30)
    #expect(whole.chunks == 1)
    #expect(whole.findings == chunked.findings)
    #expect(whole.findings == FeedLinter().lint(data, file: "feed.xml"))
    #expect(whole.memo == chunked.memo)
  }

  /// An item that is not well-formed in one chunk, or a channel element after the items, which
  /// no chunk can place: the feed is read whole, with the same findings as `lint`.
  @Test func aChunkThatCantBeReadReadsTheWholeFeed() throws {
    var linter = FeedLinter()
    linter.chunkBytes = 1...1
    var trailing = Self.base
    trailing.trailing = [Element("generator", "x")]
    let (data, spans) = try trailing.written()
    let checked = linter.inspect(data, file: "feed.xml", itemSpans: spans, memo: nil)
    #expect(checked.findings == FeedLinter().lint(data, file: "feed.xml"))
    #expect(checked.memo == nil)
    let (good, goodSpans) = try Self.base.written()
    var broken = good
    let at = try #require(broken.range(of: Data("</title>".utf8), in: goodSpans[17]))
    broken.replaceSubrange(at, with: Data("</titel>".utf8))
    let read = linter.inspect(broken, file: "feed.xml", itemSpans: goodSpans, memo: nil)
    #expect(read.findings == FeedLinter().lint(broken, file: "feed.xml"))
    #expect(read.findings.contains { $0.severity == .error })
    #expect(read.memo == nil)
  }

  @Test func theCapTableHasWhatItClaims() throws {
    let findings = try Self.check(Self.overCap, memo: nil).findings.filter { $0.ruleID == "APPLE-ITEM-DURATION" }
    #expect(findings.count == 101)
    #expect(findings.last?.message.hasPrefix("50 more findings") == true)
  }

  @Test func theDuplicatesAndTheOrderAreFound() throws {
    let duplicates = try Self.check(Self.duplicates, memo: nil).findings.map(\.ruleID)
    #expect(duplicates.contains("RSS-GUID-UNIQUE") && duplicates.contains("APPLE-ITEM-ENCLOSURE"))
    #expect(try Self.check(Self.outOfOrder, memo: nil).findings.map(\.ruleID).contains("RSS-ITEM-ORDER"))
  }

  /// Spans that don't fit the feed are found out: the feed is read whole, with no memo.
  @Test(arguments: [-1, 1])
  func spansThatDontFitReadTheWholeFeed(shift: Int) throws {
    let (data, spans) = try Self.base.written()
    let memo = try #require(FeedLinter().inspect(data, file: "feed.xml", itemSpans: spans, memo: nil).memo)
    let wrong = spans.map { ($0.lowerBound + shift)..<($0.upperBound + shift) }
    let checked = FeedLinter().inspect(data, file: "feed.xml", itemSpans: wrong, memo: memo)
    #expect(checked.findings == FeedLinter().lint(data, file: "feed.xml"))
    #expect(checked.memo == nil)
    #expect(checked.reused == 0)
  }

  /// Spans that skip an item, or cover two as one, don't give another item's result.
  @Test func spansThatMissAnItemReadTheWholeFeed() throws {
    let (data, spans) = try Self.duplicates.written()
    let memo = try #require(FeedLinter().inspect(data, file: "feed.xml", itemSpans: spans, memo: nil).memo)
    for wrong in [Array(spans.dropFirst(3)), [spans[0].lowerBound..<spans[1].upperBound] + spans.dropFirst(2)] {
      let checked = FeedLinter().inspect(data, file: "feed.xml", itemSpans: wrong, memo: memo)
      #expect(checked.findings == FeedLinter().lint(data, file: "feed.xml"))
      #expect(checked.memo == nil)
    }
  }

  /// A memo of another feed gives nothing that isn't this feed's; one of an item that is not
  /// well-formed any more gives way to the error.
  @Test func aForeignMemoChangesNoFinding() throws {
    let other = try #require(try Self.check(Self.overCap, memo: nil).memo)
    try Self.check(Self.duplicates, memo: other)
    var broken = Self.base
    broken.namespaces.removeAll { $0.prefix == "itunes" }
    try Self.check(broken, memo: try Self.check(Self.base, memo: nil).memo)
  }

  /// A memo stored and read back is the same memo; one damaged or cut short reads as an empty
  /// memo, which gives no item's result.
  @Test func aStoredMemoReadsBackOrNotAtAll() throws {
    let memo = try #require(try Self.check(Self.onceEach, memo: nil).memo)
    let stored = try JSONEncoder().encode(memo)
    #expect(try JSONDecoder().decode(FeedCheckMemo.self, from: stored) == memo)
    var bytes = try JSONDecoder().decode([UInt8].self, from: stored)
    for damaged in [Array(bytes.dropLast(5)), [UInt8](repeating: 0xFF, count: 40), []] {
      let read = try JSONDecoder().decode(FeedCheckMemo.self, from: try JSONEncoder().encode(damaged))
      #expect(read.count == 0)
      #expect(try Self.check(Self.onceEach, memo: read).reused == 0)
    }
    bytes[bytes.count / 2] ^= 0x55
    let flipped = try JSONDecoder().decode(FeedCheckMemo.self, from: try JSONEncoder().encode(bytes))
    try Self.check(Self.onceEach, memo: flipped)
  }

  /// The feed read from a file, in pieces: the same findings and memo as from memory.
  @Test func aFeedOnDiskChecksAsInMemory() throws {
    let folder = try TemporaryFolder()
    let first = try Self.check(Self.duplicates, memo: nil)
    var after = Self.duplicates
    after.items[3] = after.items[3].setting("title", Element("title", "Edited"))
    let (data, spans) = try after.written()
    let file = try folder.write("feed.xml", data)
    let fromDisk = FeedLinter().inspect(
      contentsOfFile: file.path, file: "feed.xml", itemSpans: spans, memo: first.memo)
    let inMemory = FeedLinter().inspect(data, file: "feed.xml", itemSpans: spans, memo: first.memo)
    #expect(fromDisk.findings == inMemory.findings)
    #expect(fromDisk.memo == inMemory.memo)
    #expect(fromDisk.reused == 29)
  }

  /// Generated feeds, changed at random again and again: each check with the last memo gives
  /// what checking the whole feed gives. The seeds are fixed, so a failure can be repeated.
  @Test(arguments: 1...12)
  func randomChangesCheckAsTheWholeFeed(seed: UInt64) throws {
    var random = SeededRandom(seed: seed)
    var feed = RandomFeed.feed(using: &random)
    var memo = try Self.check(feed, memo: nil).memo
    var reused = 0
    for _ in 0..<8 {
      RandomFeed.change(&feed, using: &random)
      let checked = try Self.check(feed, memo: memo)
      reused += checked.reused
      memo = checked.memo
    }
    #expect(reused > 0)
  }
}
