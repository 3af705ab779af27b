import Foundation

/// Everything below a folder that a careless command could change: each entry's kind, mode,
/// owner, and a file's bytes or a link's target. Attack tests take one of the folders around
/// what a command may write, before and after, and expect them equal: a command writes only
/// inside what it owns.
public struct FolderFingerprint: Equatable, Sendable, CustomStringConvertible {
  public struct Entry: Equatable, Sendable {
    public var kind: Character  // f file, d folder, l link, o other
    public var mode: UInt32
    public var owner: UInt32
    public var contents: Data  // a file's bytes, a link's target
  }

  /// By path relative to the folder; "" is the folder itself.
  public private(set) var entries: [String: Entry] = [:]

  /// Walks the folder without following symbolic links. A missing folder has no entries.
  /// - Parameter skipping: relative paths (and everything below them) left out, for the one
  ///   part of the folder a command is allowed to change.
  public init(of folder: URL, skipping: Set<String> = []) {
    walk(folder.path, relative: "", skipping: skipping)
  }

  private mutating func walk(_ path: String, relative: String, skipping: Set<String>) {
    guard !skipping.contains(relative) else { return }
    var status = stat()
    guard lstat(path, &status) == 0 else { return }
    let kind: Character
    var contents = Data()
    switch status.st_mode & S_IFMT {
    case S_IFREG:
      kind = "f"
      contents = FileManager.default.contents(atPath: path) ?? Data()
    case S_IFDIR: kind = "d"
    case S_IFLNK:
      kind = "l"
      contents = Data(((try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "").utf8)
    default: kind = "o"
    }
    entries[relative] = Entry(kind: kind, mode: UInt32(status.st_mode & 0o7777), owner: status.st_uid, contents: contents)
    guard kind == "d" else { return }
    for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
      walk(path + "/" + name, relative: relative.isEmpty ? name : relative + "/" + name, skipping: skipping)
    }
  }

  /// The paths that differ from another fingerprint, for a readable failure.
  public func differences(from other: FolderFingerprint) -> [String] {
    Set(entries.keys).union(other.entries.keys).filter { entries[$0] != other.entries[$0] }.sorted()
  }

  public var description: String { "\(entries.count) entries" }
}
