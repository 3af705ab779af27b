import Foundation
internal import CPodiumSystem

/// Replaces a whole output folder in one step: the new tree is written into a staging folder next
/// to it, then the two are exchanged atomically (renameat2 RENAME_EXCHANGE on Linux). Readers see
/// the old folder or the new one, never a mix; a failure before the exchange leaves the old one.
public struct DirectoryCommit: Sendable {
  public let directory: URL
  /// Called before each file is written; tests use it to fail a build halfway.
  public var willWrite: (@Sendable (String) throws -> Void)?
  /// Called on the old output once it is swapped out, before it is removed: whether it still
  /// holds only what Podium wrote. A file put into the output after the build's last look is in
  /// it; such an old output is kept beside the new one (`.<name>.kept-<UUID>`), not removed.
  public var oldOutputIsOurs: (@Sendable (URL) -> Bool)?
  /// Called before each step of a commit entry by entry (``StagedDirectory/commit(keeping:)``),
  /// with the entry's name; tests use it to fail a commit midway.
  public var willCommit: (@Sendable (String) throws -> Void)?
  /// Whether a failed step of a commit entry by entry undoes the steps made; tests turn it off
  /// to leave what a build killed at that step leaves.
  var undoesFailedCommit = true

  public init(directory: URL) {
    self.directory = directory.standardizedFileURL
  }

  /// Writes the tree and swaps it in.
  ///
  /// - Returns: where the old output was kept, when ``oldOutputIsOurs`` said it is not ours.
  @discardableResult public func commit(_ tree: OutputTree) throws -> URL? {
    let staged = try stage(tree)
    return try staged.commit()
  }

  /// Writes the tree into a staging folder beside the output folder, without touching the output
  /// folder, so a build can check its outputs while they are being written. A file the output
  /// folder already holds with the same bytes is hard-linked instead of written again.
  public func stage(_ tree: OutputTree) throws -> StagedDirectory {
    var staging = try startStaging()
    do {
      try staging.write(tree)
    } catch {
      staging.discard()
      throw error
    }
    return staging.staged
  }

  /// Makes an empty staging folder beside the output folder, to be filled in parts: a build
  /// writes its feeds first, lets go of their bytes and checks them from there while it writes
  /// the rest.
  public func startStaging() throws -> Staging {
    let parent = directory.deletingLastPathComponent()
    try Self.createDirectory(parent)
    let staging = parent.appendingPathComponent(".\(directory.lastPathComponent).staging-\(UUID().uuidString)")
    try Self.createDirectory(staging)
    return Staging(folder: staging, target: self)
  }

  /// Removes what killed builds left beside the output folder: staging folders and old outputs
  /// of this output only (`.<name>.staging-<UUID>`, `.<name>.old-<UUID>`), never anything else.
  /// Call it while holding the ``OutputLock``, so no running build's staging folder is taken.
  ///
  /// - Returns: the names removed.
  @discardableResult public func removeStaleStaging() -> [String] {
    let parent = directory.deletingLastPathComponent()
    var removed: [String] = []
    let names = (try? FolderListing(atPath: parent.path))?.names ?? []
    for name in names where FolderListing.kind(of: name, in: parent.path) == .folder {
      for kind in [".staging-", ".old-"] {
        let prefix = ".\(directory.lastPathComponent)\(kind)"
        guard name.hasPrefix(prefix), UUID(uuidString: String(name.dropFirst(prefix.count))) != nil else { continue }
        // A commit not undone yet (``undoInterruptedCommits()``) holds entries of the output.
        if FolderListing.kind(of: Self.journalName, in: parent.appendingPathComponent(name).path) != .other { continue }
        if TreeRemoval.remove(parent.appendingPathComponent(name).path) { removed.append(name) }
      }
    }
    return removed
  }

  /// - Returns: where the old output was kept, if it was.
  func swapIn(_ staging: URL) throws -> URL? {
    do {
      return try exchange(staging)
    } catch {
      TreeRemoval.remove(staging.path)
      throw error
    }
  }

  private func exchange(_ staging: URL) throws -> URL? {
    let fileManager = FileManager.default
    var isDirectory: ObjCBool = false
    guard fileManager.fileExists(atPath: directory.path, isDirectory: &isDirectory) else {
      try rename(staging, directory)
      return nil
    }
    guard isDirectory.boolValue else {
      throw OutputError(.io(path: directory.path, detail: "exists and is not a folder"))
    }
    keepModeAndOwner(of: directory, on: staging)
    if podium_exchange_paths(staging.path, directory.path) == 0 {
      return removeOld(at: staging)
    }
    // No atomic exchange here (another OS or file system): two renames, with the old folder kept
    // until the new one is in place.
    let old = directory.deletingLastPathComponent()
      .appendingPathComponent(".\(directory.lastPathComponent).old-\(UUID().uuidString)")
    try rename(directory, old)
    do {
      try rename(staging, directory)
    } catch {
      try? rename(old, directory)
      throw error
    }
    return removeOld(at: old)
  }

  /// Removes the swapped-out old output, unless it now holds something that isn't Podium's:
  /// then it is renamed so that no later build's clean-up takes it, and returned.
  func removeOld(at old: URL) -> URL? {
    if let isOurs = oldOutputIsOurs, !isOurs(old) { return keep(old) ?? old }
    TreeRemoval.remove(old.path)
    return nil
  }

  /// Renames a folder beside the output to `.<name>.kept-<UUID>`, which no build removes.
  func keep(_ folder: URL) -> URL? {
    let kept = directory.deletingLastPathComponent()
      .appendingPathComponent(".\(directory.lastPathComponent).kept-\(UUID().uuidString)")
    return (try? rename(folder, kept)) != nil ? kept : nil
  }

  /// Gives the new output the old one's permissions and owner, so a web server that reads it as
  /// another user keeps reading it. Changing the owner needs the rights to; without them the
  /// folder stays the builder's, as any file it writes.
  private func keepModeAndOwner(of old: URL, on new: URL) {
    var status = stat()
    guard stat(old.path, &status) == 0 else { return }
    chmod(new.path, status.st_mode & 0o7777)
    var current = stat()
    if stat(new.path, &current) == 0, current.st_uid != status.st_uid || current.st_gid != status.st_gid {
      _ = chown(new.path, status.st_uid, status.st_gid)
      // chown clears set-id bits: put the mode back.
      chmod(new.path, status.st_mode & 0o7777)
    }
  }

  private func rename(_ from: URL, _ to: URL) throws {
    if Foundation.rename(from.path, to.path) != 0 {
      throw OutputError(.io(path: to.path, detail: String(cString: strerror(errno))))
    }
  }

  /// Makes the folder the output goes in, when a first build finds it missing.
  public func makeParentFolder() throws { try Self.createDirectory(directory.deletingLastPathComponent()) }

  static func createDirectory(_ url: URL) throws {
    do {
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    } catch {
      throw OutputError(.io(path: url.path, detail: error.localizedDescription))
    }
  }
}
