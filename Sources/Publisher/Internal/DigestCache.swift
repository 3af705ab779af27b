import AtomicOutput
import Foundation

/// The SHA-256 of files already read, by path, kept while the file's size, modification time
/// (to the nanosecond) and inode stay the same: a publish of a catalogue whose media did not
/// change does not read gigabytes again to learn that. Stored outside the repository, in the
/// user's cache folder (docs/safety.md); a damaged file is ignored.
struct DigestCache {
  struct Entry: Codable, Hashable {
    var size: Int64
    var modified: Int64
    var inode: UInt64
    var sha256: String
  }

  /// What identifies a file's bytes without reading them.
  struct Stamp: Hashable {
    var size: Int64
    var modified: Int64
    var inode: UInt64

    init?(_ url: URL) {
      var info = stat()
      guard stat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
      size = Int64(info.st_size)
      modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
      inode = UInt64(info.st_ino)
    }
  }

  let file: URL?
  private let entries: [String: Entry]
  /// What this run used or learnt: all that is saved, so the file never keeps files long gone.
  private var used: [String: Entry] = [:]

  /// - Parameter file: where the cache is kept; nil for none.
  init(file: URL?) {
    self.file = file
    let data = file.flatMap { FileManager.default.contents(atPath: $0.path) }
    entries = data.flatMap { try? JSONDecoder().decode([String: Entry].self, from: $0) } ?? [:]
  }

  func digest(of url: URL, _ stamp: Stamp) -> String? {
    guard let entry = entries[url.path], entry.size == stamp.size, entry.modified == stamp.modified,
      entry.inode == stamp.inode
    else { return nil }
    return entry.sha256
  }

  mutating func record(_ url: URL, _ stamp: Stamp, sha256: String) {
    used[url.path] = Entry(size: stamp.size, modified: stamp.modified, inode: stamp.inode, sha256: sha256)
  }

  func save() {
    guard let file else { return }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    guard let data = try? encoder.encode(used) else { return }
    try? AtomicFile.write(data, to: file)
  }
}
