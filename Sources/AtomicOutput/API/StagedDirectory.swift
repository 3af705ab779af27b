import Foundation

/// A fully written output tree waiting beside the output folder. Commit it to swap it in, or
/// discard it; until then the output folder is untouched.
public struct StagedDirectory: Sendable {
  let staging: URL
  let target: DirectoryCommit

  /// Swaps the tree in.
  ///
  /// - Returns: where the old output was kept, when it held something Podium did not write
  ///   (``DirectoryCommit/oldOutputIsOurs``); otherwise it is removed and this is `nil`.
  @discardableResult public func commit() throws -> URL? { try target.swapIn(staging) }

  /// Swaps the tree in entry by entry, leaving the output's entries named in `kept` (the folders
  /// of shows a build cache knows unchanged, which were not staged) as they are: each staged
  /// entry exchanged with the output's, or renamed in; each other entry of the output moved out;
  /// the manifest's folder last. A step that fails undoes those made, and the error says so.
  /// A build killed midway leaves each entry old or new, whole; the next build's
  /// ``DirectoryCommit/undoInterruptedCommits()`` puts the old ones back (docs/safety.md).
  ///
  /// - Returns: as ``commit()``, for the entries swapped out.
  @discardableResult public func commit(keeping kept: Set<String>) throws -> URL? {
    try target.swapEntries(staging, keeping: kept)
  }

  public func discard() { TreeRemoval.remove(staging.path) }
}
