import AtomicOutput
import Catalogue
import Diagnostics
import FeedRules
import Foundation
import Identifiers
import Parallel

/// The per-show layer of the build cache (docs/architecture.md, "The build cache"): for each
/// podcast show the last build wrote, the files it staged for it (its feed, chapters and
/// transcripts, each with its ``OutputFileStamp`` in the output) and what the rendering and the
/// feed check found, under a *key* that covers everything the show's output depends on. A
/// build whose key for a show is the stored one links that show's files from the old output
/// into the new one and takes its findings, rendering and checking nothing of it.
///
/// The key: the Podium, the options, the catalogue and output paths, the show folder's context
/// (``EpisodeCache``: podium.yaml and every file of the folder but the episode files), each
/// episode file's stamp, each episode's status at this build's moment (what is published, what
/// is still to come), and the show's `podcast:guid` and feed URL from the publication record.
/// The checks across shows (GUIDs, media URLs, the record) still run on every episode, as loaded.
///
/// Below the show, its items (``ItemRecords``): a show whose key changed is rendered again, but
/// an item whose own key is unchanged is copied from the old output's feed, and its files linked.
final class ShowCache: @unchecked Sendable {
  static let folderName = "shows"
  static let format = 5

  private let folder: URL
  private let podium: String
  private let prefix: String
  /// What every item's key starts with: the options are not in it, as they change findings, not items.
  private let itemPrefix: String
  /// Also the catalogue's stamps, by show folder, for the transcripts an episode's files are made from.
  private let episodes: EpisodeCache
  /// The output folder, whose feeds hold the items to copy.
  let output: URL

  struct Record: Codable {
    var format: Int
    var podium: String
    var key: String
    /// The files' paths, separated by NUL (no path holds one), and their stamps, 32 bytes each:
    /// two values, not a value per file, which a large show's 20,000 files would make tens of MB
    /// of while the record is written.
    var paths: String
    var stamps: [UInt8]
    /// What rendering found (show notes the sanitiser cut), before rule settings apply.
    var rendered: [Finding]
    var checked: [Checked]
    /// Its feed's items, for a build that renders the show again.
    var items: ItemRecords

    init(
      format: Int, podium: String, key: String, files: [File], rendered: [Finding], checked: [Checked],
      items: ItemRecords = ItemRecords()
    ) {
      (self.format, self.podium, self.key, self.rendered, self.checked) = (format, podium, key, rendered, checked)
      self.items = items
      paths = files.map(\.path).joined(separator: "\0")
      stamps = []
      stamps.reserveCapacity(files.count * 32)
      for file in files {
        for field in [Int64(bitPattern: file.stamp.inode), file.stamp.size, file.stamp.modified, file.stamp.modifiedNanoseconds] {
          withUnsafeBytes(of: field.littleEndian) { stamps += $0 }
        }
      }
    }
  }

  /// A record's files where its two lists hold them, each made into a ``File`` when asked for:
  /// as values, a large show's 200,000 files would be some 20 MB more beside its record.
  struct Files: RandomAccessCollection {
    private let paths: [UInt8]
    /// Where each path starts in `paths`, then the end of the last one (one past it).
    private let starts: [Int]
    private let stamps: [UInt8]

    init() {
      (paths, starts, stamps) = ([], [0], [])
    }

    /// The files of `paths` (separated by NUL) and `stamps` (32 bytes each); none when the two
    /// don't agree (a damaged record).
    init(paths: [UInt8], stamps: [UInt8]) {
      var starts = [0]
      if !paths.isEmpty {
        for (index, byte) in paths.enumerated() where byte == 0 { starts.append(index + 1) }
        starts.append(paths.count + 1)
      }
      let agree = stamps.count == (starts.count - 1) * 32
      (self.paths, self.starts, self.stamps) = agree ? (paths, starts, stamps) : ([], [0], [])
    }

    var startIndex: Int { 0 }
    var endIndex: Int { starts.count - 1 }

    subscript(index: Int) -> File {
      func field(_ number: Int) -> Int64 {
        stamps.withUnsafeBytes { Int64(littleEndian: $0.loadUnaligned(fromByteOffset: index * 32 + number * 8, as: Int64.self)) }
      }
      return File(
        path: String(decoding: paths[starts[index]..<starts[index + 1] - 1], as: UTF8.self),
        stamp: OutputFileStamp(
          inode: UInt64(bitPattern: field(0)), size: field(1), modified: field(2), modifiedNanoseconds: field(3)))
    }
  }

  struct File {
    var path: String
    var stamp: OutputFileStamp
  }

  /// A checked output of the show (its feed, or the preview with the episodes still to come),
  /// with its findings at the catalogue's lines, before findings repeated across outputs are dropped.
  struct Checked: Codable {
    var path: String
    var file: String
    var size: Int
    var preview: Bool
    var findings: [Finding]
    /// Each item's result, for checking the next version of the feed item by item (a feed
    /// whose items' bytes were known): held in the form it is stored in.
    var memo: FeedCheckMemo?
  }

  init(cache: BuildCache, episodes: EpisodeCache, catalogue: URL, output: URL, options: BuildOptions) {
    folder = cache.folder.appendingPathComponent(Self.folderName)
    podium = cache.podiumIdentity
    self.episodes = episodes
    self.output = output
    prefix = [
      "show-output", cache.podiumIdentity, BuildState.key(options), catalogue.standardizedFileURL.path,
      output.standardizedFileURL.path,
    ].joined(separator: "\0")
    itemPrefix = [
      "show-items", cache.podiumIdentity, catalogue.standardizedFileURL.path, output.standardizedFileURL.path,
    ].joined(separator: "\0")
  }

  /// Lets go of the catalogue's stamps (``EpisodeCache/forgetStamps()``).
  func forgetStamps() { episodes.forgetStamps() }

  /// Says that the show in folder `slug` has made its keys, and so asks for no stamp of its
  /// folder any more: they are let go of now (``EpisodeCache/forget(show:)``), not when the
  /// last show of a network is keyed.
  func keyed(_ slug: String) { episodes.forget(show: slug) }

  /// The key of a show's output at `now`; `nil` when it can't be known (a racy file, a video show).
  func key(for show: Show, podcastGUID: String, feedURL: String, now: Timestamp) -> String? {
    guard show.medium == .podcast, let context = episodes.context(of: show.slug) else { return nil }
    // Digested a megabyte at a time: the bytes of 100,000 files' names and stamps, and the list
    // of them, are never held (some 30 MB).
    let digest = ContentDigest.SHA256Stream()
    var bytes = Array("\(prefix)\0\(context)\0\(podcastGUID)\0\(feedURL)\0".utf8)
    func flush(unless small: Bool = true) {
      guard !small || bytes.count >= 1 << 20 else { return }
      digest.update(bytes)
      bytes.removeAll(keepingCapacity: true)
    }
    let trusted = episodes.eachEpisodeStamp(of: show.slug) { name, stamp in
      bytes += name.utf8
      bytes.append(0)
      stamp.append(to: &bytes)
      flush()
    }
    guard trusted else { return nil }
    // By index: `for episode in show.episodes` copies each episode, retaining every field.
    for index in show.episodes.indices {
      bytes += show.episodes[index].file.utf8
      bytes.append(0)
      bytes += show.episodes[index].status(at: now).rawValue.utf8
      bytes.append(0)
      flush()
    }
    flush(unless: false)
    return ContentDigest.hex(digest.finish())
  }

  /// The keys of each published episode's item and files (by index into `show.episodes`; `nil`
  /// where one can't be known), made of everything each depends on. An item's bytes depend on
  /// its episode as loaded (which covers its file, its notes' digest and what probing its media
  /// found), on the SRI digests of its local media, on the Podium and the paths, and
  /// of the catalogue only on the base URLs, the analytics prefix and the show's slug, `explicit`
  /// (and its line), language and `chapter_timestamps`: not on the channel, the other items, or
  /// which item is newest. Its files (chapters, transcripts) also depend on the show's title
  /// (the chapters' `podcastName`) and on the bytes of its transcripts, by their stamps.
  ///
  /// An item's key is made from the digest of its episode's encoding (``EpisodeCache/digest(of:)``),
  /// which loading made as it stored each file's reading, so an episode is encoded once. An
  /// episode whose file has the stamp it had and whose show's context (``EpisodeCache``:
  /// podium.yaml, show.yaml, media, transcripts) is unchanged was loaded the same and has the
  /// same item key: its *stamp key* finds it in `previous` without its digest. The files' key is
  /// made again all the same: a transcript may be another episode's file, which that context
  /// leaves out.
  func itemKeys(
    of show: Show, published: [Int], catalogue: Catalogue, digests: DigestCache, previous: ItemRecords.Lookup?
  ) -> ItemKeys {
    var context = Array(itemPrefix.utf8)
    for field in [
      catalogue.site.baseURL, catalogue.site.mediaBaseURL, catalogue.site.analyticsPrefix.map { "+" + $0.prefix } ?? "-",
      show.slug, show.explicit ? "1" : "0", show.lines["explicit"].map(String.init) ?? "-", show.language,
      show.chapterTimestamps ? "1" : "0",
    ] {
      context.append(0)
      context += field.utf8
    }
    let itemContext = ContentDigest.sha256(context)
    let filesContext = ContentDigest.sha256(itemContext + Array(show.title.utf8))
    let stampContext = episodes.context(of: show.slug).map { Array("\(itemPrefix)\0\($0)\0".utf8) }
    // An episode file's stamp is asked for by name, not put in a dictionary first; none is
    // trusted when one of the show's is racy.
    let stampsTrusted = episodes.eachEpisodeStamp(of: show.slug) { _, _ in }
    // Made a batch at a time, straight into the item layer's arrays: the keys of every episode
    // as values (some 13 MB for 100,000) are never all held.
    var records = ItemRecords()
    records.flags.reserveCapacity(published.count)
    records.keys.reserveCapacity(published.count * 96)
    for start in stride(from: 0, to: published.count, by: Self.keysPerBatch) {
      let batch = Array(published[start..<min(start + Self.keysPerBatch, published.count)])
      let keys = ParallelMap.map(batch) { index -> Keys? in
        let episode = show.episodes[index]
        var stampKey: ItemKey?
        let name = episode.file.hasPrefix(show.slug + "/") ? String(episode.file.dropFirst(show.slug.count + 1)) : episode.file
        if var bytes = stampContext, stampsTrusted, let stamp = episodes.episodeStamp(of: show.slug, file: name),
          !stamp.racy
        {
          bytes += episode.file.utf8
          bytes.append(0)
          bytes += stamp.bytes
          stampKey = ItemKey(ContentDigest.sha256(bytes))
        }
        let media = ([episode.media?.reference].compactMap { $0 } + episode.alternates.map(\.reference)).compactMap {
          reference -> URL? in
          guard case .local(let path) = reference else { return nil }
          return catalogue.fileURL(for: path, in: show)
        }
        let item: ItemKey
        if let stampKey, let known = previous?.keys(stamp: stampKey) {
          item = known.item
          // Its item may be copied, which asks for no digest: they are still this build's, for the
          // digest cache to keep (as for a show taken whole), or the next build to write the item
          // reads its media again.
          for file in media { _ = digests.digests(ofFileAt: file) }
        } else {
          // The episode's digest as storing its reading made it, or made now.
          guard let encoded = episodes.digest(show: show.slug, file: name) ?? EpisodeCache.digest(of: episode) else {
            return nil
          }
          var bytes: [UInt8] = []
          encoded.append(to: &bytes)
          bytes += itemContext
          for file in media {
            bytes.append(0)
            bytes += (digests.sri(ofFileAt: file) ?? "-").utf8
          }
          item = ItemKey(ContentDigest.sha256(bytes))
        }
        // Always made again, even for an item found by its stamp key: a transcript may be another
        // episode's file, which the show's context leaves out.
        var files = filesContext
        item.append(to: &files)
        for transcript in episode.transcripts {
          guard let stamp = episodes.stamp(of: show.slug, file: transcript.file), !stamp.racy else {
            return Keys(item: item, files: nil, stamp: stampKey)
          }
          files += stamp.bytes
        }
        return Keys(item: item, files: ItemKey(ContentDigest.sha256(files)), stamp: stampKey)
      }
      for key in keys { records.appendKeys(item: key?.item, files: key?.files, stamp: key?.stamp) }
    }
    var position = [Int32](repeating: -1, count: show.episodes.count)
    for (at, index) in published.enumerated() { position[index] = Int32(at) }
    return ItemKeys(records: records, position: position)
  }

  /// Episodes whose items are keyed at once, on every core, before the next.
  static let keysPerBatch = 4096

  /// The keys made by ``itemKeys(of:published:catalogue:digests:previous:)``, looked up by
  /// episode index: in the feed's order with each episode's place in it, as the first part of
  /// the show's item layer (``ItemRecords/appendKeys(item:files:stamp:)``), which the build
  /// then fills in from these same arrays.
  struct ItemKeys: Sendable {
    /// The item layer with only its keys.
    let records: ItemRecords
    fileprivate let position: [Int32]

    /// Where episode `index`'s item is in the feed's order; `nil` for an episode without one.
    func place(of index: Int) -> Int? {
      let at = Int(position[index])
      return at >= 0 ? at : nil
    }

    subscript(index: Int) -> Keys? {
      guard let at = place(of: index) else { return nil }
      let keys = records.keys(of: at)
      return keys.item.map { Keys(item: $0, files: keys.files, stamp: keys.stamp) }
    }
  }

  /// An item's keys (``itemKeys(of:published:catalogue:digests:previous:)``).
  struct Keys: Sendable {
    var item: ItemKey
    var files: ItemKey?
    var stamp: ItemKey?
  }

  /// The shows whose records could not be read, for a `PUB-CACHE` note.
  private var unreadable: [String] = []
  private let lock = NSLock()

  var problem: String? {
    let names = lock.withLock { unreadable.sorted() }.map { "\(Self.folderName)/\($0)" }
    guard !names.isEmpty else { return nil }
    return names.prefix(3).joined(separator: ", ") + (names.count > 3 ? " and \(names.count - 3) more" : "")
  }

  /// What a build takes of a show's stored ``Record``: all of it but the feeds' memos, which
  /// the check reads for itself (``memo(for:)``) and which would otherwise be held through the
  /// rendering (some 13 MB for a show of 100,000 episodes).
  struct Previous: Decodable, StoredRecord {
    var format: Int
    var podium: String
    var key: String
    /// ``Record/paths``, as its bytes.
    var paths: [UInt8]
    var stamps: [UInt8]
    var rendered: [Finding]
    var checked: [Findings.Known]
    var items: ItemRecords

    var files: Files { Files(paths: paths, stamps: stamps) }
  }

  /// The stored record of a show without its memos, whatever its key, when this Podium wrote it.
  func previous(of slug: String) -> Previous? { stored(Previous.self, of: slug) }

  /// What `validate` takes of a show's record: its key and findings, read by their keys from
  /// the stored ``Record`` without its files, items and memos, which validate, linking and
  /// copying nothing, has no use for (some 100 MB decoded for a show of 100,000 episodes).
  struct Findings: Decodable, StoredRecord {
    var format: Int
    var podium: String
    var key: String
    var rendered: [Finding]
    var checked: [Known]

    /// A ``Checked`` output's findings, without its memo.
    struct Known: Decodable {
      var path: String
      var file: String
      var size: Int
      var preview: Bool
      var findings: [Finding]
    }

    /// The findings of a record read for a build, which links its files too.
    init(_ record: Previous) {
      (format, podium, key, rendered, checked) = (record.format, record.podium, record.key, record.rendered, record.checked)
    }
  }

  /// A show's stored findings, whatever its key, when this Podium wrote its record.
  func findings(of slug: String) -> Findings? { stored(Findings.self, of: slug) }

  private func stored<Stored: StoredRecord>(_ type: Stored.Type, of slug: String) -> Stored? {
    let record: Stored
    do throws(CacheFile.Problem) {
      record = try CacheFile.read(type, from: folder.appendingPathComponent(slug))
    } catch {
      if error == .unreadable { lock.withLock { unreadable.append(slug) } }
      return nil
    }
    guard record.format == Self.format, record.podium == podium else { return nil }
    return record
  }

  /// The memo of the feed at `path` (a show's folder, then the file) from the last build's record
  /// of the show, whatever its key: an item's result depends only on the item's bytes and what
  /// the memo itself names (``FeedCheckMemo``). A record that can't be read gives none; the
  /// `PUB-CACHE` note is the show's record's to give.
  func memo(for path: String) -> FeedCheckMemo? {
    guard let slash = path.firstIndex(of: "/"),
      let record = try? CacheFile.read(Memos.self, from: folder.appendingPathComponent(String(path[..<slash]))),
      record.format == Self.format, record.podium == podium
    else { return nil }
    return record.checked.first { $0.path == path && !$0.preview }?.memo
  }

  /// The memos of a show's record, read by their keys without its files and items.
  private struct Memos: Decodable {
    var format: Int
    var podium: String
    var checked: [Memo]

    struct Memo: Decodable {
      var path: String
      var preview: Bool
      var memo: FeedCheckMemo?
    }
  }

  /// Stores the records of the shows this build rendered, keeps those of the shows it took
  /// whole, and removes every other: call it once the new output is in place.
  func store(_ records: [String: Record], keeping kept: Set<String>, cache: BuildCache) {
    guard cache.makeFolder() else { return }
    var info = stat()
    if lstat(folder.path, &info) != 0 {
      guard mkdir(folder.path, 0o755) == 0 else { return }
    } else if info.st_mode & S_IFMT != S_IFDIR {
      return
    }
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    for name in names where records[name] == nil && !kept.contains(name) {
      unlink(folder.appendingPathComponent(name).path)
    }
    let written = Array(records)
    // A record that can't be written is left out: the show is rendered again next time.
    _ = ParallelMap.map(written) { slug, record in CacheFile.write(fields: record.fields, to: folder.appendingPathComponent(slug)) }
  }

  /// Forgets every show's record: the output they describe may be gone.
  func removeAll() {
    try? FileManager.default.removeItem(at: folder)
  }
}

extension ShowCache.Record {
  /// Its fields, each encoded when asked for, in the order its `encode(to:)` writes them: a
  /// large show's record is written a field at a time (``CacheFile/write(fields:to:)``).
  var fields: [(key: String, value: () throws -> [UInt8])] {
    [
      (CodingKeys.format.stringValue, { try CacheEncoder.encode(format) }),
      (CodingKeys.podium.stringValue, { try CacheEncoder.encode(podium) }),
      (CodingKeys.key.stringValue, { try CacheEncoder.encode(key) }),
      (CodingKeys.paths.stringValue, { try CacheEncoder.encode(paths) }),
      (CodingKeys.stamps.stringValue, { stamps }),
      (CodingKeys.rendered.stringValue, { try CacheEncoder.encode(rendered) }),
      (CodingKeys.checked.stringValue, { try CacheEncoder.encode(checked) }),
      (CodingKeys.items.stringValue, { try CacheEncoder.encode(items) }),
    ]
  }
}

/// A show's record, or the part of it that is read (``ShowCache/Findings``).
protocol StoredRecord: Decodable {
  var format: Int { get }
  var podium: String { get }
}

extension ShowCache.Record: StoredRecord {}
