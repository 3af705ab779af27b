import Catalogue
@testable import FeedWriter
import Foundation
import PodiumTestSupport
import ShowNotes
import Testing

/// The feed's items are written on every core in runs, a batch of runs at a time; the bytes must
/// be those of one writer, across run and batch boundaries alike.
@Suite struct ParallelItemsTests {
  @Test func runsAndBatchesGiveTheBytesOfOneWriter() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode()
    let catalogue = try #require(CatalogueLoader(root: fixture.catalogue).load().catalogue)
    let show = try #require(catalogue.shows.first)
    let template = try #require(show.episodes.first)
    // 1,100 episodes: eight full runs of 128 make a batch, and a second batch ends in a partial run.
    let episodes = (0..<1_100).map { index in
      var episode = template
      episode.guid = "guid-\(index)"
      episode.title = "Aflevering \(index) & <meer>"
      episode.date = Timestamp.parse("2024-03-14T09:00:00+01:00")!
      episode.media?.reference = .local(path: "media/\(index).mp3")
      return FeedEpisode(episode: episode, notes: RenderedNotes(html: "<p>Notities \(index) &amp; meer</p>", removals: []))
    }
    var pieced = PodcastFeedWriter(catalogue: catalogue, show: show, podcastGUID: "g")
    var whole = pieced
    whole.itemsPerRun = Int.max / 2
    whole.runsPerBatch = 1
    pieced.itemsPerRun = 128
    pieced.runsPerBatch = 8
    let expected = try whole.write(episodes)
    #expect(try pieced.write(episodes) == expected)
    var small = pieced
    (small.itemsPerRun, small.runsPerBatch) = (3, 2)
    #expect(try small.write(episodes) == expected)
    #expect(try FeedReader(expected).items.count == 1_100)
  }

  /// A podcast show's notes are rendered as its items are written: the same bytes as notes
  /// rendered beforehand, and every removal reported against its episode.
  @Test func notesRenderedWhileWritingGiveTheSameFeed() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode()
    let catalogue = try #require(CatalogueLoader(root: fixture.catalogue).load().catalogue)
    let show = try #require(catalogue.shows.first)
    let template = try #require(show.episodes.first)
    let episodes = (0..<300).map { index in
      var episode = template
      episode.guid = "guid-\(index)"
      episode.media?.reference = .local(path: "media/\(index).mp3")
      episode.notes = index % 100 == 7 ? "Tekst <script>alert(\(index))</script> **vet**" : "Notities *\(index)* & meer"
      return episode
    }
    let renderer = ShowNotesRenderer()
    var writer = PodcastFeedWriter(catalogue: catalogue, show: show, podcastGUID: "g")
    (writer.itemsPerRun, writer.runsPerBatch) = (16, 4)
    let prepared = episodes.map { FeedEpisode(episode: $0, notes: renderer.render(markdown: $0.notes)) }
    let streamed = try writer.write(episodes, renderer: renderer)
    #expect(streamed.data == (try writer.write(prepared)))
    #expect(streamed.removals.map(\.episode) == [7, 107, 207])
    #expect(streamed.removals.allSatisfy { $0.removals == prepared[$0.episode].notes.removals && !$0.removals.isEmpty })
    // Into a file as it goes: the same bytes, none of them returned.
    let folder = try TemporaryFolder()
    let path = folder.url.appendingPathComponent("feed.xml").path
    let filed = try writer.write(episodes, renderer: renderer, toFileAt: path)
    #expect(filed.data.isEmpty && filed.byteCount == streamed.data.count)
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == streamed.data)
    #expect(filed.removals.map(\.episode) == [7, 107, 207])
  }

  /// The fixture's show with `count` copies of its episode, each with its own GUID, file, date,
  /// media and `notes`.
  static func show(of count: Int, notes: (Int) -> String) throws -> (Catalogue, Show) {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode()
    let catalogue = try #require(CatalogueLoader(root: fixture.catalogue).load().catalogue)
    var show = try #require(catalogue.shows.first)
    let template = try #require(show.episodes.first)
    show.episodes = (0..<count).map { index in
      var episode = template
      episode.guid = "guid-\(index)"
      episode.file = "gesprekken/\(index).md"
      episode.date = Timestamp(seconds: 1_700_000_000 + Int64(index) * 86_400, offset: 3600)
      episode.media?.reference = .local(path: "media/\(index).mp3")
      episode.notes = notes(index)
      return episode
    }
    return (catalogue, show)
  }

  /// Each item's bytes are where ``FeedSourceMap/itemBytes`` says, whole (indentation to line
  /// feed) and one after the other, across runs and batches.
  @Test(arguments: [(16, 4), (3, 2), (128, 8)])
  func itemBytesAreWhereEachItemIs(itemsPerRun: Int, runsPerBatch: Int) throws {
    let (catalogue, show) = try Self.show(of: 300) { "Notities *\($0)* & meer" }
    var writer = PodcastFeedWriter(catalogue: catalogue, show: show, podcastGUID: "g")
    (writer.itemsPerRun, writer.runsPerBatch) = (itemsPerRun, runsPerBatch)
    let order = PodcastFeedWriter.order(of: show.episodes)
    let renderer = ShowNotesRenderer()
    let feed = try writer.write(order) { renderer.render(markdown: $0.notes) }
    let ranges = feed.sourceMap.itemBytes
    #expect(ranges.count == 300)
    for (position, range) in ranges.enumerated() {
      let item = String(decoding: feed.data[range], as: UTF8.self)
      #expect(item.hasPrefix("    <item>\n") && item.hasSuffix("</item>\n") && item.contains("guid-\(order[position])<"))
      if position > 0 { #expect(range.lowerBound == ranges[position - 1].upperBound) }
    }
  }

  /// An item copied from an earlier feed (its ``FeedSourceMap/itemBytes`` and marks) gives the
  /// feed the bytes, source map and removals of writing it again, wherever it lands in a run.
  @Test(arguments: [(16, 4), (3, 2), (128, 8)])
  func itemsCopiedFromAnEarlierFeedGiveTheBytesOfWritingThem(itemsPerRun: Int, runsPerBatch: Int) throws {
    let (catalogue, show) = try Self.show(of: 300) { index in
      index % 50 == 7 ? "Tekst <script>alert(\(index))</script> **vet**" : "Notities *\(index)* & meer"
    }
    let renderer = ShowNotesRenderer()
    var writer = PodcastFeedWriter(catalogue: catalogue, show: show, podcastGUID: "g")
    (writer.itemsPerRun, writer.runsPerBatch) = (itemsPerRun, runsPerBatch)
    let order = PodcastFeedWriter.order(of: show.episodes)
    let first = try writer.write(order) { renderer.render(markdown: $0.notes) }
    let map = first.sourceMap
    #expect(map.itemCount == 300)
    // Copied: every item but every third, and a stretch at a run's start.
    let copied = Dictionary(uniqueKeysWithValues: order.enumerated().compactMap { position, index in
      position % 3 == 0 && !(17..<40).contains(position) ? nil : (index, position)
    })
    let removals = Dictionary(uniqueKeysWithValues: first.removals.map { ($0.episode, $0.removals) })
    let rendered = LockedCounter()
    let second = try writer.write(
      order,
      copying: { index in
        copied[index].map {
          PodcastFeedWriter.CopiedItem(
            bytes: first.data[map.itemBytes[$0]], marks: map.marks(ofItem: $0), removals: removals[index] ?? [])
        }
      },
      notes: { episode in
        rendered.add()
        return renderer.render(markdown: episode.notes)
      })
    #expect(second.data == first.data)
    #expect(rendered.value == 300 - copied.count)
    #expect(second.sourceMap.itemBytes == map.itemBytes)
    #expect(second.removals.map(\.episode) == first.removals.map(\.episode))
    #expect(second.removals.map(\.removals) == first.removals.map(\.removals))
    let lines = first.data.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
    for line in 1...lines {
      #expect(second.sourceMap.location(ofLine: line) == map.location(ofLine: line), "line \(line)")
    }
  }
}

/// Counts calls made on several cores.
final class LockedCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var count = 0
  func add() { lock.withLock { count += 1 } }
  var value: Int { lock.withLock { count } }
}
