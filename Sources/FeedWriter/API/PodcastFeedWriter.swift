import Catalogue
import FeedRules
import Foundation
import Identifiers
import Parallel
import PodiumXML
import ShowNotes

/// Writes a show's podcast feed: RSS 2.0 with the itunes, podcast, content and atom namespaces.
/// The output depends only on its input, so the same catalogue always gives the same bytes.
public struct PodcastFeedWriter: Sendable {
  public let catalogue: Catalogue
  public let show: Show
  /// The show's `podcast:guid`, as kept in the publication record.
  public let podcastGUID: String
  /// Where the integrity hashes of local media come from: a build's cache keeps them between
  /// builds, so unchanged media are not read again.
  public let digests: DigestCache

  public init(catalogue: Catalogue, show: Show, podcastGUID: String, digests: DigestCache = DigestCache()) {
    self.catalogue = catalogue
    self.show = show
    self.podcastGUID = podcastGUID
    self.digests = digests
  }

  /// - Parameter published: the published episodes, in feed order (newest first), their notes
  ///   already rendered. Videos that are only on YouTube or Vimeo are left out: an item without
  ///   an enclosure is not an episode to a podcast app.
  public func write(_ published: [FeedEpisode]) throws -> Data { try feed(published).data }

  /// As ``write(_:)``, with the feed's source map.
  public func feed(_ published: [FeedEpisode]) throws -> PodcastFeed {
    try write(
      published.indices.filter { published[$0].episode.media != nil }, newest: { published[$0].episode },
      into: try XMLWriter()
    ) { .write(published[$0]) }
  }

  /// Renders each episode's notes as its item is written, so a large show's notes are never all
  /// in memory at once (25 MB for 10,000 episodes), nor, when written to a file, the feed itself.
  ///
  /// - Parameters:
  ///   - published: the published episodes, in feed order (newest first).
  ///   - path: a file to create and write the feed into as it goes; `nil` keeps it in memory.
  /// - Returns: the feed (no bytes when written to a file), and what the sanitiser removed from
  ///   each episode's notes.
  public func write(_ published: [Episode], renderer: ShowNotesRenderer, toFileAt path: String? = nil) throws
    -> PodcastFeed
  {
    let xml = try path.map { try XMLWriter(creatingFileAt: $0) } ?? XMLWriter()
    return try write(published.indices.filter { published[$0].media != nil }, newest: { published[$0] }, into: xml) {
      .write(FeedEpisode(episode: published[$0], notes: renderer.render(markdown: try published[$0].publishedNotes(in: show))))
    }
  }

  /// Writes the show's own episodes in the order given, without copying them: an `Episode` is
  /// several hundred bytes inline, so every array of a large show's episodes costs tens of MB
  /// (docs/performance.md).
  ///
  /// - Parameters:
  ///   - order: indices into `show.episodes`, in feed order (``order(of:where:)``); episodes
  ///     without media are left out, as in ``write(_:)``.
  ///   - path: a file to create and write the feed into as it goes; `nil` keeps it in memory.
  ///   - notes: an episode's rendered notes, called once per item as it is written, on any core.
  /// - Returns: the feed (no bytes when written to a file), and what the sanitiser removed from
  ///   each episode's notes, by its index in `show.episodes`.
  public func write(
    _ order: [Int], toFileAt path: String? = nil, notes: @Sendable (Episode) throws -> RenderedNotes
  ) throws -> PodcastFeed {
    try write(order, toFileAt: path, copying: { _ in nil }, notes: notes)
  }

  /// An item as an earlier feed of this show had it (its bytes, from ``FeedSourceMap/itemBytes``,
  /// and its marks), for a build whose cache knows that nothing the item depends on changed:
  /// copied into the feed instead of written again, with the same bytes.
  public struct CopiedItem: Sendable {
    public var bytes: Data
    public var marks: FeedSourceMap.ItemMarks
    /// What the sanitiser took out of the episode's notes when the item was written.
    public var removals: [HTMLRemoval]

    public init(bytes: Data, marks: FeedSourceMap.ItemMarks, removals: [HTMLRemoval]) {
      (self.bytes, self.marks, self.removals) = (bytes, marks, removals)
    }
  }

  /// As ``write(_:toFileAt:notes:)``, copying the items `copying` gives.
  ///
  /// - Parameter copying: the item of the episode at an index into `show.episodes` as an earlier
  ///   feed had it, or `nil` to write it; called once per item, on any core, before `notes`.
  public func write(
    _ order: [Int], toFileAt path: String? = nil, copying: @Sendable (Int) -> CopiedItem?,
    notes: @Sendable (Episode) throws -> RenderedNotes
  ) throws -> PodcastFeed {
    let xml = try path.map { try XMLWriter(creatingFileAt: $0) } ?? XMLWriter()
    let episodes = show.episodes
    return try write(order.filter { episodes[$0].media != nil }, newest: { episodes[$0] }, into: xml) { index in
      if let copied = copying(index) { return .copy(copied, file: episodes[index].file) }
      // One copy of the episode, the item's: a copy retains each of its fields.
      let episode = episodes[index]
      return .write(FeedEpisode(episode: episode, notes: try notes(episode)))
    }
  }

  /// An item to write, or to copy from an earlier feed.
  private enum ItemSource {
    case write(FeedEpisode)
    case copy(CopiedItem, file: String)
  }

  /// - Parameters:
  ///   - indices: the items to write, in feed order.
  ///   - item: the episode at an index, ready to write; called once per item, on any core.
  private func write(
    _ indices: [Int], newest: (Int) -> Episode, into xml: XMLWriter, item: @Sendable (Int) throws -> ItemSource
  ) throws -> PodcastFeed {
    try xml.startDocument()
    let check = checksItems ? WrittenFeedCheck() : nil
    if let check { xml.stream(into: check) }
    try xml.startElement("rss")
    try xml.attribute("version", "2.0")
    try xml.attribute("xmlns:itunes", Namespaces.itunes)
    try xml.attribute("xmlns:podcast", Namespaces.podcast)
    try xml.attribute("xmlns:content", Namespaces.content)
    try xml.attribute("xmlns:atom", Namespaces.atom)
    // Only a show with chapters has psc:chapters, and only its feed names their namespace.
    if show.episodes.contains(where: { !Chapter.listed($0.chapters).isEmpty }) {
      try xml.attribute("xmlns:psc", ChapterDialects.pscNamespace)
    }
    try xml.startElement("channel")
    var map = FeedSourceMap(show: show.file)
    // Sized up front, as it would otherwise be copied as it doubles: about ten marks an item.
    map.items.reserveCapacity(indices.count)
    map.marks.reserveCapacity(indices.count * 12)
    var channel = ChannelElements(
      catalogue: catalogue, show: show, podcastGUID: podcastGUID, newest: indices.first.map(newest))
    channel.trailers = indices.compactMap { index in
      let episode = newest(index)
      return episode.type == .trailer ? episode : nil
    }
    map.channel = try channel.write(to: xml)
    // The items are checked from their writers' events when the channel's were those of a parse.
    let itemCheck = try check.flatMap { check in xml.stopStreaming() ? ItemCheck(feed: check, line: try xml.line()) : nil }
    var checked: [WrittenFeedCheck.Run] = []
    let removals = try writeItems(indices, item: item, to: xml, map: &map, check: itemCheck, checked: &checked)
    map.itemsEnd = try xml.line()
    try xml.endElement()
    try xml.endElement()
    let data = try xml.finish()
    return PodcastFeed(data: data, byteCount: xml.byteCount, removals: removals, sourceMap: map, checkedItems: checked)
  }

  /// Checks the items as they are written (``checksItems``): the channel's check, and the line
  /// the first item starts on, which every run's lines are counted from.
  private struct ItemCheck {
    let feed: WrittenFeedCheck
    let line: Int
  }

  /// Writes the items on every core, a run of them per libxml2 writer, and adds them in feed
  /// order: the same bytes as from one writer. A batch of runs at a time, so the feed is not
  /// held twice, once in pieces and once whole. A copied item is a piece of its own, between
  /// the pieces of the items written around it.
  private func writeItems(
    _ indices: [Int], item: @Sendable (Int) throws -> ItemSource, to xml: XMLWriter, map: inout FeedSourceMap,
    check: ItemCheck?, checked: inout [WrittenFeedCheck.Run]
  ) throws -> [PodcastFeed.Removals] {
    let items = ItemElements(catalogue: catalogue, show: show, digests: digests)
    let runs = stride(from: 0, to: indices.count, by: itemsPerRun).map {
      indices[$0..<min($0 + itemsPerRun, indices.count)]
    }
    var removals: [PodcastFeed.Removals] = []
    for batch in stride(from: 0, to: runs.count, by: runsPerBatch) {
      let written = ParallelMap.map(Array(runs[batch..<min(batch + runsPerBatch, runs.count)])) { run in
        Result { try write(run, item: item, with: items, check: check) }
      }
      let pieces = try written.map { try $0.get() }
      var line = try xml.line()
      var byte = xml.byteCount
      for (fragments, _) in pieces {
        for (fragment, sources, memo) in fragments {
          if let memo { checked.append(WrittenFeedCheck.Run(memo: memo, firstItem: map.itemCount)) }
          for source in sources { map.add(source, shiftedBy: line - fragment.firstLine, bytesShiftedBy: byte) }
          line += fragment.lineCount
          byte += fragment.byteCount
        }
      }
      try xml.append(fragments: pieces.flatMap { $0.0.map(\.fragment) }, inside: ["rss", "channel"])
      removals += pieces.flatMap(\.1)
    }
    return removals
  }

  /// One run of items: each stretch of items to write in one fragment, each copied item in one
  /// of its own, with where their items came from (lines and bytes counted in the fragment).
  private func write(
    _ run: ArraySlice<Int>, item: (Int) throws -> ItemSource, with items: ItemElements, check: ItemCheck?
  ) throws -> ([(fragment: XMLFragment, sources: [ItemElements.Sources], memo: FeedCheckMemo?)], [PodcastFeed.Removals]) {
    var fragments: [(fragment: XMLFragment, sources: [ItemElements.Sources], memo: FeedCheckMemo?)] = []
    var removed: [PodcastFeed.Removals] = []
    var position = run.startIndex
    var next: ItemSource?
    while position < run.endIndex {
      let source = try next ?? item(run[position])
      next = nil
      if case .copy(let copied, let file) = source {
        let fragment = XMLWriter.fragment(copying: copied.bytes, inside: ["rss", "channel"])
        var sources = ItemElements.Sources(file: file, firstLine: fragment.firstLine)
        sources.marks = zip(copied.marks.lines, copied.marks.sources).map {
          FeedSourceMap.Mark(line: $0 + Int32(fragment.firstLine), source: $1)
        }
        sources.bytes = 0..<fragment.byteCount
        fragments.append((fragment, [sources], nil))
        if !copied.removals.isEmpty { removed.append(.init(episode: run[position], removals: copied.removals)) }
        position += 1
        continue
      }
      // Items to write, one after the other, until one to copy: one libxml2 writer. Each episode
      // is asked for as its item is written, so its notes are rendered then and not kept.
      var sources: [ItemElements.Sources] = []
      var start = 0
      var pending: ItemSource? = source
      let written = check.map { _ in WrittenFeedCheck.Items() }
      var shift = 0
      var faithful = false
      let fragment = try XMLWriter.fragment(inside: ["rss", "channel"]) { xml in
        if let check, let written {
          // Lines counted from the first item's: any line after the channel's elements will do,
          // as an item's results are kept relative to its own line.
          shift = check.line - (try xml.line())
          xml.stream(into: written, inScope: check.feed.namespaces, lineShift: shift)
        }
        start = xml.byteCount
        while case .write(let episode) = pending {
          if let media = episode.episode.media { sources.append(try items.write(episode, media: media, to: xml)) }
          if !episode.notes.removals.isEmpty { removed.append(.init(episode: run[position], removals: episode.notes.removals)) }
          position += 1
          pending = position < run.endIndex ? try item(run[position]) : nil
        }
        faithful = written != nil && xml.stopStreaming()
      }
      for index in sources.indices {
        sources[index].bytes = sources[index].bytes.lowerBound - start..<sources[index].bytes.upperBound - start
      }
      var memo: FeedCheckMemo?
      if faithful, let check, let written {
        memo = fragment.withBytes { bytes in
          check.feed.itemsMemo(
            of: written,
            spans: sources.map { (line: $0.firstLine + shift, bytes: UnsafeRawBufferPointer(rebasing: bytes[$0.bytes])) })
        }
      }
      fragments.append((fragment, sources, memo))
      next = pending
    }
    return (fragments, removed)
  }

  /// Items per libxml2 writer, and runs written at once: enough to keep every core busy, few
  /// enough that the pieces waiting to be added stay small (about 3 MB for show notes of 2 KB).
  var itemsPerRun = 128
  var runsPerBatch = 8

  /// Whether the items are checked with the feed rules as they are written, from the writer's
  /// events, on the core that writes them (``PodcastFeed/checkedItems``): the feed check then
  /// parses only the channel and what was not checked so (docs/architecture.md, step 5).
  public var checksItems = false

  /// Published episodes in feed order: newest first, ties broken by GUID so the order is stable.
  public static func order(_ episodes: [Episode]) -> [Episode] {
    order(of: episodes).map { episodes[$0] }
  }

  /// The indices of the episodes that `include` takes, in feed order (``order(_:)``): an order
  /// to write a show's own episodes in, rather than a sorted copy of them.
  public static func order(of episodes: [Episode], where include: (Episode) -> Bool = { _ in true }) -> [Int] {
    episodes.indices.filter { include(episodes[$0]) }.sorted { a, b in
      let (first, second) = (episodes[a].date, episodes[b].date)
      if first != second { return first > second }
      // Equal GUIDs (a mistake the feed rules report) keep the episodes' own order.
      return episodes[a].guid != episodes[b].guid ? episodes[a].guid < episodes[b].guid : a < b
    }
  }
}
