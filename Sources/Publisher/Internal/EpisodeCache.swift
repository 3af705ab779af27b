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
  static let format = 1

  private let folder: URL
  private let podium: String
  /// The catalogue's files, by path, as the build's walk stamped them.
  private let stamps: [String: FileStamp]
  /// Each show folder's context digest, when none of its files is racy.
  private let contexts: [String: String]
  /// Each show folder's episode files and their stamps, by name.
  private let episodeFiles: [String: [(name: String, stamp: FileStamp)]]
  /// The entries stored by an earlier build, by show: only those with this build's context.
  private let stored: [String: Stored]
  /// Readings made by this build, by show and file name.
  private var fresh: [String: [String: EpisodeReading]] = [:]
  private let lock = NSLock()
  /// How many readings were taken from the cache, and made again.
  private var taken = 0
  var counts: (taken: Int, read: Int) { lock.withLock { (taken, fresh.values.reduce(0) { $0 + $1.count }) } }
  /// Why stored entries were not used, for a `PUB-CACHE` note.
  private(set) var problem: String?

  struct ShowFile: Codable {
    var format: Int
    var podium: String
    var context: String
    var entries: [Entry]
  }

  struct Entry: Codable {
    var name: String
    var stamp: FileStamp
    /// The ``EpisodeReading`` in ``CacheEncoder``'s form: decoded only when used, and stored
    /// again as it is when it still holds.
    var reading: [UInt8]
  }

  private struct Stored {
    var entries: [Entry]
    var byName: [String: Int]
  }

  /// - Parameters:
  ///   - cache: the build cache.
  ///   - catalogue: the catalogue folder.
  ///   - stamps: every file of the catalogue, by path, from the build's walk.
  init(cache: BuildCache, catalogue: URL, stamps: [String: FileStamp]) {
    folder = cache.folder.appendingPathComponent(Self.folderName)
    podium = cache.podiumIdentity
    self.stamps = stamps
    contexts = Self.contexts(
      stamps: stamps, prefix: "\(cache.podiumIdentity)\0\(catalogue.standardizedFileURL.path)\0")
    var episodeFiles: [String: [(name: String, stamp: FileStamp)]] = [:]
    for (path, stamp) in stamps {
      guard let slash = path.firstIndex(of: "/") else { continue }
      let rest = path[path.index(after: slash)...]
      if !rest.contains("/"), rest.hasSuffix(".md"), !rest.hasPrefix(".") {
        episodeFiles[String(path[..<slash]), default: []].append((String(rest), stamp))
      }
    }
    for slug in episodeFiles.keys { episodeFiles[slug]?.sort { $0.name < $1.name } }
    self.episodeFiles = episodeFiles
    var problems: [String] = []
    let slugs = contexts.keys.sorted()
    let folder = self.folder
    let files = ParallelMap.map(slugs) { slug -> Result<ShowFile, CacheFile.Problem> in
      Result { () throws(CacheFile.Problem) in try CacheFile.read(ShowFile.self, from: folder.appendingPathComponent(slug)) }
    }
    var stored: [String: Stored] = [:]
    for (slug, file) in zip(slugs, files) {
      switch file {
      case .success(let file):
        guard file.format == Self.format, file.podium == podium, file.context == contexts[slug] else { continue }
        var byName: [String: Int] = [:]
        byName.reserveCapacity(file.entries.count)
        for (index, entry) in file.entries.enumerated() { byName[entry.name] = index }
        stored[slug] = Stored(entries: file.entries, byName: byName)
      case .failure(.missing): continue
      case .failure(.unreadable): problems.append("\(Self.folderName)/\(slug)")
      }
    }
    self.stored = stored
    if !problems.isEmpty {
      problem = problems.prefix(3).joined(separator: ", ") + (problems.count > 3 ? " and \(problems.count - 3) more" : "")
    }
  }

  /// The digest of each show folder's context; none for a show with a racy file in it.
  private static func contexts(stamps: [String: FileStamp], prefix: String) -> [String: String] {
    guard let site = stamps["podium.yaml"], !site.racy else { return [:] }
    var byShow: [String: [(path: String, stamp: FileStamp)]] = [:]
    for (path, stamp) in stamps {
      guard let slash = path.firstIndex(of: "/") else { continue }
      let slug = String(path[..<slash])
      let rest = path[path.index(after: slash)...]
      // The episode files are each their own entry's; everything else in the folder is context.
      if !rest.contains("/"), rest.hasSuffix(".md") {
        if byShow[slug] == nil { byShow[slug] = [] }
        continue
      }
      byShow[slug, default: []].append((path, stamp))
    }
    var contexts: [String: String] = [:]
    for (slug, files) in byShow where !files.contains(where: \.stamp.racy) {
      var bytes = Array(prefix.utf8) + site.bytes
      for (path, stamp) in files.sorted(by: { $0.path < $1.path }) {
        bytes += path.utf8
        bytes.append(0)
        bytes += stamp.bytes
      }
      contexts[slug] = ContentDigest.hex(ContentDigest.sha256(bytes))
    }
    return contexts
  }

  /// The digest of a show folder's context; `nil` when a file in it is racy.
  func context(of slug: String) -> String? { contexts[slug] }

  /// A show folder's episode files with their stamps, in name order; `nil` when one is racy.
  func episodeStamps(of slug: String) -> [(name: String, stamp: FileStamp)]? {
    let files = episodeFiles[slug] ?? []
    return files.contains(where: \.stamp.racy) ? nil : files
  }

  func reading(show: String, file name: String) -> EpisodeReading? {
    guard let stored = stored[show], let index = stored.byName[name],
      let stamp = stamps["\(show)/\(name)"], !stamp.racy, stored.entries[index].stamp == stamp
    else { return nil }
    guard let reading = try? CacheDecoder.decode(EpisodeReading.self, from: stored.entries[index].reading) else {
      return nil
    }
    lock.withLock { taken += 1 }
    return reading
  }

  func read(show: String, file name: String, _ reading: EpisodeReading) {
    lock.withLock { fresh[show, default: [:]][name] = reading }
  }

  /// Stores each show's entries, for the next build: this build's readings and the earlier ones
  /// that still hold. A show whose entries are as they were is not written again; the files of
  /// shows no longer in the catalogue are removed.
  func store(cache: BuildCache) {
    guard cache.makeFolder() else { return }
    var info = stat()
    if lstat(folder.path, &info) != 0 {
      guard mkdir(folder.path, 0o755) == 0 else { return }
    } else if info.st_mode & S_IFMT != S_IFDIR {
      return
    }
    let fresh = lock.withLock { self.fresh }
    let slugs = contexts.keys.sorted()
    ParallelMap.map(slugs) { slug -> Void in
      guard let context = contexts[slug], stamps["\(slug)/show.yaml"] != nil else { return }
      let old = stored[slug]
      let new = fresh[slug] ?? [:]
      var entries: [Entry] = []
      var changed = old == nil
      for (name, stamp) in episodeFiles[slug] ?? [] {
        guard !stamp.racy else {
          changed = true
          continue
        }
        if let reading = new[name] {
          changed = true
          guard reading.reusable, let bytes = try? CacheEncoder.encode(reading) else { continue }
          entries.append(Entry(name: name, stamp: stamp, reading: bytes))
        } else if let old, let index = old.byName[name], old.entries[index].stamp == stamp {
          entries.append(old.entries[index])
        } else {
          changed = true
        }
      }
      if let old, old.entries.count != entries.count { changed = true }
      guard changed else { return }
      CacheFile.write(
        ShowFile(format: Self.format, podium: podium, context: context, entries: entries),
        to: folder.appendingPathComponent(slug))
    }
    // A show gone from the catalogue (or renamed) leaves its file behind otherwise.
    if let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) {
      for name in names where stamps["\(name)/show.yaml"] == nil && !name.hasPrefix(".") {
        unlink(folder.appendingPathComponent(name).path)
      }
    }
  }
}
