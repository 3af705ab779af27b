import AtomicOutput
import Foundation
import Identifiers
import Parallel

/// A digest of what a folder tree holds, from `lstat` alone: each entry's path and, for a file,
/// its inode, size and modification time (and, where asked, its change time, which no tool sets
/// back). Reading no file's bytes, it costs one `stat` a file: the build cache's test of "nothing
/// changed" (``BuildCache``).
///
/// A file changed in the same clock tick as the walk could keep its times; such a file makes the
/// fingerprint *racy* (as git calls it, https://git-scm.com/docs/racy-git), and a racy fingerprint
/// is never stored to be trusted later. A symbolic link to a folder makes it unusable: what is
/// behind the link is not walked.
struct TreeFingerprint {
  /// The SHA-256 of the entries, in hex.
  let digest: String
  /// Whether a file changed at or after the moment the walk began.
  let racy: Bool
  /// Each file's stamp, when asked for: what the per-episode cache compares (``EpisodeCache``).
  /// A link's is what it points at.
  var stamps: CatalogueStamps?

  /// - Parameters:
  ///   - root: the folder to walk.
  ///   - changeTimes: whether a file's change time counts (the catalogue: yes; an output whose old
  ///     hard links are removed after the swap, which changes their change time: no).
  ///   - stamps: whether to keep each file's ``FileStamp`` in ``stamps``.
  /// - Returns: `nil` when the folder can't be walked or holds a link to a folder.
  static func of(_ root: URL, changeTimes: Bool, stamps: Bool = false) -> TreeFingerprint? {
    let walk = Walk(changeTimes: changeTimes, start: coarseNow(), keepsStamps: stamps)
    let descriptor = open(root.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    guard let part = walk.folder(descriptor, relative: "") else { return nil }
    return TreeFingerprint(
      digest: ContentDigest.hex(ContentDigest.sha256(part.bytes)), racy: part.racy,
      stamps: stamps ? CatalogueStamps(part.stamps) : nil)
  }

  /// The fingerprint ``of(_:changeTimes:stamps:)`` gives of `root` once the entries `kept` of
  /// `live` are beside its own: a build that keeps shows' folders in place in the output
  /// (``OutputRenderer/liveFiles``) stages only the rest, and the output it commits is both.
  static func of(_ root: URL, changeTimes: Bool, keeping kept: [String], from live: URL) -> TreeFingerprint? {
    guard !kept.isEmpty else { return of(root, changeTimes: changeTimes) }
    let walk = Walk(changeTimes: changeTimes, start: coarseNow(), keepsStamps: false)
    let (staged, old) = (open(root.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC), open(live.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC))
    defer {
      if staged >= 0 { close(staged) }
      if old >= 0 { close(old) }
    }
    guard staged >= 0, old >= 0, let part = walk.entries(staged, keeping: kept, from: old) else { return nil }
    return TreeFingerprint(digest: ContentDigest.hex(ContentDigest.sha256(part.bytes)), racy: part.racy)
  }

  /// Waits until the clock that stamps files has moved past this moment, so that files written
  /// before the wait are never racy in a walk after it. The kernel may stamp a file with the
  /// fine-grained time, ahead of the coarse clock's last tick (multigrain timestamps,
  /// https://docs.kernel.org/filesystems/multigrain-ts.html), so the coarse clock must pass the
  /// fine one, not only tick once.
  static func waitForNextTick() {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    while !isBefore(now, coarseNow()) { usleep(500) }
  }

  /// What a run of entries gave, to be put together in name order.
  private struct Part {
    var bytes: [UInt8] = []
    var racy = false
    var stamps: [(String, FileStamp)] = []

    mutating func append(_ other: Part) {
      bytes += other.bytes
      racy = racy || other.racy
      stamps += other.stamps
    }
  }

  /// The walk: each folder read from its open descriptor, its entries looked at relative to it
  /// (`fstatat`), a folder below opened without following a link; a folder of many entries (the
  /// shows of a network, the episodes of a large show) taken in runs on every core, and the
  /// runs put together in name order, so the digest is the same as one pass's.
  private struct Walk: Sendable {
    let changeTimes: Bool
    let start: timespec
    let keepsStamps: Bool

    /// Entries in a folder at least this large are taken in runs on every core.
    static let parallelEntries = 256

    func folder(_ descriptor: Int32, relative: String) -> Part? {
      guard let names = Self.names(in: descriptor) else { return nil }
      guard names.count >= Self.parallelEntries else { return entries(names[...], in: descriptor, relative: relative) }
      let runs = 16
      let size = (names.count + runs - 1) / runs
      let parts = ParallelMap.map(Array(0..<runs)) { run in
        entries(names[min(names.count, run * size)..<min(names.count, (run + 1) * size)], in: descriptor, relative: relative)
      }
      var whole = Part()
      for part in parts {
        guard let part else { return nil }
        whole.append(part)
      }
      return whole
    }

    /// The entries of the folder `staged` and the entries `kept` of the folder `live`, in name
    /// order, as one folder's: each entry on its own core.
    func entries(_ staged: Int32, keeping kept: [String], from live: Int32) -> Part? {
      guard let names = Self.names(in: staged) else { return nil }
      let keptNames = Set(kept)
      let all = (names.filter { !keptNames.contains($0) } + kept).sorted()
      var whole = Part()
      for part in ParallelMap.map(all, { name in entries([name], in: keptNames.contains(name) ? live : staged, relative: "") }) {
        guard let part else { return nil }
        whole.append(part)
      }
      return whole
    }

    /// The folder's names but `.`, `..` and `.git`, sorted.
    private static func names(in descriptor: Int32) -> [String]? {
      // Git's own folder, when the catalogue is a repository's root, is no input of a build.
      guard var names = FolderListing.names(inFolder: descriptor) else { return nil }
      names.removeAll { $0 == ".git" }
      names.sort()
      return names
    }

    private func entries(_ names: ArraySlice<String>, in descriptor: Int32, relative: String) -> Part? {
      var part = Part()
      for name in names {
        var info = stat()
        guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        let path = relative.isEmpty ? name : "\(relative)/\(name)"
        part.bytes += path.utf8
        part.bytes.append(0)
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
          part.bytes.append(UInt8(ascii: "d"))
          let inner = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
          guard inner >= 0 else { return nil }
          defer { close(inner) }
          guard let folder = folder(inner, relative: path) else { return nil }
          part.append(folder)
          continue
        case S_IFLNK:
          // A link counts by itself and by what it points at, which must be a file.
          append(info, to: &part)
          guard fstatat(descriptor, name, &info, 0) == 0, info.st_mode & S_IFMT != S_IFDIR else { return nil }
        default:
          break
        }
        let fileRacy = append(info, to: &part)
        if keepsStamps { part.stamps.append((path, FileStamp(info, racy: fileRacy))) }
      }
      return part
    }

    /// Adds a file's fields; returns whether it changed at or after the walk began.
    @discardableResult private func append(_ info: stat, to part: inout Part) -> Bool {
      func put(_ field: Int64) { withUnsafeBytes(of: field.littleEndian) { part.bytes += $0 } }
      put(Int64(info.st_mode))
      put(Int64(bitPattern: UInt64(info.st_ino)))
      put(Int64(info.st_size))
      put(Int64(info.st_mtim.tv_sec))
      put(Int64(info.st_mtim.tv_nsec))
      if changeTimes {
        put(Int64(info.st_ctim.tv_sec))
        put(Int64(info.st_ctim.tv_nsec))
      }
      let changed = !TreeFingerprint.isBefore(info.st_mtim, start) || (changeTimes && !TreeFingerprint.isBefore(info.st_ctim, start))
      if changed { part.racy = true }
      return changed
    }
  }

  fileprivate static func isBefore(_ a: timespec, _ b: timespec) -> Bool {
    a.tv_sec != b.tv_sec ? a.tv_sec < b.tv_sec : a.tv_nsec < b.tv_nsec
  }

  /// The clock the kernel stamps files with.
  private static func coarseNow() -> timespec {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME_COARSE, &now)
    return now
  }
}
