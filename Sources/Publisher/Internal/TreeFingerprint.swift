import Foundation
import Identifiers

/// A digest of what a folder tree holds, from `lstat` alone: each entry's path and, for a file,
/// its inode, size and modification time (and, where asked, its change time, which no tool sets
/// back). Reading no file's bytes, it costs one `stat` a file: the build cache's test of "nothing
/// changed" (``BuildCache``).
///
/// A file changed in the same clock tick as the walk could keep its times; such a file makes the
/// fingerprint *racy* (as git calls it, https://git-scm.com/docs/racy-git), and a racy fingerprint
/// is never stored to be trusted later. A symbolic link to a folder makes it unusable: what is
/// behind the link is not walked.
struct TreeFingerprint: Equatable {
  /// The SHA-256 of the entries, in hex.
  let digest: String
  /// Whether a file changed at or after the moment the walk began.
  let racy: Bool
  /// Each file's stamp, by path, when asked for: what the per-episode cache compares
  /// (``EpisodeCache``). A link's is what it points at.
  var files: [String: FileStamp] = [:]

  /// - Parameters:
  ///   - root: the folder to walk.
  ///   - changeTimes: whether a file's change time counts (the catalogue: yes; an output whose old
  ///     hard links are removed after the swap, which changes their change time: no).
  /// - Returns: `nil` when the folder can't be walked or holds a link to a folder.
  ///   - stamps: whether to keep each file's ``FileStamp`` in ``files``.
  static func of(_ root: URL, changeTimes: Bool, stamps: Bool = false) -> TreeFingerprint? {
    let start = coarseNow()
    var walk = Walk(changeTimes: changeTimes, start: start, keepsStamps: stamps)
    guard walk.walk(root.path, relative: "") else { return nil }
    return TreeFingerprint(
      digest: ContentDigest.hex(ContentDigest.sha256(walk.bytes)), racy: walk.racy, files: walk.stamps)
  }

  /// Waits until the clock that stamps files has moved past the current tick, so that files
  /// written before the wait are never racy in a walk after it.
  static func waitForNextTick() {
    let now = coarseNow()
    while !isBefore(now, coarseNow()) { usleep(500) }
  }

  private struct Walk {
    let changeTimes: Bool
    let start: timespec
    let keepsStamps: Bool
    var bytes: [UInt8] = []
    var racy = false
    var stamps: [String: FileStamp] = [:]

    init(changeTimes: Bool, start: timespec, keepsStamps: Bool) {
      self.changeTimes = changeTimes
      self.start = start
      self.keepsStamps = keepsStamps
    }

    mutating func walk(_ folder: String, relative: String) -> Bool {
      guard let directory = opendir(folder) else { return false }
      defer { closedir(directory) }
      var names: [String] = []
      while let entry = readdir(directory) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
          String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
        // Git's own folder, when the catalogue is a repository's root, is no input of a build.
        if name == "." || name == ".." || name == ".git" { continue }
        names.append(name)
      }
      names.sort()
      let descriptor = dirfd(directory)
      for name in names {
        var info = stat()
        guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return false }
        let path = relative.isEmpty ? name : "\(relative)/\(name)"
        bytes += path.utf8
        bytes.append(0)
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
          bytes.append(UInt8(ascii: "d"))
          guard walk("\(folder)/\(name)", relative: path) else { return false }
          continue
        case S_IFLNK:
          // A link counts by itself and by what it points at, which must be a file.
          append(info)
          guard fstatat(descriptor, name, &info, 0) == 0, info.st_mode & S_IFMT != S_IFDIR else { return false }
        default:
          break
        }
        let fileRacy = append(info)
        if keepsStamps { stamps[path] = FileStamp(info, racy: fileRacy) }
      }
      return true
    }

    /// Adds a file's fields; returns whether it changed at or after the walk began.
    @discardableResult private mutating func append(_ info: stat) -> Bool {
      var fields: [Int64] = [
        Int64(info.st_mode), Int64(bitPattern: UInt64(info.st_ino)), Int64(info.st_size), Int64(info.st_mtim.tv_sec),
        Int64(info.st_mtim.tv_nsec),
      ]
      if changeTimes { fields += [Int64(info.st_ctim.tv_sec), Int64(info.st_ctim.tv_nsec)] }
      for field in fields { withUnsafeBytes(of: field.littleEndian) { bytes += $0 } }
      let changed = !TreeFingerprint.isBefore(info.st_mtim, start) || (changeTimes && !TreeFingerprint.isBefore(info.st_ctim, start))
      if changed { racy = true }
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
