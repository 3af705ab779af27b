import Foundation

/// The files a build will write, held in memory until they are all rendered, so that a failure
/// while rendering never touches the disk.
public struct OutputTree: Sendable, Equatable {
  /// Relative paths (with `/`) to contents.
  public private(set) var files: [String: Data] = [:]

  public init() {}

  /// Adds a file. The path must stay inside the tree: no absolute paths, no `..`, no empty parts.
  public mutating func add(_ path: String, _ contents: Data) throws {
    let parts = path.split(separator: "/", omittingEmptySubsequences: false)
    guard !path.isEmpty, !path.hasPrefix("/"),
      parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && !$0.contains("\0") })
    else { throw OutputError(.invalidPath(path)) }
    guard files[path] == nil else { throw OutputError(.duplicatePath(path)) }
    files[path] = contents
  }

  /// Paths in a stable order.
  public var paths: [String] { files.keys.sorted() }
}
