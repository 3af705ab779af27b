import Catalogue
import Diagnostics
import Foundation
import Identifiers
import Parallel

/// The per-episode layer of the build cache (docs/architecture.md, "The build cache"): for each
/// episode file, what reading it gave (``EpisodeReading``: the parsed episode and the file's
/// findings), so a build after a change reads again only the files that changed.
///
/// One file per show, `episodes/<slug>` in the cache folder. A reading is taken when
///  - the episode file has the stamp it had (device, inode, size, modification and change time,
///    from the build's walk of the catalogue), and
///  - the show's *context* is the same: the Podium, the catalogue's path, `podium.yaml`, and every
///    file of the show folder but its episode files (show.yaml, media, artwork, transcripts),
///    which is all a reading may depend on besides its own file (``EpisodeReading/reusable``).
/// A stamp taken in the tick its file changed in is racy, and is neither trusted nor stored.
final class EpisodeCache: EpisodeReuse, @unchecked Sendable {
  static let folderName = "episodes"
  static let format = 3

  private let cache: BuildCache
  private let folder: URL
  private let podium: String
  /// The catalogue's files as the build's walk stamped them, by show folder: each folder's let
  /// go of once its show is keyed (``forget(show:)``), every one once the rendering is done
  /// (``forgetStamps()``).
  private let stamps: CatalogueStamps
  /// The show folders (those with a show.yaml), whose files the cache keeps.
  private let showFolders: Set<String>
  /// Each show folder's context digest, when none of its files is racy.
  private let contexts: [String: String]
  /// Each show's entries, read when its first episode is asked for and let go of once its
  /// episodes are loaded, so that a network's are not all held at once.
  private let shows: [String: ShowEntries]
  private let lock = NSLock()
  /// How many readings were taken from the cache, and made again.
  private var taken = 0
  private var read = 0
  var counts: (taken: Int, read: Int) { lock.withLock { (taken, read) } }
  /// Whether the cache folder is there to store into.
  private var folderReady: Bool?
  /// The folders this build made, to remove again if it fails.
  private var madeFolders: [URL] = []
  /// The shows' new files, put in place only when the build is: a build that fails leaves the
  /// cache as it found it.
  private var written: [EpisodeCacheFile.Written] = []
  private var settled = false
  /// The show files that could not be read.
  private var unreadable: [String] = []
  /// Whether this build may only read the cache (`validate`, which writes nothing beside the output).
  private let readOnly: Bool

  /// Why stored entries were not used, for a `PUB-CACHE` note.
  var problem: String? {
    let names = lock.withLock { unreadable.sorted() }.map { "\(Self.folderName)/\($0)" }
    guard !names.isEmpty else { return nil }
    return names.prefix(3).joined(separator: ", ") + (names.count > 3 ? " and \(names.count - 3) more" : "")
  }

  /// One show's entries: those stored by an earlier build (only with this build's context), and
  /// the file this build's readings are written into as they come.
  private final class ShowEntries: @unchecked Sendable {
    let lock = NSLock()
    var loaded = false
    var stored: EpisodeCacheFile.Contents?
    var writer: EpisodeCacheFile.Writer?
    /// Names whose reading this build made, kept or not.
    var fresh: Set<String> = []
    /// The digest of each episode's encoding (``digest(show:file:)``) that storing its reading
    /// gave, by the file's place among the show folder's episode files, in name order: 32 bytes
    /// an episode rather than a dictionary by name, since a network's are all held until its
    /// shows render.
    var digests: [ItemKey] = []
    var known: [Bool] = []

    func forgetDigests() {
      lock.withLock { (digests, known) = ([], []) }
    }
  }

  /// - Parameters:
  ///   - cache: the build cache.
  ///   - catalogue: the catalogue folder.
  ///   - stamps: every file of the catalogue, from the build's walk.
  ///   - readOnly: whether to take readings only, and store none.
  init(cache: BuildCache, catalogue: URL, stamps: CatalogueStamps, readOnly: Bool = false) {
    self.cache = cache
    self.readOnly = readOnly
    folder = cache.folder.appendingPathComponent(Self.folderName)
    podium = cache.podiumIdentity
    self.stamps = stamps
    showFolders = Set(stamps.folderNames.filter { stamps.folder($0)?.stamp(of: "show.yaml") != nil })
    contexts = Self.contexts(
      stamps: stamps, prefix: "\(cache.podiumIdentity)\0\(catalogue.standardizedFileURL.path)\0")
    shows = Dictionary(uniqueKeysWithValues: contexts.keys.map { ($0, ShowEntries()) })
  }

  /// The digest of each show folder's context; none for a show with a racy file in it.
  private static func contexts(stamps: CatalogueStamps, prefix: String) -> [String: String] {
    guard let site = stamps.top.stamp(of: "podium.yaml"), !site.racy else { return [:] }
    var contexts: [String: String] = [:]
    for slug in stamps.folderNames {
      guard let files = stamps.folder(slug) else { continue }
      var bytes = Array(prefix.utf8) + site.bytes
      // The episode files are each their own entry's; everything else in the folder is context,
      // in the order of the files' paths.
      for (name, stamp) in zip(files.names, files.stamps) where name.utf8.contains(0x2F) || !name.hasSuffix(".md") {
        guard !stamp.racy else {
          bytes = []
          break
        }
        bytes += "\(slug)/\(name)".utf8
        bytes.append(0)
        stamp.append(to: &bytes)
      }
      if !bytes.isEmpty { contexts[slug] = ContentDigest.hex(ContentDigest.sha256(bytes)) }
    }
    return contexts
  }

  /// Lets go of the catalogue's stamps, which nothing asks for once the outputs are rendered:
  /// they are not held through the check and the swap.
  func forgetStamps() {
    stamps.forgetAll()
    for show in shows.values { show.forgetDigests() }
  }

  /// Lets go of a show folder's stamps, and of its episodes' digests: its show is keyed, and
  /// asks for neither again (a network's shows are keyed one by one through the rendering).
  func forget(show slug: String) {
    stamps.forget(slug)
    shows[slug]?.forgetDigests()
  }

  /// The digest of a show folder's context; `nil` when a file in it is racy.
  func context(of slug: String) -> String? { contexts[slug] }

  /// Calls `body` with each of a show folder's episode files, by name, and its stamp, in name
  /// order, without a list of them (100,000 names and stamps are some 17 MB); `false`, calling
  /// it for no file after it, at the first racy one.
  func eachEpisodeStamp(of slug: String, _ body: (String, FileStamp) -> Void) -> Bool {
    guard let files = stamps.folder(slug) else { return true }
    for index in files.episodes {
      let stamp = files.stamps[Int(index)]
      guard !stamp.racy else { return false }
      body(files.names[Int(index)], stamp)
    }
    return true
  }

  /// The stamp of a show folder's episode file, by name.
  func episodeStamp(of slug: String, file name: String) -> FileStamp? {
    guard let files = stamps.folder(slug), let place = files.episodePlace(of: name) else { return nil }
    return files.stamps[Int(files.episodes[place])]
  }

  /// The stamp of a file in a show folder, by its path there (a transcript's).
  func stamp(of slug: String, file path: String) -> FileStamp? { stamps.folder(slug)?.stamp(of: path) }

  /// The show's stored entries, read on first use.
  private func stored(_ slug: String) -> EpisodeCacheFile.Contents? {
    guard let show = shows[slug] else { return nil }
    return show.lock.withLock {
      if !show.loaded {
        show.loaded = true
        do throws(CacheFile.Problem) {
          let contents = try EpisodeCacheFile.read(folder.appendingPathComponent(slug))
          let header = EpisodeCacheFile.Header(format: Self.format, podium: podium, context: contexts[slug] ?? "")
          if contents.header == header { show.stored = contents }
        } catch {
          if error == .unreadable { lock.withLock { unreadable.append(slug) } }
        }
      }
      return show.stored
    }
  }

  func reading(show: String, file name: String) -> EpisodeReading? {
    guard let (stored, entry) = entry(show: show, file: name),
      let reading = stored.withReading(entry, { try? EpisodeDecoder.reading(from: $0) })
    else { return nil }
    lock.withLock { taken += 1 }
    return reading
  }

  /// Only what a listing shows, from the entry's facts (``EpisodeFacts``), not its whole reading.
  func listingReading(show: String, file name: String) -> EpisodeReading? {
    guard let (stored, entry) = entry(show: show, file: name), let (facts, _) = stored.parts(entry) else { return nil }
    guard !facts.isEmpty else { return reading(show: show, file: name) }
    guard let reading = EpisodeFacts.reading(facts[...]) else { return nil }
    lock.withLock { taken += 1 }
    return reading
  }

  /// The stored entry of a file that still has the stamp it had.
  private func entry(show: String, file name: String) -> (EpisodeCacheFile.Contents, EpisodeCacheFile.Entry)? {
    guard let stored = stored(show), let entry = stored.entry(name),
      let stamp = stamps.folder(show)?.stamp(of: name), !stamp.racy, entry.stamp == stamp
    else { return nil }
    return (stored, entry)
  }

  /// Encoded here, on the core that read the file, and written into the show's new file at once:
  /// the catalogue holds the episode itself.
  func read(show slug: String, file name: String, _ reading: EpisodeReading) {
    lock.withLock { read += 1 }
    guard !readOnly, let show = shows[slug], let context = contexts[slug] else { return }
    let stamp = stamps.folder(slug)?.stamp(of: name)
    let bytes = reading.reusable && stamp?.racy == false ? try? CacheEncoder.encode(reading) : nil
    let digest = bytes.flatMap(Self.episodeDigest(inReading:))
    let facts = bytes == nil ? nil : EpisodeFacts.encode(reading)
    guard makeFolder() else { return }
    let place = digest == nil ? nil : self.place(of: name, in: slug)
    show.lock.withLock {
      if let digest, let place {
        if show.digests.isEmpty {
          let count = stamps.folder(slug)?.episodes.count ?? 0
          show.digests = [ItemKey](repeating: ItemKey(), count: count)
          show.known = [Bool](repeating: false, count: count)
        }
        show.digests[place] = digest
        show.known[place] = true
      }
      show.fresh.insert(name)
      if show.writer == nil {
        show.writer = EpisodeCacheFile.Writer(
          folder.appendingPathComponent(slug),
          header: EpisodeCacheFile.Header(format: Self.format, podium: podium, context: context))
      }
      if let bytes, let stamp { show.writer?.add(name: name, stamp: stamp, facts: facts ?? [], reading: bytes) }
    }
  }

  /// The SHA-256 of an episode's ``CacheEncoder`` bytes: what an item's key is made of for the
  /// episode as loaded (``ShowCache/itemKeys(of:published:catalogue:digests:previous:)``).
  static func digest(of episode: Episode) -> ItemKey? {
    (try? CacheEncoder.encode(episode)).map { ItemKey(ContentDigest.sha256($0)) }
  }

  /// ``digest(of:)`` of the episode in a reading's bytes, without encoding it again: a value's
  /// bytes, read as `[UInt8]`, are the bytes it was written as.
  private static func episodeDigest(inReading bytes: [UInt8]) -> ItemKey? {
    struct Encoded: Decodable {
      enum CodingKeys: String, CodingKey { case episode }
      let episode: [UInt8]?
    }
    return (try? CacheDecoder.decode(Encoded.self, from: bytes))?.episode.map { ItemKey(ContentDigest.sha256($0)) }
  }

  /// ``digest(of:)`` of the episode of the file `name` in show folder `slug`, when this build
  /// read the file and stored its reading: the episode as it is in the catalogue.
  func digest(show slug: String, file name: String) -> ItemKey? {
    guard let show = shows[slug], let place = place(of: name, in: slug) else { return nil }
    return show.lock.withLock { show.known.isEmpty || !show.known[place] ? nil : show.digests[place] }
  }

  /// Where the file is in the show folder's episode files, in name order.
  private func place(of name: String, in slug: String) -> Int? { stamps.folder(slug)?.episodePlace(of: name) }

  /// Stores the show's entries, for the next build: this build's readings, written as they came,
  /// and the earlier ones that still hold. A show whose entries are as they were is not written again.
  func finished(show slug: String) {
    guard let show = shows[slug], let context = contexts[slug] else { return }
    guard !readOnly else {
      show.lock.withLock { show.stored = nil }
      return
    }
    let stored = self.stored(slug)
    let files = stamps.folder(slug)
    show.lock.withLock {
      defer {
        show.stored = nil
        show.writer = nil
      }
      // The episode files whose stored entries still hold, by their places in `files`: asked
      // of each file, not gathered into a list of names and stamps (some 26 MB at 100,000,
      // beside the stored entries, a large build's peak while it loads).
      let episodes = files?.episodes ?? []
      func unchanged(_ index: Int32) -> Bool {
        guard let files else { return false }
        let (name, stamp) = (files.names[Int(index)], files.stamps[Int(index)])
        return !stamp.racy && !show.fresh.contains(name) && stored?.entry(name)?.stamp == stamp
      }
      // Nothing read again, nothing gone: the file is as it should be.
      if show.writer == nil, let stored, episodes.count(where: unchanged) == stored.count { return }
      if show.writer == nil, makeFolder() {
        show.writer = EpisodeCacheFile.Writer(
          folder.appendingPathComponent(slug),
          header: EpisodeCacheFile.Header(format: Self.format, podium: podium, context: context))
      }
      guard let writer = show.writer else { return }
      if let stored, let files {
        for index in episodes where unchanged(index) {
          let name = files.names[Int(index)]
          if let entry = stored.entry(name), let (facts, reading) = stored.parts(entry) {
            writer.add(name: name, stamp: files.stamps[Int(index)], facts: facts, reading: reading)
          }
        }
      }
      let file = writer.finish()
      lock.withLock { written.append(file) }
    }
  }

  private func makeFolder() -> Bool {
    lock.withLock {
      if let folderReady { return folderReady }
      var info = stat()
      if lstat(cache.folder.path, &info) != 0 { madeFolders.append(cache.folder) }
      var ready: Bool
      if !cache.makeFolder() {
        ready = false
      } else if lstat(folder.path, &info) != 0 {
        ready = mkdir(folder.path, 0o755) == 0
        if ready { madeFolders.append(folder) }
      } else {
        ready = info.st_mode & S_IFMT == S_IFDIR
      }
      folderReady = ready
      return ready
    }
  }

  /// Puts the shows' new files in place and removes those of shows gone: the build's output is
  /// in place.
  func commit() {
    let files = lock.withLock {
      defer { settled = true }
      return settled ? [] : written
    }
    for file in files { file.commit() }
    removeGone()
  }

  /// Removes what this build wrote into the cache, folders it made too: the build failed.
  func discard() {
    let (files, folders) = lock.withLock {
      defer { settled = true }
      return settled ? ([], []) : (written, madeFolders)
    }
    for file in files { file.discard() }
    for folder in folders.reversed() { rmdir(folder.path) }
  }

  /// Removes the files of shows no longer in the catalogue (or renamed), and what a build that
  /// was stopped half-way left (hidden temporary files: no show folder's name starts with a dot).
  private func removeGone() {
    if !readOnly, let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) {
      for name in names where !showFolders.contains(name) || name.hasPrefix(".") {
        unlink(folder.appendingPathComponent(name).path)
      }
    }
  }
}
