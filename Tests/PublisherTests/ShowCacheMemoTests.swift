import Catalogue
import FeedRules
import Foundation
import PodiumTestSupport
import Testing

@testable import Publisher

/// The per-show layer keeps each checked feed's memo (``FeedCheckMemo``) for the next build's
/// check, whatever the show's key; a record of another Podium, or one that can't be read, gives none.
@Suite struct ShowCacheMemoTests {
  static let feed = """
    <?xml version="1.0" encoding="UTF-8"?>
    <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
      <channel>
        <title>Memo</title>
        <item>
          <title>One</title>
          <guid isPermaLink="false">one</guid>
        </item>
        <item>
          <title>Two</title>
          <guid isPermaLink="false">one</guid>
        </item>
      </channel>
    </rss>
    """

  /// The feed's items, from `<item>` to `</item>`: the test's own feed, whose items it knows.
  static var spans: [Range<Int>] {
    let bytes = Array(feed.utf8)
    let open = Array("<item>".utf8)
    let close = Array("</item>".utf8)
    var spans: [Range<Int>] = []
    var index = 0
    while index + open.count <= bytes.count {
      guard bytes[index..<index + open.count].elementsEqual(open) else {
        index += 1
        continue
      }
      var end = index
      while !bytes[end..<end + close.count].elementsEqual(close) { end += 1 }
      spans.append(index..<end + close.count)
      index = end + close.count
    }
    return spans
  }

  static func showCache(in folder: TemporaryFolder, podium: String) -> (ShowCache, BuildCache) {
    let cache = BuildCache(folder: folder.url.appendingPathComponent(".feeds.podium-cache"), podiumIdentity: podium)
    let episodes = EpisodeCache(cache: cache, catalogue: folder.url.appendingPathComponent("episodes"), stamps: CatalogueStamps([]))
    let shows = ShowCache(
      cache: cache, episodes: episodes, catalogue: folder.url.appendingPathComponent("episodes"),
      output: folder.url.appendingPathComponent("feeds"), options: BuildOptions(now: Timestamp.parse("2030-01-01T00:00:00Z")!))
    return (shows, cache)
  }

  @Test func aStoredMemoIsTakenBackAndADamagedOrForeignOneIsNot() throws {
    let folder = try TemporaryFolder()
    let checked = FeedLinter().inspect(Data(Self.feed.utf8), file: "feeds/memo/feed.xml", itemSpans: Self.spans, memo: nil)
    #expect(checked.findings.map(\.ruleID).contains("RSS-GUID-UNIQUE"))
    let memo = try #require(checked.memo)
    #expect(memo.count == 2)
    let (shows, cache) = Self.showCache(in: folder, podium: "podium 1")
    let record = ShowCache.Record(
      format: ShowCache.format, podium: cache.podiumIdentity, key: "an older key", files: [], rendered: [],
      checked: [
        ShowCache.Checked(
          path: "memo/feed.xml", file: "feeds/memo/feed.xml", size: Self.feed.utf8.count, preview: false,
          findings: checked.findings, memo: memo)
      ])
    shows.store(["memo": record], keeping: [], cache: cache)
    #expect(shows.memo(for: "memo/feed.xml") == memo)
    #expect(shows.memo(for: "memo/other.xml") == nil)
    #expect(shows.memo(for: "other/feed.xml") == nil)
    #expect(Self.showCache(in: folder, podium: "podium 2").0.memo(for: "memo/feed.xml") == nil)

    let file = cache.folder.appendingPathComponent("\(ShowCache.folderName)/memo")
    let stored = try Data(contentsOf: file)
    try stored.prefix(stored.count / 2).write(to: file)
    #expect(shows.memo(for: "memo/feed.xml") == nil)
    // A changed byte anywhere: no record, or a memo that gives no item's result.
    for position in stride(from: 0, to: stored.count, by: max(1, stored.count / 40)) {
      var damaged = stored
      damaged[position] ^= 0x5A
      try damaged.write(to: file)
      let read = shows.memo(for: "memo/feed.xml")
      #expect(read == nil || read == memo || read?.count == 0)
      if let read {
        let again = FeedLinter().inspect(Data(Self.feed.utf8), file: "feeds/memo/feed.xml", itemSpans: Self.spans, memo: read)
        #expect(again.findings == checked.findings)
      }
    }
  }
}
