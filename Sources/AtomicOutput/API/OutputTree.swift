import Foundation

/// The files a build will write, held in memory until they are all rendered, so that a failure
/// while rendering never touches the disk.
public struct OutputTree: Sendable, Equatable {
  /// Relative paths (with `/`) to contents.
  public private(set) var files: [String: Data] = [:]

  public init() {}

  /// Adds a file. The path must stay inside the tree: no absolute paths, no `..`, no empty parts.
  public mutating func add(_ path: String, _ contents: Data) throws {
    guard Self.isRelative(path) else { throw OutputError(.invalidPath(path)) }
    guard files[path] == nil else { throw OutputError(.duplicatePath(path)) }
    files[path] = contents
  }

  /// Whether every part between slashes is a name: not empty, not `.` or `..`, no NUL. Checked
  /// byte by byte, as a build adds a file per episode (slash, dot and NUL are single bytes in
  /// UTF-8, and are characters of their own).
  static func isRelative(_ path: String) -> Bool {
    var part = 0  // bytes in the current part
    var dots = 0  // of which dots
    for byte in path.utf8 {
      switch byte {
      case 0: return false
      case UInt8(ascii: "/"):
        guard part > 0, part != dots || dots > 2 else { return false }
        part = 0
        dots = 0
      case UInt8(ascii: "."):
        part += 1
        dots += 1
      default: part += 1
      }
    }
    return part > 0 && (part != dots || dots > 2)
  }

  /// Moves the files at these paths out into a tree of their own; paths not here are skipped.
  public mutating func take(_ paths: some Sequence<String>) -> OutputTree {
    var taken = OutputTree()
    for path in paths { taken.files[path] = files.removeValue(forKey: path) }
    return taken
  }

  /// Paths in a stable order.
  public var paths: [String] { files.keys.sorted() }
}
