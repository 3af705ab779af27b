import AtomicOutput
import Foundation
import Synchronization
import PodiumTestSupport
import Testing

/// A rebuild hard-links the files it would write again unchanged.
@Suite struct FileReuseTests {
  private func tree(_ files: [String: String]) throws -> OutputTree {
    var tree = OutputTree()
    for (path, text) in files { try tree.add(path, Data(text.utf8)) }
    return tree
  }

  private func inode(_ url: URL) throws -> UInt64 {
    let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
    return try #require((attributes[.systemFileNumber] as? NSNumber)?.uint64Value)
  }

  @Test func unchangedFilesAreLinkedAndChangedOnesWritten() throws {
    let folder = try TemporaryFolder()
    let output = folder.url.appendingPathComponent("feeds")
    try DirectoryCommit(directory: output).commit(try tree(["a/same.json": "{}", "feed.xml": "one", "size.txt": "abc"]))
    let same = try inode(output.appendingPathComponent("a/same.json"))
    let changed = try inode(output.appendingPathComponent("feed.xml"))
    try DirectoryCommit(directory: output).commit(try tree(["a/same.json": "{}", "feed.xml": "two", "size.txt": "abd"]))
    #expect(try inode(output.appendingPathComponent("a/same.json")) == same)
    #expect(try inode(output.appendingPathComponent("feed.xml")) != changed)
    let files = try folder.snapshot("feeds").mapValues { String(decoding: $0, as: UTF8.self) }
    #expect(files == ["a/same.json": "{}", "feed.xml": "two", "size.txt": "abd"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["feeds"])
  }

  /// Files written as they are made (chapters) are linked when unchanged, as a tree's are, and
  /// their paths are taken: the tree written later may not hold them again.
  @Test func filesWrittenAsTheyAreMadeAreLinkedWhenUnchanged() throws {
    let folder = try TemporaryFolder()
    let output = folder.url.appendingPathComponent("feeds")
    try DirectoryCommit(directory: output).commit(try tree(["s/chapters/a.json": "{}", "s/chapters/b.json": "b"]))
    let same = try inode(output.appendingPathComponent("s/chapters/a.json"))
    let changed = try inode(output.appendingPathComponent("s/chapters/b.json"))
    var staging = try DirectoryCommit(directory: output).startStaging()
    try staging.write([(path: "s/chapters/a.json", contents: Data("{}".utf8)), ("s/chapters/b.json", Data("c".utf8))])
    #expect(throws: OutputError.self) { try staging.write([(path: "s/chapters/a.json", contents: Data())]) }
    #expect(throws: OutputError.self) { try staging.write(try tree(["s/chapters/b.json": "d"])) }
    #expect(throws: OutputError.self) { try staging.write([(path: "../x.json", contents: Data())]) }
    try staging.write(try tree(["opml": "o"]))
    try staging.staged.commit()
    #expect(try inode(output.appendingPathComponent("s/chapters/a.json")) == same)
    #expect(try inode(output.appendingPathComponent("s/chapters/b.json")) != changed)
    let files = try folder.snapshot("feeds").mapValues { String(decoding: $0, as: UTF8.self) }
    #expect(files == ["s/chapters/a.json": "{}", "s/chapters/b.json": "c", "opml": "o"])
  }

  /// A symbolic link or a file linked from elsewhere in the old output is never reused: the
  /// new output gets a file of its own.
  @Test func onlyPlainFilesOfTheOutputAreReused() throws {
    let folder = try TemporaryFolder()
    let output = folder.url.appendingPathComponent("feeds")
    try DirectoryCommit(directory: output).commit(try tree(["kept.txt": "x"]))
    let outside = folder.url.appendingPathComponent("outside.txt")
    try Data("x".utf8).write(to: outside)
    try FileManager.default.createSymbolicLink(
      atPath: output.appendingPathComponent("link.txt").path, withDestinationPath: outside.path)
    try FileManager.default.linkItem(at: outside, to: output.appendingPathComponent("shared.txt"))
    try DirectoryCommit(directory: output).commit(try tree(["kept.txt": "x", "link.txt": "x", "shared.txt": "x"]))
    for name in ["link.txt", "shared.txt"] {
      let attributes = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent(name).path)
      #expect(attributes[.type] as? FileAttributeType == .typeRegular)
      #expect(try inode(output.appendingPathComponent(name)) != (try inode(outside)))
    }
    #expect(try String(contentsOf: outside, encoding: .utf8) == "x")
  }

  /// A folder of the old output that is a symbolic link leads outside it: files in it are never
  /// reused, or the published output would be a link to someone else's file.
  @Test func filesBehindASymlinkedFolderAreNotReused() throws {
    let folder = try TemporaryFolder()
    let output = folder.url.appendingPathComponent("feeds")
    try DirectoryCommit(directory: output).commit(try tree(["kept.txt": "x"]))
    let elsewhere = folder.url.appendingPathComponent("elsewhere")
    try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
    let outside = elsewhere.appendingPathComponent("a.vtt")
    try Data("WEBVTT".utf8).write(to: outside)
    try FileManager.default.createSymbolicLink(
      atPath: output.appendingPathComponent("transcripts").path, withDestinationPath: elsewhere.path)
    try DirectoryCommit(directory: output).commit(try tree(["kept.txt": "x", "transcripts/a.vtt": "WEBVTT"]))
    #expect(try inode(output.appendingPathComponent("transcripts/a.vtt")) != (try inode(outside)))
    let attributes = try FileManager.default.attributesOfItem(atPath: outside.path)
    #expect((attributes[.referenceCount] as? NSNumber)?.intValue == 1)
  }

  /// What happened to a recorded file of the old output before the build that links it by its stamp.
  enum StampedChange: CaseIterable, Sendable {
    case none, rewrittenTheSame, modifiedTimeChanged, replacedByALink, linkedElsewhere, folderReplacedByALink, ownedByAnother
  }

  /// A file a build cache recorded is linked by its stamp, without being read, only while the old
  /// output's path names that very file, a plain file of ours linked nowhere else and reached
  /// through no link; otherwise nothing is left at the staged path, so the caller writes it.
  @Test(arguments: StampedChange.allCases) func aFileIsLinkedByItsStampOnlyWhileUnchanged(_ change: StampedChange) throws {
    let folder = try TemporaryFolder()
    let output = folder.url.appendingPathComponent("feeds")
    try DirectoryCommit(directory: output).commit(try tree(["s/chapters/a.json": "{}", "s/chapters/b.json": "b"]))
    let file = output.appendingPathComponent("s/chapters/a.json")
    var status = stat()
    try #require(lstat(file.path, &status) == 0)
    let recorded = OutputFileStamp(
      inode: UInt64(status.st_ino), size: Int64(status.st_size), modified: Int64(status.st_mtim.tv_sec),
      modifiedNanoseconds: Int64(status.st_mtim.tv_nsec))
    let elsewhere = folder.url.appendingPathComponent("elsewhere")
    try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
    switch change {
    case .none: break
    case .rewrittenTheSame:
      // Written beside it before taking its name, so it is another file (another inode).
      let other = output.appendingPathComponent("s/chapters/a.json.new")
      try Data("{}".utf8).write(to: other)
      try #require(rename(other.path, file.path) == 0)
    case .modifiedTimeChanged:
      var times = [timespec(tv_sec: 1_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000, tv_nsec: 0)]
      try #require(utimensat(AT_FDCWD, file.path, &times, 0) == 0)
    case .replacedByALink:
      try FileManager.default.moveItem(at: file, to: elsewhere.appendingPathComponent("a.json"))
      try FileManager.default.createSymbolicLink(at: file, withDestinationURL: elsewhere.appendingPathComponent("a.json"))
    case .linkedElsewhere:
      try FileManager.default.linkItem(at: file, to: elsewhere.appendingPathComponent("a.json"))
    case .folderReplacedByALink:
      let chapters = output.appendingPathComponent("s/chapters")
      try FileManager.default.removeItem(at: elsewhere)
      try FileManager.default.moveItem(at: chapters, to: elsewhere)
      try FileManager.default.createSymbolicLink(at: chapters, withDestinationURL: elsewhere)
    case .ownedByAnother:
      // Only root can give a file away; the stamp (inode, size, time) stays the same.
      guard geteuid() == 0 else { return }
      try #require(chown(file.path, 4242, 4343) == 0)
    }
    var staging = try DirectoryCommit(directory: output).startStaging()
    defer { staging.discard() }
    let linked = try staging.link([(path: "s/chapters/a.json", stamp: recorded)])
    #expect(linked == (change == .none))
    let staged = staging.folder.appendingPathComponent("s/chapters/a.json")
    var stagedStatus = stat()
    if linked {
      #expect(lstat(staged.path, &stagedStatus) == 0 && stagedStatus.st_ino == status.st_ino)
    } else {
      #expect(lstat(staged.path, &stagedStatus) != 0)
      #expect(!staging.isReserved("s/chapters/a.json"))
    }
  }

  /// Files larger than one read piece are compared whole: a difference at the end is a difference.
  @Test func largeFilesAreComparedToTheEnd() throws {
    let folder = try TemporaryFolder()
    let output = folder.url.appendingPathComponent("feeds")
    let big = String(repeating: "a", count: 200_000)
    try DirectoryCommit(directory: output).commit(try tree(["big.txt": big + "1", "same.txt": big]))
    let (changed, same) = (try inode(output.appendingPathComponent("big.txt")), try inode(output.appendingPathComponent("same.txt")))
    try DirectoryCommit(directory: output).commit(try tree(["big.txt": big + "2", "same.txt": big]))
    #expect(try inode(output.appendingPathComponent("big.txt")) != changed)
    #expect(try inode(output.appendingPathComponent("same.txt")) == same)
    #expect(try String(contentsOf: output.appendingPathComponent("big.txt"), encoding: .utf8).hasSuffix("2"))
  }

  /// A file its writer creates in the staging folder itself (a feed) is replaced by the
  /// published one only when the bytes are the same, through the same checks as a tree's files.
  @Test func aReservedFileIsReplacedByThePublishedOneOnlyWhenTheSame() throws {
    let folder = try TemporaryFolder()
    let output = folder.url.appendingPathComponent("feeds")
    let big = String(repeating: "<item/>\n", count: 30_000)
    try DirectoryCommit(directory: output).commit(try tree(["a/feed.xml": big, "b/feed.xml": big + "1", "c.xml": "c"]))
    let outside = folder.url.appendingPathComponent("outside.xml")
    try Data("c".utf8).write(to: outside)
    try FileManager.default.removeItem(at: output.appendingPathComponent("c.xml"))
    try FileManager.default.createSymbolicLink(
      atPath: output.appendingPathComponent("c.xml").path, withDestinationPath: outside.path)
    let published = try inode(output.appendingPathComponent("a/feed.xml"))
    var staging = try DirectoryCommit(directory: output).startStaging()
    for (path, text) in ["a/feed.xml": big, "b/feed.xml": big + "2", "c.xml": "c"] {
      try Data(text.utf8).write(to: URL(fileURLWithPath: try staging.reserve(path)))
    }
    #expect(staging.reuseIfUnchanged("a/feed.xml"))
    #expect(!staging.reuseIfUnchanged("b/feed.xml"))
    #expect(!staging.reuseIfUnchanged("c.xml"))
    try staging.staged.commit()
    #expect(try inode(output.appendingPathComponent("a/feed.xml")) == published)
    let files = try folder.snapshot("feeds").mapValues { String(decoding: $0, as: UTF8.self) }
    #expect(files == ["a/feed.xml": big, "b/feed.xml": big + "2", "c.xml": "c"])
    #expect(try inode(output.appendingPathComponent("c.xml")) != (try inode(outside)))
  }

  /// A video show has a folder per episode (`embed/<episode>/`): a rebuild keeps only the folders
  /// on the way to the file it compares open, not every folder it has seen, or 1,000 episodes
  /// would exhaust the usual limit of 1,024 open files and the build would fail.
  @Test func aRebuildKeepsFewFoldersOpen() throws {
    #if os(Linux)
      let folder = try TemporaryFolder()
      let output = folder.url.appendingPathComponent("feeds")
      var files: [String: String] = [:]
      for index in 0..<1_500 { files["show/embed/\(index)/index.html"] = "<p>\(index)</p>" }
      try DirectoryCommit(directory: output).commit(try tree(files))
      let reused = try ["show/embed/0/index.html", "show/embed/700/index.html", "show/embed/1499/index.html"].map {
        try inode(output.appendingPathComponent($0))
      }
      let openFiles: @Sendable () -> Int = { (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? 0 }
      let before = openFiles()
      let most = Mutex(0)
      var commit = DirectoryCommit(directory: output)
      commit.willWrite = { _ in
        let now = openFiles()
        most.withLock { $0 = max($0, now) }
      }
      try commit.commit(try tree(files))
      // Before: one descriptor per folder seen, 1,500 and more by the end.
      #expect(most.withLock { $0 } - before < 500)
      #expect(try folder.snapshot("feeds").count == 1_500)
      // And every unchanged file is still linked, not written again.
      #expect(
        try ["show/embed/0/index.html", "show/embed/700/index.html", "show/embed/1499/index.html"].map {
          try inode(output.appendingPathComponent($0))
        } == reused)
    #endif
  }
}
