import AtomicOutput
import Foundation
import PodiumTestSupport
import Testing

@Suite struct DirectoryCommitTests {
  func tree(_ files: [String: String]) throws -> OutputTree {
    var tree = OutputTree()
    for (path, text) in files { try tree.add(path, Data(text.utf8)) }
    return tree
  }

  @Test func replacesTheWholeFolder() throws {
    let folder = try TemporaryFolder()
    let output = folder.url.appendingPathComponent("feeds")
    try DirectoryCommit(directory: output).commit(try tree(["a/feed.xml": "one", "old.txt": "stale"]))
    try DirectoryCommit(directory: output).commit(try tree(["a/feed.xml": "two", "b/x.json": "{}"]))
    let files = try folder.snapshot("feeds").mapValues { String(decoding: $0, as: UTF8.self) }
    #expect(files == ["a/feed.xml": "two", "b/x.json": "{}"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["feeds"])
  }

  /// A file put into the output after the build's last look goes out with the old output: that
  /// old output is kept beside the new one, under a name no later clean-up removes, not deleted.
  @Test(arguments: [false, true])
  func anOldOutputThatIsNotOursIsKeptNotRemoved(isOurs: Bool) throws {
    let folder = try TemporaryFolder()
    let output = folder.url.appendingPathComponent("feeds")
    try DirectoryCommit(directory: output).commit(try tree(["a.xml": "one"]))
    try folder.write("feeds/notes.txt", "mine\n")
    var commit = DirectoryCommit(directory: output)
    commit.oldOutputIsOurs = { old in
      #expect(FileManager.default.fileExists(atPath: old.appendingPathComponent("notes.txt").path))
      return isOurs
    }
    let kept = try commit.commit(try tree(["b.xml": "two"]))
    #expect(try FileManager.default.contentsOfDirectory(atPath: output.path) == ["b.xml"])
    let beside = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0 != "feeds" }
    if isOurs {
      #expect(kept == nil)
      #expect(beside == [])
    } else {
      let name = try #require(kept?.lastPathComponent)
      #expect(name.hasPrefix(".feeds.kept-"))
      #expect(beside == [name])
      #expect(try folder.read(name + "/notes.txt") == Data("mine\n".utf8))
      #expect(DirectoryCommit(directory: output).removeStaleStaging() == [])
      #expect(folder.exists(name + "/notes.txt"))
    }
  }

  /// Removing the old output removes a link in it, never what the link points at, and a
  /// folder of thousands of files, removed on both cores, goes whole.
  @Test func removingTheOldOutputNeverFollowsALink() throws {
    let folder = try TemporaryFolder()
    let output = folder.url.appendingPathComponent("feeds")
    var files: [String: String] = ["a/feed.xml": "one"]
    for index in 0..<3_000 { files["a/chapters/\(index).json"] = "{}" }
    try DirectoryCommit(directory: output).commit(try tree(files))
    try folder.write("elsewhere/keep.txt", "mine\n")
    try folder.write("elsewhere/inner/keep.txt", "mine\n")
    for (link, target) in [("feeds/a/outside", "elsewhere"), ("feeds/a/chapters/inner", "elsewhere/inner"), ("feeds/file", "elsewhere/keep.txt")] {
      try FileManager.default.createSymbolicLink(
        atPath: folder.url.appendingPathComponent(link).path, withDestinationPath: folder.url.appendingPathComponent(target).path)
    }
    try DirectoryCommit(directory: output).commit(try tree(["b.xml": "two"]))
    #expect(try folder.snapshot("feeds") == ["b.xml": Data("two".utf8)])
    #expect(try folder.snapshot("elsewhere") == ["keep.txt": Data("mine\n".utf8), "inner/keep.txt": Data("mine\n".utf8)])
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == ["elsewhere", "feeds"])
  }

  /// Paths reserved for a show's links are all freed when one of them can't be (its folder can't
  /// be made, the disk is full): the show is then rendered, not refused for "two outputs want the
  /// same path".
  @Test func pathsThatCantAllBeReservedAreAllFreed() throws {
    let folder = try TemporaryFolder()
    var commit = DirectoryCommit(directory: folder.url.appendingPathComponent("feeds"))
    commit.willWrite = { path in if path == "a/2.json" { throw OutputError(.io(path: path, detail: "simulated")) } }
    var staging = try commit.startStaging()
    defer { staging.discard() }
    let stamp = OutputFileStamp(inode: 1, size: 1, modified: 0, modifiedNanoseconds: 0)
    #expect(throws: OutputError.self) { try staging.link([("a/1.json", stamp), ("a/2.json", stamp), ("a/3.json", stamp)]) }
    #expect(!staging.isReserved("a/1.json") && !staging.isReserved("a/2.json") && !staging.isReserved("a/3.json"))
    #expect(throws: OutputError.self) { _ = try staging.reserve("a/2.json") }
    #expect(!staging.isReserved("a/2.json"))
    _ = try staging.reserve("a/1.json")
    #expect(throws: OutputError.self) { try staging.reserve(["a/3.json", "a/1.json"]) }
    #expect(staging.isReserved("a/1.json") && !staging.isReserved("a/3.json"))
  }

  /// A folder kept in place is reserved whole: nothing can be staged in it, nor can it be kept
  /// once something is staged in it; freed, it can be written again.
  @Test func aFolderKeptInPlaceIsReservedWhole() throws {
    let folder = try TemporaryFolder()
    var staging = try DirectoryCommit(directory: folder.url.appendingPathComponent("feeds")).startStaging()
    defer { staging.discard() }
    try staging.reserveInPlace(folder: "a")
    #expect(staging.isReserved("a/feed.xml") && staging.isReserved("a/chapters/1.json") && !staging.isReserved("ab/feed.xml"))
    #expect(throws: OutputError.self) { _ = try staging.reserve("a/feed.xml") }
    #expect(throws: OutputError.self) { try staging.write(try tree(["a/chapters/1.json": "x"])) }
    #expect(throws: OutputError.self) { try staging.reserveInPlace(folder: "a") }
    _ = try staging.reserve("b/feed.xml")
    try staging.write(try tree(["c": "x"]))
    _ = try staging.reserve("d")
    for taken in ["b", "d", "a/b", ".."] { #expect(throws: OutputError.self) { try staging.reserveInPlace(folder: taken) } }
    staging.releaseInPlace(folder: "a")
    #expect(!staging.isReserved("a/feed.xml"))
    _ = try staging.reserve("a/feed.xml")
    #expect(FileManager.default.fileExists(atPath: staging.folder.appendingPathComponent("c").path))
  }

  @Test func aFailureLeavesTheOldFolderAndNoLeftovers() throws {
    let folder = try TemporaryFolder()
    let output = folder.url.appendingPathComponent("feeds")
    try DirectoryCommit(directory: output).commit(try tree(["feed.xml": "published"]))
    var failing = DirectoryCommit(directory: output)
    failing.willWrite = { path in if path == "b.xml" { throw OutputError(.io(path: path, detail: "simulated")) } }
    #expect(throws: OutputError.self) { try failing.commit(try tree(["a.xml": "new", "b.xml": "new", "c.xml": "new"])) }
    #expect(try folder.snapshot("feeds") == ["feed.xml": Data("published".utf8)])
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["feeds"])
  }

  @Test(arguments: [
    "../escape.xml", "/etc/passwd", "a/../../b", "", "a//b", "./a", "a/.", "a/", "..", "a/b\0c", "/", "a/./b",
  ])
  func refusesPathsOutsideTheTree(path: String) {
    var tree = OutputTree()
    #expect(throws: OutputError.self) { try tree.add(path, Data()) }
  }

  @Test(arguments: ["a", "a/b.json", "...", "a/.../b", ".podium/published.json", "a./b", "é/.x", "a/b c"])
  func acceptsPathsInsideTheTree(path: String) throws {
    var tree = OutputTree()
    try tree.add(path, Data())
    #expect(tree.paths == [path])
  }

  @Test func refusesTwoFilesAtOnePath() throws {
    var tree = OutputTree()
    try tree.add("a.xml", Data())
    #expect(throws: OutputError.self) { try tree.add("a.xml", Data()) }
  }

  @Test func atomicFileNeverOverwritesWhenAskedNotTo() throws {
    let folder = try TemporaryFolder()
    let file = folder.url.appendingPathComponent("x/new.md")
    try AtomicFile.write(Data("first".utf8), to: file, createOnly: true)
    #expect(throws: OutputError.self) { try AtomicFile.write(Data("second".utf8), to: file, createOnly: true) }
    #expect(try String(contentsOf: file, encoding: .utf8) == "first")
  }

  /// A build stages its feeds first and checks them from the staging folder while the rest is
  /// written; the output folder sees nothing until the commit, and a discard leaves no trace.
  @Test func stagingInPartsShowsNothingUntilTheCommit() throws {
    let folder = try TemporaryFolder()
    let output = folder.url.appendingPathComponent("feeds")
    try DirectoryCommit(directory: output).commit(try tree(["a/feed.xml": "old"]))
    var tree = try tree(["a/feed.xml": "new", "a/chapters/1.json": "{}", "feeds.opml": "<opml/>"])
    let feeds = tree.take(["a/feed.xml", "not/there.xml"])
    #expect(feeds.paths == ["a/feed.xml"])
    #expect(tree.paths == ["a/chapters/1.json", "feeds.opml"])
    var staging = try DirectoryCommit(directory: output).startStaging()
    try staging.write(feeds)
    #expect(try String(contentsOf: staging.url(of: "a/feed.xml"), encoding: .utf8) == "new")
    try staging.write(tree)
    #expect(try folder.snapshot("feeds") == ["a/feed.xml": Data("old".utf8)])
    try staging.staged.commit()
    #expect(try folder.snapshot("feeds").keys.sorted() == ["a/chapters/1.json", "a/feed.xml", "feeds.opml"])
    var discarded = try DirectoryCommit(directory: output).startStaging()
    try discarded.write(try self.tree(["x.xml": "x"]))
    discarded.discard()
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["feeds"])
  }

  /// A feed is written into its staged file as it is made: its path is checked like a tree's,
  /// and no tree may bring a second file to it.
  @Test func reservedPathsAreCheckedAndKeptForTheirWriter() throws {
    let folder = try TemporaryFolder()
    var staging = try DirectoryCommit(directory: folder.url.appendingPathComponent("feeds")).startStaging()
    defer { staging.discard() }
    let path = try staging.reserve("show/feed.xml")
    #expect(path == staging.url(of: "show/feed.xml").path)
    #expect(FileManager.default.fileExists(atPath: staging.url(of: "show").path))
    #expect(throws: OutputError.self) { _ = try staging.reserve("show/feed.xml") }
    #expect(throws: OutputError.self) { _ = try staging.reserve("../feed.xml") }
    #expect(throws: OutputError.self) { try staging.write(try tree(["show/feed.xml": "twice"])) }
  }
}
