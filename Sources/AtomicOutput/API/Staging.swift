import Foundation

/// A staging folder being filled, beside the output folder it will replace. Nothing in the
/// output folder changes until the result of ``staged`` is committed.
public struct Staging: Sendable {
  /// Where the files are written; readable while the staging goes on.
  public let folder: URL
  let target: DirectoryCommit
  /// Folders made so far, relative to `folder`.
  private var folders: Set<Substring> = [""]

  init(folder: URL, target: DirectoryCommit) {
    self.folder = folder
    self.target = target
  }

  /// Writes the tree's files, hard-linking those the output folder already holds unchanged.
  /// After a failure, ``discard()`` the staging folder.
  public mutating func write(_ tree: OutputTree) throws {
    let linker = FileLinker(previousOutput: target.directory.path)
    for path in tree.paths {
      try target.willWrite?(path)
      let parent = path.lastIndex(of: "/").map { path[..<$0] } ?? ""
      if folders.insert(parent).inserted {
        try DirectoryCommit.createDirectory(folder.appendingPathComponent(String(parent)))
      }
      let contents = tree.files[path] ?? Data()
      if linker.linkIfSame(path, at: folder.path + "/" + path, contents) { continue }
      try FileWriter.create(folder.path + "/" + path, contents)
    }
  }

  /// The path of a file written here.
  public func url(of path: String) -> URL { folder.appendingPathComponent(path) }

  /// The whole tree written: ready to commit or discard.
  public var staged: StagedDirectory { StagedDirectory(staging: folder, target: target) }

  public func discard() { try? FileManager.default.removeItem(at: folder) }
}
