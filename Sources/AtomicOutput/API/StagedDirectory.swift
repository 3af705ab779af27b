import Foundation

/// A fully written output tree waiting beside the output folder. Commit it to swap it in, or
/// discard it; until then the output folder is untouched.
public struct StagedDirectory: Sendable {
  let staging: URL
  let target: DirectoryCommit

  public func commit() throws { try target.swapIn(staging) }

  public func discard() { try? FileManager.default.removeItem(at: staging) }
}
