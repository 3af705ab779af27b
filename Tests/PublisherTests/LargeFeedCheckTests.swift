import Catalogue
import FeedRules
import Foundation
import PodiumTestSupport
import Testing

@testable import Publisher

/// A podcast feed is checked as soon as it is written, unless it has more items than
/// ``OutputRenderer/itemsCheckedAtOnce``: then at the check step, its items' results from the
/// writer kept out of memory until then (docs/architecture.md, steps 4 and 5). Both ways give the
/// same output, findings and stored memos, from scratch and in a rebuild that takes the memos.
@Suite struct LargeFeedCheckTests {
  /// Builds the catalogue into `name/feeds` with its cache beside it, every feed checked as it
  /// is written (`nil`) or every one at the check step (`0`).
  static func build(_ catalogue: URL, into folder: TemporaryFolder, _ name: String, itemsCheckedAtOnce: Int?) throws
    -> (BuildReport, [String: Data])
  {
    let output = folder.url.appendingPathComponent("\(name)/feeds")
    var publisher = Publisher(
      catalogueURL: catalogue, outputURL: output, options: BuildOptions(now: Timestamp.parse("2026-11-27T12:00:00+01:00")!))
    publisher.cache = cache(folder, name)
    publisher.itemsCheckedAtOnce = itemsCheckedAtOnce
    return (try publisher.build(), try TemporaryFolder.snapshot(of: output))
  }

  static func cache(_ folder: TemporaryFolder, _ name: String) -> BuildCache {
    BuildCache(folder: folder.url.appendingPathComponent("\(name)/.feeds.podium-cache"), podiumIdentity: "podium A")
  }

  /// The memo the show cache of `name` holds for each podcast feed written.
  static func memos(_ catalogue: URL, in folder: TemporaryFolder, _ name: String, paths: [String]) -> [String: FeedCheckMemo] {
    let cache = cache(folder, name)
    let episodes = EpisodeCache(cache: cache, catalogue: catalogue, stamps: CatalogueStamps([]))
    let shows = ShowCache(
      cache: cache, episodes: episodes, catalogue: catalogue, output: folder.url.appendingPathComponent("\(name)/feeds"),
      options: BuildOptions(now: Timestamp.parse("2026-11-27T12:00:00+01:00")!))
    var memos: [String: FeedCheckMemo] = [:]
    for path in paths { if let memo = shows.memo(for: path) { memos[path] = memo } }
    return memos
  }

  @Test func aFeedCheckedAtTheCheckStepGivesWhatOneCheckedAsItIsWrittenGives() throws {
    let folder = try TemporaryFolder()
    let catalogue = folder.url.appendingPathComponent("episodes")
    try FileManager.default.copyItem(at: CampaignCatalogueTests.repository.appendingPathComponent("episodes"), to: catalogue)
    let episode = try #require(
      FileManager.default.contentsOfDirectory(atPath: catalogue.appendingPathComponent("gesprekken").path)
        .filter { $0.hasSuffix(".md") }.sorted().first)
    let file = catalogue.appendingPathComponent("gesprekken/\(episode)")
    // From scratch, the build after it (which settles the record), and one after an edited title,
    // which checks the feed again with the last build's memo.
    for round in 0..<3 {
      if round == 2 {
        let text = try String(contentsOf: file, encoding: .utf8)
        let edited = text.split(separator: "\n", omittingEmptySubsequences: false)
          .map { $0.hasPrefix("title: ") ? "title: Een bewerkte titel" : $0 }.joined(separator: "\n")
        #expect(edited != text)
        try edited.write(to: file, atomically: true, encoding: .utf8)
      }
      // A file changed in the clock tick a build reads it in is racy, and no show of it is kept
      // (docs/architecture.md, "The build cache"): the change is made a tick before the builds.
      TreeFingerprint.waitForNextTick()
      let (direct, directFiles) = try Self.build(catalogue, into: folder, "direct", itemsCheckedAtOnce: nil)
      let (late, lateFiles) = try Self.build(catalogue, into: folder, "late", itemsCheckedAtOnce: 0)
      #expect(lateFiles == directFiles)
      #expect(late.findings == direct.findings)
      #expect(late.shows == direct.shows)
      let feeds = direct.written.filter { $0.hasSuffix("/feed.xml") }
      #expect(!feeds.isEmpty)
      let directMemos = Self.memos(catalogue, in: folder, "direct", paths: feeds)
      #expect(!directMemos.isEmpty, "no podcast feed's memo was stored")
      #expect(Self.memos(catalogue, in: folder, "late", paths: feeds) == directMemos)
    }
  }
}
