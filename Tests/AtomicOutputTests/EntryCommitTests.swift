@testable import AtomicOutput
import Foundation
import PodiumTestSupport
import Testing

/// The commit entry by entry (``StagedDirectory/commit(keeping:)``): kept entries are never
/// touched, the rest is swapped in, and a commit that fails or is killed midway leaves, or is
/// made to leave, the output exactly as it was.
@Suite struct EntryCommitTests {
  /// An output of three shows, a top-level file and a manifest folder.
  static let before = [
    "a/feed.xml": "a1", "a/chapters/1.json": "{}", "b/feed.xml": "b1", "c/feed.xml": "c1", "feeds.opml": "o1",
    ".podium/manifest.json": "m1",
  ]
  /// The next output: `a` kept, `b` changed, `c` removed, `d` new, the top-level files changed.
  static let staged = ["b/feed.xml": "b2", "d/feed.xml": "d2", "feeds.opml": "o2", ".podium/manifest.json": "m2"]
  static let after = [
    "a/feed.xml": "a1", "a/chapters/1.json": "{}", "b/feed.xml": "b2", "d/feed.xml": "d2", "feeds.opml": "o2",
    ".podium/manifest.json": "m2",
  ]
  /// The steps, in order: folders, files, the manifest's folder.
  static let steps = ["b", "c", "d", "feeds.opml", ".podium"]

  static func tree(_ files: [String: String]) throws -> OutputTree {
    var tree = OutputTree()
    for (path, text) in files { try tree.add(path, Data(text.utf8)) }
    return tree
  }

  /// A hook that fails the step of the entry `name`.
  static func failing(at entry: String) -> @Sendable (String) throws -> Void {
    { name in if name == entry { throw OutputError(.io(path: name, detail: "simulated")) } }
  }

  func output() throws -> (TemporaryFolder, URL) {
    let folder = try TemporaryFolder()
    let output = folder.url.appendingPathComponent("feeds")
    try DirectoryCommit(directory: output).commit(try Self.tree(Self.before))
    return (folder, output)
  }

  func stage(_ commit: DirectoryCommit) throws -> StagedDirectory {
    var staging = try commit.startStaging()
    try staging.write(try Self.tree(Self.staged))
    return staging.staged
  }

  @Test func keptEntriesStayAndTheRestIsSwappedInWithTheManifestLast() throws {
    let (folder, output) = try output()
    let inodes = try TemporaryFolder.inodes(of: output)
    let order = Steps()
    var commit = DirectoryCommit(directory: output)
    commit.willCommit = { order.append($0) }
    #expect(try stage(commit).commit(keeping: ["a"]) == nil)
    #expect(try folder.snapshot("feeds") == Self.after.mapValues { Data($0.utf8) })
    #expect(order.names == Self.steps)
    let now = try TemporaryFolder.inodes(of: output)
    for path in ["a", "a/feed.xml", "a/chapters", "a/chapters/1.json"] { #expect(now[path] == inodes[path], "\(path)") }
    #expect(now["b"] != inodes["b"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["feeds"])
  }

  /// A step that fails undoes those made before it, last first: the output holds the same
  /// files, the very same ones, and nothing is left beside it.
  @Test(arguments: steps.indices)
  func aStepThatFailsPutsTheOutputBackAsItWas(failing: Int) throws {
    let (folder, output) = try output()
    let inodes = try TemporaryFolder.inodes(of: output)
    var commit = DirectoryCommit(directory: output)
    commit.willCommit = Self.failing(at: Self.steps[failing])
    let staged = try stage(commit)
    #expect {
      try staged.commit(keeping: ["a"])
    } throws: { error in
      "\(error)".contains("simulated") && "\(error)".contains("the output is as it was")
    }
    #expect(try folder.snapshot("feeds") == Self.before.mapValues { Data($0.utf8) })
    #expect(try TemporaryFolder.inodes(of: output) == inodes)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["feeds"])
  }

  /// A build killed at any step leaves each entry old or new, whole, and a journal: the next
  /// build undoes the steps made before it removes the staging folder, which it never removes
  /// while it still holds that journal.
  @Test(arguments: steps.indices)
  func aCommitKilledMidwayIsUndoneByTheNextBuild(killedAt: Int) throws {
    let (folder, output) = try output()
    let inodes = try TemporaryFolder.inodes(of: output)
    var commit = DirectoryCommit(directory: output)
    commit.undoesFailedCommit = false
    commit.willCommit = Self.failing(at: Self.steps[killedAt])
    let staged = try stage(commit)
    #expect(throws: OutputError.self) { try staged.commit(keeping: ["a"]) }
    let next = DirectoryCommit(directory: output)
    let beside = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0 != "feeds" }
    #expect(beside.count == 1 && beside[0].hasPrefix(".feeds.staging-"))
    // Before it is undone, no clean-up takes the staging folder: it holds the output's entries.
    #expect(next.removeStaleStaging() == [])
    let (undone, kept) = next.undoInterruptedCommits()
    #expect(undone == beside && kept == [])
    #expect(try folder.snapshot("feeds") == Self.before.mapValues { Data($0.utf8) })
    #expect(try TemporaryFolder.inodes(of: output) == inodes)
    #expect(next.removeStaleStaging() == beside)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["feeds"])
  }

  /// An entry both staged and named as kept is refused before any step: exchanging it would take
  /// the kept folder's files out of the output.
  @Test func anEntryBothStagedAndKeptIsRefused() throws {
    let (folder, output) = try output()
    let inodes = try TemporaryFolder.inodes(of: output)
    #expect(throws: OutputError.self) { try stage(DirectoryCommit(directory: output)).commit(keeping: ["a", "b"]) }
    #expect(try folder.snapshot("feeds") == Self.before.mapValues { Data($0.utf8) })
    #expect(try TemporaryFolder.inodes(of: output) == inodes)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["feeds"])
  }

  /// The entries swapped out are looked at before they are removed, as a whole old output is:
  /// a file put into a changed show's folder during the build is kept beside the output.
  @Test func aForeignFileInAnEntrySwappedOutIsKept() throws {
    let (folder, output) = try output()
    try folder.write("feeds/b/notes.txt", "mine\n")
    var commit = DirectoryCommit(directory: output)
    commit.oldOutputIsOurs = { old in !FileManager.default.fileExists(atPath: old.appendingPathComponent("b/notes.txt").path) }
    let kept = try #require(try stage(commit).commit(keeping: ["a"]))
    #expect(kept.lastPathComponent.hasPrefix(".feeds.kept-"))
    #expect(try folder.read(kept.lastPathComponent + "/b/notes.txt") == Data("mine\n".utf8))
    #expect(try folder.snapshot("feeds") == Self.after.mapValues { Data($0.utf8) })
  }
}

/// Names seen by a hook, in order.
final class Steps: @unchecked Sendable {
  private let lock = NSLock()
  private var seen: [String] = []
  var names: [String] { lock.withLock { seen } }
  func append(_ name: String) { lock.withLock { seen.append(name) } }
}
