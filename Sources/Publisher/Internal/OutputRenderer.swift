import AtomicOutput
import Catalogue
import Diagnostics
import FeedRules
import FeedWriter
import Foundation
import Identifiers
import MediaProbe
import Parallel
import PodiumXML
import ShowNotes
import VideoSite

/// Renders every output of a build into memory and lists the feeds and sitemaps to check. Nothing here
/// touches the output folder, so a problem found at any point leaves it as it was.
struct OutputRenderer {
  let catalogue: Catalogue
  /// The site's base URLs that are plain http (``CheckedOutput/httpBases``).
  private var httpBases: [String] {
    [catalogue.site.baseURL, catalogue.site.mediaBaseURL].filter { $0.lowercased().hasPrefix("http:") }
  }
  let options: BuildOptions
  let podcastGUIDs: [String: String]
  /// The output folder's name, for the location of feed findings.
  let outputName: String
  /// The integrity hashes of local media, shared by every feed (and the preview of episodes to come).
  var digests = DigestCache()
  /// Where a show whose inputs are unchanged is taken whole from the last build (``ShowCache``).
  var shows: ShowCache?
  /// Whether this is `validate`'s rendering, which writes nothing but feeds, into its scratch
  /// folder (``ValidationScratch``), to check them from there: a show the show cache holds
  /// under its key is taken without its files (nothing is linked, and they need not be in the
  /// output), no item is copied, and the files beside the feeds (chapters, transcripts) are
  /// checked for their paths, as a build's are, but not written (10,000 episodes: 20,000 files
  /// made and removed again for nothing).
  var validating = false
  /// How many files each folder at the top of the output holds (``OutputFolder/checkOwnership(legacyMarker:legacyOwns:keepingManifest:)``),
  /// when the build commits entry by entry: a show the show cache holds unchanged whose folder
  /// holds exactly its record's files, each with its stamp, is then kept in place, neither
  /// linked nor staged (``StagedDirectory/commit(keeping:)``). `nil`: its files are linked.
  var liveFiles: [String: Int]?
  /// The most items a podcast feed may have to be checked as soon as it is written, on the core
  /// that wrote it, rather than at the check step.
  var itemsCheckedAtOnce = 2_048

  struct Result {
    var tree = OutputTree()
    /// Outputs written straight into the staging folder (podcast feeds), by path.
    var staged: [String] = []
    var findings: [Finding] = []
    /// The feeds and video sitemaps written, for their rules.
    var checked: [CheckedOutput] = []
    /// Each show's part, for the show cache: by slug, the shows that have a key.
    var cacheable: [String: ShowPart] = [:]
    /// The items of a podcast show's feed, for the show cache (when it has keys for them), to
    /// be filled in once the feed is checked.
    var items: PendingItems?
    /// The same, filled in already: its feed was checked as it was written.
    var filled: ItemRecords?
    /// How many items were copied from the old output's feeds.
    var copied = 0
    /// The shows whose folders are kept in place in the output (``liveFiles``).
    var kept: [String] = []
    /// Where the memos of the feeds checked as they were written are kept until the show
    /// cache's records are made (``CheckedOutput/Check/memoPlace``).
    var memos: MemoSpill?
  }

  /// What the show cache needs of a show's rendering.
  struct ShowPart {
    var key: String
    /// The files staged for it.
    var staged: [String]
    /// What its rendering found.
    var rendered: [Finding]
    /// Whether it was taken from the show cache (whose record then stays as it is).
    var reused = false
    /// Its feed's items: pending until its feed is checked (``fillItems(from:)``).
    var pending: PendingItems?
    var items = ItemRecords()

    /// Fills in its items from its checked feed's source map (`nil`: none, as for a feed that
    /// could not be read back), and lets go of what they were made from.
    mutating func fillItems(from map: FeedSourceMap?) {
      guard let pending else { return }
      items = map.flatMap { pending.filled(from: $0) } ?? ItemRecords()
      self.pending = nil
    }
  }

  /// - Parameter staging: where a build stages its output: podcast feeds are written into it
  ///   as they are made, so a large feed is never held in memory. Without it (`validate`),
  ///   every output is kept in memory.
  func render(staging: inout Staging?) -> Result {
    let renderer = ShowNotesRenderer()
    // Shows are independent: rendered side by side, on every core, so a network of many small
    // shows gets the parallelism one large show gets from its episodes (a show's own steps then
    // run one by one: a `concurrentPerform` inside another runs serially). Their parts are put
    // together in the catalogue's order, so the output and its findings don't depend on timing.
    let shared = staging.map { SharedStaging($0, writesFiles: !validating) }
    let memos = shared.flatMap { MemoSpill(in: $0.folder) }
    let parts = ParallelMap.map(catalogue.shows) { show -> Result in
      var part = Result()
      let key = shows?.key(
        for: show, podcastGUID: podcastGUIDs[show.slug] ?? "", feedURL: catalogue.feedURL(for: show), now: options.now)
      // Each show says once when it needs no more stamps: after its item keys, or now.
      let keyed: () -> Void = { shows?.keyed(show.slug) }
      // validate, which links nothing and copies no item, reads only the findings of a show's record.
      if validating, let key, let found = shows?.findings(of: show.slug), found.key == key {
        keyed()
        return taken(show, found, key: key, staged: [])
      }
      // The show's record, whatever its key: the whole show when the key is the same, else its items.
      var stored = key != nil && shared != nil && !validating ? shows?.previous(of: show.slug) : nil
      if let key, let record = stored, record.key == key, let reused = reuse(show, record: record, key: key, staging: shared) {
        keyed()
        return reused
      }
      // Indices into the show's own episodes, in feed order: a filtered or sorted copy of a
      // large show's episodes costs tens of MB (docs/performance.md).
      let published = PodcastFeedWriter.order(of: show.episodes) { $0.status(at: options.now) == .published }
      do {
        try add(
          show: show, published: published, renderer: renderer, staging: shared, memos: memos,
          previous: key == nil ? nil : stored.take(), keyed: key != nil, to: &part, keysMade: keyed)
        if let key {
          part.cacheable[show.slug] = ShowPart(
            key: key, staged: part.staged, rendered: part.findings, pending: part.items, items: part.filled ?? ItemRecords())
        }
      } catch {
        part.findings.append(PublishRules.output.finding("\(show.slug): \(error)", at: SourceLocation(file: show.file)))
      }
      return part
    }
    if let shared { staging = shared.taken }
    var result = Result()
    result.memos = memos
    for (show, part) in zip(catalogue.shows, parts) {
      result.staged += part.staged
      result.findings += part.findings
      result.checked += part.checked
      result.cacheable.merge(part.cacheable) { first, _ in first }
      result.copied += part.copied
      result.kept += part.kept
      do {
        for (path, contents) in part.tree.files.sorted(by: { $0.key < $1.key }) { try result.tree.add(path, contents) }
      } catch {
        result.findings.append(PublishRules.output.finding("\(show.slug): \(error)", at: SourceLocation(file: show.file)))
      }
    }
    // The publication record is encoded by `Publisher.build`, once the rendering is done: a
    // validation never writes it.
    do {
      try result.tree.add(OutputPaths.opml, try OPMLWriter.write(catalogue))
    } catch {
      result.findings.append(PublishRules.output.finding("\(error)", at: SourceLocation(file: "\(outputName)/\(OutputPaths.opml)")))
    }
    return result
  }

  /// The show as the last build wrote it, when the show cache has it under `key` and every one
  /// of its files is still in the output to be linked.
  private func reuse(_ show: Show, record: ShowCache.Previous, key: String, staging: SharedStaging?) -> Result? {
    let files = record.files.map { ($0.path, $0.stamp) }
    guard let staging, !files.isEmpty else { return nil }
    let folder = show.slug + "/"
    let inPlace = liveFiles.map { live in
      live[show.slug] == files.count && files.allSatisfy { $0.0.hasPrefix(folder) }
    } == true
    if inPlace {
      guard (try? staging.keepInPlace(folder: show.slug, files)) == true else { return nil }
    } else {
      guard (try? staging.link(files)) == true else { return nil }
    }
    // The digests of its media are still this build's, for the digest cache to keep: the feed
    // and the preview of episodes to come asked for every local media file with an item.
    show.forEachEpisode { _, episode in
      guard let media = episode.media else { return }
      for reference in [media.reference] + episode.alternates.map(\.reference) {
        if case .local(let path) = reference { _ = digests.digests(ofFileAt: catalogue.fileURL(for: path, in: show)) }
      }
    }
    var part = taken(show, ShowCache.Findings(record), key: key, staged: files.map(\.0))
    if inPlace { part.kept = [show.slug] }
    return part
  }

  /// What the last build found rendering and checking a show it takes (with its files `staged`);
  /// for `validate`, which links nothing, whatever is in the output.
  private func taken(_ show: Show, _ found: ShowCache.Findings, key: String, staged: [String]) -> Result {
    var part = Result()
    part.staged = staged
    part.findings = found.rendered
    part.checked = found.checked.map { checked in
      var output = CheckedOutput(path: checked.path, file: checked.file, size: checked.size, rules: .feed(.podcast))
      output.known = checked.findings
      if checked.preview { output.preview = checked.findings }
      return output
    }
    part.cacheable[show.slug] = ShowPart(key: key, staged: part.staged, rendered: part.findings, reused: true)
    return part
  }

  /// Renders without a staging folder, keeping every output in memory.
  func render() -> Result {
    var staging: Staging?
    return render(staging: &staging)
  }

  /// - Parameters:
  ///   - published: indices into `show.episodes` of the published episodes, in feed order.
  ///   - previous: the show's record in the show cache, whose unchanged items are copied.
  ///   - memos: where the memo of a feed checked as it was written is kept (`validate`, and a
  ///     build without the cache, keep none), and the items' results of a large feed until its
  ///     check; without it, they are held.
  ///   - keyed: whether the show cache keeps this show: its items' keys are then made, for the next build.
  private func add(
    show: Show, published: [Int], renderer: ShowNotesRenderer, staging: SharedStaging?, memos: MemoSpill? = nil,
    previous: consuming ShowCache.Previous? = nil, keyed: Bool = false, to result: inout Result,
    keysMade: () -> Void = {}
  ) throws {
    let feedPath = "\(show.slug)/\(OutputPaths.feed)"
    let writer = PodcastFeedWriter(
      catalogue: catalogue, show: show, podcastGUID: podcastGUIDs[show.slug] ?? "", digests: digests)
    let size: Int
    var checkedItems: [WrittenFeedCheck.Run] = []
    var staged = false
    let sourceMap: FeedSourceMap
    // The item layer of the show cache: a build keys each item, and copies those whose key the
    // last feed had, from that feed, while it has its recorded stamp.
    let cached = keyed && staging != nil && !validating && show.medium == .podcast ? shows : nil
    let previousFiles = cached == nil ? ShowCache.Files() : previous?.files ?? ShowCache.Files()
    var lookup = previous.flatMap { record in
      cached != nil && record.items.isConsistent(fileCount: previousFiles.count) ? ItemRecords.Lookup(record.items) : nil
    }
    // The record is read from here on through `lookup` and `previousFiles` alone, so that what
    // only copying items reads can be let go of once the feed is written.
    previous = nil
    let keys = cached?.itemKeys(of: show, published: published, catalogue: catalogue, digests: digests, previous: lookup)
    keysMade()
    // Each item's entry in the record, found now: the record's keys are not held through the
    // writing and the linking beside the new ones (some 10 MB for 100,000 items).
    let matches = keys.flatMap { keys in lookup.map { $0.matches(keys.records) } }
    lookup?.forgetKeys()
    var old: PreviousFeed? = lookup.flatMap { lookup in
      guard let cached, let feed = previousFiles.first(where: { $0.path == feedPath }) else { return nil }
      return PreviousFeed(output: cached.output, path: feedPath, stamp: feed.stamp, items: lookup)
    }
    var checksums: [Int: UInt64] = [:]
    var removals: [Int: [HTMLRemoval]] = [:]
    if show.medium == .video {
      // The video pages need the notes too: rendered once, for both, and the feed kept in memory.
      let episodes = try ParallelMap.map(published) { index in
        let episode = show.episodes[index]
        return Swift.Result {
          FeedEpisode(episode: episode, notes: renderer.render(markdown: try episode.publishedNotes(in: show)))
        }
      }.map { try $0.get() }
      for item in episodes { result.findings += notesFindings(item.notes.removals, episode: item.episode) }
      let feed = try writer.feed(episodes)
      try result.tree.add(feedPath, feed.data)
      size = feed.byteCount
      sourceMap = feed.sourceMap
      try addVideoSite(show: show, episodes: episodes, to: &result)
    } else {
      // Each episode's notes are rendered as its item is written, and not kept; the feed goes
      // into its staged file as it is written, its items checked as they are written.
      let file = try staging?.reserve(feedPath)
      var checking = writer
      checking.checksItems = file != nil
      let copied = CopiedChecksums()
      let source = old
      let written = try checking.write(
        published, toFileAt: file,
        copying: { index in
          guard let source, let at = keys?.place(of: index), let number = matches?.items[at], number >= 0,
            let (item, checksum) = source.item(at: Int(number))
          else { return nil }
          copied.add(index, checksum)
          return item
        }
      ) { episode in
        renderer.render(markdown: try episode.publishedNotes(in: show))
      }
      if let old, !old.isUnchanged {
        throw OutputError(.io(
          path: "\(outputName)/\(feedPath)", detail: "changed while this build copied items from it; build again"))
      }
      // An unchanged feed stays the published file, as the tree's unchanged files do.
      staging?.reuseIfUnchanged(feedPath)
      for item in written.removals { result.findings += notesFindings(item.removals, episode: show.episodes[item.episode]) }
      if file == nil { try result.tree.add(feedPath, written.data) } else { result.staged.append(feedPath) }
      staged = file != nil
      size = written.byteCount
      sourceMap = written.sourceMap
      checkedItems = written.checkedItems
      checksums = copied.taken
      result.copied = checksums.count
      // Linking files reads only the entries' files: the items' places and marks are let go of
      // before the episodes' files are staged, with the old feed.
      if old != nil {
        old = nil
        lookup?.forgetItems()
      } else {
        lookup = nil
      }
      if keys != nil { for item in written.removals { removals[item.episode] = item.removals } }
    }
    var checked = CheckedOutput(
      path: feedPath, file: "\(outputName)/\(feedPath)", size: size, rules: .feed(.podcast), sourceMap: sourceMap)
    checked.httpBases = httpBases
    if staged, sourceMap.itemCount > itemsCheckedAtOnce {
      // A large feed is checked at the check step, once the catalogue is let go of: checked
      // here, beside it, its items' results, its memo and its layout added to the peak of a show
      // of 100,000 episodes (docs/performance.md). Its items' results wait out of memory.
      checked.writtenRuns = WrittenRuns(checkedItems, spill: memos)
      checkedItems = []
    } else if staged, let staging {
      // Checked now that its staged file is complete, on this core, with its items' results
      // from the writer: held until every show was written, those results were a network's
      // peak (docs/performance.md). What is kept is the check's findings, and its memo for the
      // show's record, out of memory. (`validate` takes no memo, as the check step's.)
      var check = checked.check(stagedIn: staging.folder, written: checkedItems) {
        validating ? nil : shows?.memo(for: feedPath)
      }
      checkedItems = []
      if validating || shows == nil {
        check.memo = nil
      } else if let memo = check.memo, let place = memos?.keep(memo) {
        (check.memo, check.memoPlace) = (nil, place)
      }
      checked.checked = check
      // Its findings are placed: the source map is held from here on only to fill in its items.
      checked.sourceMap = nil
    }
    result.checked.append(checked)
    if let preview = try preview(show: show, writer: writer) {
      result.checked.append(preview)
    }
    let files = try addFiles(
      show: show, published: published, staging: staging, keys: keys, old: lookup.map { ($0, matches?.files ?? []) },
      previousFiles: previousFiles, to: &result)
    if let keys, let staging, show.medium == .podcast {
      let pending = PendingItems(
        records: keys.records, published: published, hasItem: published.map { show.episodes[$0].media != nil },
        files: files, checksums: checksums, removals: removals, path: feedPath,
        feed: staging.folder.appendingPathComponent(feedPath))
      // A feed checked as it was written has its items filled in now, and its source map let
      // go of with the show's rendering, rather than held with every other show's until the
      // check step (docs/performance.md).
      if checked.checked != nil {
        result.filled = pending.filled(from: sourceMap) ?? ItemRecords()
      } else {
        result.items = pending
      }
    }
  }

  /// Writes each published episode's chapters and transcripts (a batch of episodes at a time, as
  /// they are made, rather than wait in the tree: 100,000 chapters files are 40 MB held), or
  /// links them from the old output when the show cache knows them unchanged.
  ///
  /// - Returns: in the order of `published`, the range of each episode's files in `result.staged`
  ///   (none without a staging folder): an array, not a dictionary by episode index (some 6 MB at 100,000).
  private func addFiles(
    show: Show, published: [Int], staging: SharedStaging?, keys: ShowCache.ItemKeys?,
    old: (lookup: ItemRecords.Lookup, files: [Int32])?, previousFiles: ShowCache.Files, to result: inout Result
  ) throws -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    if staging != nil { ranges.reserveCapacity(published.count) }
    var transcriptSources: [String: String] = [:]
    for start in stride(from: 0, to: published.count, by: Self.filesPerBatch) {
      let batch = Array(published[start..<min(start + Self.filesPerBatch, published.count)])
      // Which transcripts each episode writes (episodes may share one file; two different
      // files may not share one URL), and the paths of its files.
      var claims: [[PublishedTranscript]] = []
      var paths: [[String]] = []
      for index in batch {
        let episode = show.episodes[index]
        var claimed: [PublishedTranscript] = []
        for transcript in PublishedTranscript.all(for: episode) {
          let path = "\(show.slug)/\(transcript.path)"
          let origin = transcript.source.file + (transcript.form.map { " as \($0.type)" } ?? "")
          if let other = transcriptSources[path] {
            guard other == origin else {
              throw OutputError(.duplicatePath("\(path) (from \(other) and \(origin); rename one)"))
            }
            continue
          }
          transcriptSources[path] = origin
          claimed.append(transcript)
        }
        var episodePaths: [String] = []
        if !episode.chapters.isEmpty {
          episodePaths.append("\(show.slug)/\(OutputPaths.chapters(episode))")
          if !Chapter.listed(episode.chapters).isEmpty {
            episodePaths.append("\(show.slug)/\(OutputPaths.chaptersVTT(episode))")
          }
        }
        episodePaths += claimed.map { "\(show.slug)/\($0.path)" }
        claims.append(claimed)
        paths.append(episodePaths)
      }
      // The files of episodes whose files' key is the recorded one, and which make the same
      // paths, are linked from the old output, all or none.
      var linked = [Bool](repeating: false, count: batch.count)
      if let old, let keys, let staging {
        var links: [(path: String, stamp: OutputFileStamp)] = []
        for (position, index) in batch.enumerated() {
          // The entry with its item key and files' key (``ItemRecords/Lookup/matches(_:)``).
          guard let at = keys.place(of: index), old.files.indices.contains(at), old.files[at] >= 0 else { continue }
          let entry = old.lookup.entry(at: Int(old.files[at]))
          guard entry.files.count == paths[position].count, previousFiles[entry.files].map(\.path) == paths[position]
          else { continue }
          linked[position] = true
          // Under the path strings the staged list keeps (the same paths), as for a file written.
          links += zip(paths[position], previousFiles[entry.files]).map { ($0, $1.stamp) }
        }
        if !links.isEmpty, try !staging.link(links) { linked = linked.map { _ in false } }
      }
      // Both chapters files, JSON and (with a chapter listed) WebVTT, made on every core.
      let chapters = try ParallelMap.map(Array(zip(batch, linked))) { index, isLinked in
        Swift.Result<(json: Data, vtt: Data?)?, Error> {
          guard !isLinked, !show.episodes[index].chapters.isEmpty else { return nil }
          let episode = show.episodes[index]
          let vtt = Chapter.listed(episode.chapters).isEmpty ? nil : ChapterDialects.webVTT(episode)
          return (try ChaptersWriter.write(episode, show: show), vtt)
        }
      }.map { try $0.get() }
      var files: [(path: String, contents: Data)] = []
      for position in batch.indices where !linked[position] {
        // Each file under the path string made above, in the same order, which the staged
        // list keeps: not another string of the same path for the staging's set of names
        // (200,000 files: some 19 MB).
        var episodePaths = paths[position].makeIterator()
        func nextPath() -> String {
          guard let path = episodePaths.next() else { preconditionFailure("the paths made above name every file") }
          return path
        }
        if let chaptersFiles = chapters[position] {
          files.append((nextPath(), chaptersFiles.json))
          if let vtt = chaptersFiles.vtt { files.append((nextPath(), vtt)) }
        }
        var sources: [String: Data] = [:]
        var cues: [String: [CaptionCue]] = [:]
        for transcript in claims[position] {
          let path = nextPath()
          let file = transcript.source.file
          let bytes = try sources[file] ?? CatalogueFileKind(transcript.source).read(catalogue.fileURL(for: file, in: show), path: file)
          sources[file] = bytes
          guard let form = transcript.form else {
            // An HTML transcript is served from the feeds' own address, where a script in it would
            // run as the site's: it goes out through the same sanitiser as the notes.
            let html = transcript.type.lowercased().hasPrefix("text/html")
            files.append((path, html ? Data(HTMLSanitizer().sanitize(String(decoding: bytes, as: UTF8.self)).html.utf8) : bytes))
            continue
          }
          let read = try cues[file] ?? TranscriptCues.read(bytes, name: file)
          cues[file] = read
          files.append((path, try form.write(read)))
        }
      }
      if let staging {
        try staging.write(files)
        for position in batch.indices {
          let first = result.staged.count
          result.staged += paths[position]
          ranges.append(first..<result.staged.count)
        }
      } else {
        for (path, contents) in files { try result.tree.add(path, contents) }
      }
    }
    return ranges
  }

  /// Episodes whose chapters are made at once, on every core, and written before the next.
  static let filesPerBatch = 1024

  /// The checksums of the items copied into a feed, by episode index, gathered on every core.
  private final class CopiedChecksums: @unchecked Sendable {
    private let lock = NSLock()
    private var checksums: [Int: UInt64] = [:]
    func add(_ index: Int, _ checksum: UInt64) { lock.withLock { checksums[index] = checksum } }
    var taken: [Int: UInt64] { lock.withLock { checksums } }
  }

  /// Episodes still to come (scheduled or drafts) are checked by the feed rules now, not on the
  /// day they go out: in a feed written as it will be once they are published, checked here in
  /// memory and never written. Its findings about episodes already out repeat the feed's, and are
  /// reported once (``CheckedOutput/findings(of:_:)``).
  ///
  /// What it checks is the front matter: no episode's notes are rendered for it (each item's
  /// description is its title, as for an episode without notes). The notes of an episode still
  /// to come are rendered and checked when it goes out; those of the published ones were, in the
  /// feed itself.
  private func preview(show: Show, writer: PodcastFeedWriter) throws -> CheckedOutput? {
    // By index: `contains(where:)` over the array copies each episode, retaining every field.
    let upcoming = show.episodes.indices.contains {
      show.episodes[$0].media != nil && show.episodes[$0].status(at: options.now) != .published
    }
    guard upcoming else { return nil }
    // The published episodes and those to come, in the show's own array: an item needs media
    // either way, so that is every episode with media.
    let unrendered = RenderedNotes(html: "", removals: [])
    let feed = try writer.write(PodcastFeedWriter.order(of: show.episodes) { $0.media != nil }) { _ in unrendered }
    let path = "\(show.slug)/\(OutputPaths.feed)"
    var preview = CheckedOutput(
      path: path, file: "\(outputName)/\(path)", size: feed.byteCount, rules: .feed(.podcast), sourceMap: feed.sourceMap)
    preview.httpBases = httpBases
    preview.preview = preview.findings(feed.data)
    return preview
  }

  private func addVideoSite(show: Show, episodes: [FeedEpisode], to result: inout Result) throws {
    for file in try VideoSiteWriter(catalogue: catalogue, show: show).write(episodes) {
      let path = "\(show.slug)/\(file.path)"
      try result.tree.add(path, file.data)
      let rules: CheckedOutput.Rules? =
        switch file.path {
        case VideoPaths.mediaRSS: .feed(.rss)
        case VideoPaths.sitemap: .videoSitemap
        default: nil
        }
      if let rules {
        result.checked.append(CheckedOutput(path: path, file: "\(outputName)/\(path)", size: file.data.count, rules: rules))
      }
    }
  }

  private func notesFindings(_ removals: [HTMLRemoval], episode: Episode) -> [Finding] {
    let location = SourceLocation(file: episode.file, line: episode.notesLine)
    return removals.map { removal in
      PublishRules.notesHTML.finding("show notes: \(removal); podcast apps don't allow it, so it was left out", at: location)
    }
  }
}
