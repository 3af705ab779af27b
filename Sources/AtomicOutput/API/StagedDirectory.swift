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

  public func discard() { TreeRemoval.remove(staging.path) }
}
