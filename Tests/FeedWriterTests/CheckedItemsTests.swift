import Catalogue
@testable import FeedRules
@testable import FeedWriter
import Foundation
import PodiumTestSupport
import ShowNotes
import Testing

/// The items a feed writer checks from its own events as it writes them
/// (``PodcastFeedWriter/checksItems``) have the results a parse of the feed gives them: the feed
/// check that takes them finds exactly what checking the whole feed finds, and keeps the same memo.
@Suite struct CheckedItemsTests {
  static let hostile = [
    "a & b <b>bold</b> ]]> end", "cr\rreturn\r\n", "😀 𝄞 e\u{301}", "&amp; &#38; &lt;", "\t tabs \t", "\u{85}\u{2028}",
    " spaced ", "]]]]>>",
  ]

  /// A show of `count` episodes with hostile titles and notes, some sharing a GUID or a date.
  static func show(of count: Int) throws -> (Catalogue, Show) {
    let (catalogue, shown) = try ParallelItemsTests.show(of: count) { index in
      "Notes \(hostile[index % hostile.count]) *\(index)*" + (index % 40 == 3 ? " <script>x</script>" : "")
    }
    var show = shown
    for index in show.episodes.indices {
      show.episodes[index].title = "Episode \(index) \(hostile[(index + 3) % hostile.count])"
      if index % 37 == 5 { show.episodes[index].guid = "guid-shared" }
    }
    return (catalogue, show)
  }

  @Test(arguments: [(16, 4), (3, 2), (128, 8)])
  func itemsCheckedAsWrittenGiveTheFindingsOfTheWholeFeed(itemsPerRun: Int, runsPerBatch: Int) throws {
    let (catalogue, show) = try Self.show(of: 300)
    var writer = PodcastFeedWriter(catalogue: catalogue, show: show, podcastGUID: "g")
    (writer.itemsPerRun, writer.runsPerBatch, writer.checksItems) = (itemsPerRun, runsPerBatch, true)
    let order = PodcastFeedWriter.order(of: show.episodes)
    let renderer = ShowNotesRenderer()
    let feed = try writer.write(order) { renderer.render(markdown: $0.notes) }
    var plain = writer
    plain.checksItems = false
    #expect(try plain.write(order) { renderer.render(markdown: $0.notes) }.data == feed.data)
    #expect(feed.checkedItems.reduce(0) { $0 + $1.memo.count } == 300)
    let spans = feed.sourceMap.itemBytes
    let parsed = FeedLinter().inspect(feed.data, file: "feed.xml", itemSpans: spans, memo: nil)
    let written = FeedLinter().inspect(feed.data, file: "feed.xml", itemSpans: spans, memo: nil, written: feed.checkedItems)
    #expect(written.fromWriter == 300)
    #expect(written.findings == parsed.findings)
    #expect(written.findings == FeedLinter().lint(feed.data, file: "feed.xml"))
    #expect(!written.findings.isEmpty)
    #expect(written.memo == parsed.memo)
  }

  /// Items copied from an earlier feed are not checked by the writer: the last check's memo gives
  /// theirs, and the findings are still those of the whole feed.
  @Test func copiedItemsTakeTheLastMemo() throws {
    let (catalogue, show) = try Self.show(of: 200)
    var writer = PodcastFeedWriter(catalogue: catalogue, show: show, podcastGUID: "g")
    (writer.itemsPerRun, writer.runsPerBatch, writer.checksItems) = (16, 2, true)
    let order = PodcastFeedWriter.order(of: show.episodes)
    let renderer = ShowNotesRenderer()
    let first = try writer.write(order) { renderer.render(markdown: $0.notes) }
    let map = first.sourceMap
    let last = try #require(
      FeedLinter().inspect(first.data, file: "feed.xml", itemSpans: map.itemBytes, memo: nil, written: first.checkedItems).memo)
    let second = try writer.write(
      order,
      copying: { index in
        guard index % 3 != 0, let position = order.firstIndex(of: index) else { return nil }
        return PodcastFeedWriter.CopiedItem(bytes: first.data[map.itemBytes[position]], marks: map.marks(ofItem: position), removals: [])
      },
      notes: { renderer.render(markdown: $0.notes) })
    #expect(second.data == first.data)
    let spans = second.sourceMap.itemBytes
    let checked = FeedLinter().inspect(
      second.data, file: "feed.xml", itemSpans: spans, memo: last, written: second.checkedItems)
    #expect(checked.fromWriter == second.checkedItems.reduce(0) { $0 + $1.memo.count })
    #expect(checked.fromWriter > 0 && checked.fromWriter < 200)
    #expect(checked.reused == 200 - checked.fromWriter)
    #expect(checked.findings == FeedLinter().lint(second.data, file: "feed.xml"))
    #expect(checked.memo == last)
  }
}
