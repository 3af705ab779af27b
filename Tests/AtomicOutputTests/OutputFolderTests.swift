import AtomicOutput
import Foundation
import Synchronization
import PodiumTestSupport
import Testing

/// Where a build may put its output, and which folders it may replace.
@Suite struct OutputFolderTests {
  struct Place: Sendable, CustomStringConvertible {
    var output: String
    var problem: String?
    var description: String { "\(output) → \(problem ?? "allowed")" }
  }

  /// The catalogue is /work/show/episodes, the current folder /work/show, home /home/an.
  @Test(arguments: [
    Place(output: "/", problem: "is the root folder"),
    Place(output: "/home/an", problem: "is your home folder"),
    Place(output: "/home", problem: "holds your home folder"),
    Place(output: "/tmp", problem: "is the system's temporary folder"),
    Place(output: "/work/show/episodes", problem: "is the catalogue"),
    Place(output: "/work", problem: "holds the catalogue"),
    Place(output: "/work/show/episodes/feeds", problem: "is inside the catalogue"),
    Place(output: "/work/show", problem: "holds the catalogue"),
    Place(output: "/srv/www/show", problem: nil),
    Place(output: "/work/show/feeds", problem: nil),
    Place(output: "/work/show/episodes-feeds", problem: nil),
    Place(output: "/home/an/site/feeds", problem: nil),
    Place(output: "/tmp/podium-out", problem: nil),
  ])
  func placeProblems(place: Place) {
    let problem = OutputFolder.placeProblem(
      output: place.output, catalogue: "/work/show/episodes", currentFolder: "/work/show", home: "/home/an",
      temporary: ["/tmp"])
    #expect(problem == place.problem)
  }

  @Test func theCurrentFolderAndItsAncestorsAreRefused() {
    let check = { (output: String) in
      OutputFolder.placeProblem(output: output, catalogue: "/data/cat", currentFolder: "/work/a/b", home: nil, temporary: [])
    }
    #expect(check("/work/a/b") == "is the current folder")
    #expect(check("/work/a") == "holds the current folder")
    #expect(check("/work/a/b/out") == nil)
  }

  /// Overlaps are found by real paths: a link to the catalogue is the catalogue.
  @Test func aLinkToTheCatalogueIsTheCatalogue() throws {
    let folder = try TemporaryFolder()
    try folder.write("episodes/podium.yaml", "")
    let link = folder.url.appendingPathComponent("out")
    try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "episodes")
    let output = try OutputFolder(link)
    #expect(output.url.path.hasSuffix("/episodes"))
    #expect(throws: OutputRefusal.self) {
      try output.checkPlace(catalogue: folder.url.appendingPathComponent("episodes"), currentFolder: "/", home: nil)
    }
  }

  @Test func aFileOrABrokenLinkIsNoOutputFolder() throws {
    let folder = try TemporaryFolder()
    try folder.write("file", "x")
    try FileManager.default.createSymbolicLink(
      atPath: folder.url.appendingPathComponent("dangling").path, withDestinationPath: "nowhere")
    for name in ["file", "dangling"] {
      #expect(throws: OutputRefusal.self) { try OutputFolder(folder.url.appendingPathComponent(name)) }
    }
  }

  struct Ownership: Sendable, CustomStringConvertible {
    var files: [String]
    var manifest: [String]?
    var foreign: String?
    var description: String { "\(files) → \(foreign ?? "ours")" }
  }

  @Test(arguments: [
    Ownership(files: [], manifest: nil, foreign: nil),
    Ownership(files: ["notes.txt"], manifest: nil, foreign: "notes.txt"),
    Ownership(files: [".git/HEAD", "episodes/podium.yaml"], manifest: nil, foreign: ".git"),
    Ownership(files: ["a/feed.xml"], manifest: ["a/feed.xml"], foreign: nil),
    Ownership(files: ["a/feed.xml", "a/notes.txt"], manifest: ["a/feed.xml"], foreign: "a/notes.txt"),
    Ownership(files: ["a/feed.xml", "b/x"], manifest: ["a/feed.xml"], foreign: "b"),
    Ownership(files: ["a/feed.xml", ".podium/extra"], manifest: ["a/feed.xml"], foreign: ".podium/extra"),
    // A file the manifest lists may be missing: removing it loses nothing.
    Ownership(files: [], manifest: ["a/feed.xml"], foreign: nil),
  ])
  func ownership(case: Ownership) throws {
    let folder = try TemporaryFolder()
    let output = folder.url.appendingPathComponent("out")
    try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
    for file in `case`.files { try folder.write("out/" + file, "x") }
    if let manifest = `case`.manifest { try folder.write("out/" + OutputManifest.path, OutputManifest.encode(manifest)) }
    let before = FolderFingerprint(of: folder.url)
    do {
      try OutputFolder(output).checkOwnership()
      #expect(`case`.foreign == nil)
    } catch {
      #expect(error.kind == .foreign)
      #expect(error.message.contains("'\(`case`.foreign ?? "")'"), "\(error.message)")
    }
    #expect(FolderFingerprint(of: folder.url) == before)
  }

  /// A folder large enough to be checked on both cores, and a deep one: whatever is foreign, a
  /// file among thousands, a link or a folder deep down, is found and named.
  @Test(arguments: [nil, "big/4999.json", "big/a-link", "deep/1/2/3/notes.txt", "deep/1/2/extra", "big/deep"])
  func aForeignEntryAmongManyIsFound(foreign: String?) throws {
    let folder = try TemporaryFolder()
    var listed = (0..<5_000).map { "big/\($0).json" } + ["deep/1/2/3/feed.xml", "feeds.opml"]
    for path in listed { try folder.write("out/" + path, "x") }
    switch foreign {
    case "big/a-link"?:
      try FileManager.default.createSymbolicLink(
        atPath: folder.url.appendingPathComponent("out/big/a-link").path, withDestinationPath: "0.json")
    case "deep/1/2/extra"?:
      try FileManager.default.createDirectory(
        at: folder.url.appendingPathComponent("out/deep/1/2/extra"), withIntermediateDirectories: true)
    case "big/deep"?:
      try folder.write("out/big/deep/x.json", "x")
    case let path? where listed.contains(path):
      listed.removeAll { $0 == path }
    case let path?:
      try folder.write("out/" + path, "x")
    case nil:
      break
    }
    try folder.write("out/" + OutputManifest.path, OutputManifest.encode(listed))
    let before = FolderFingerprint(of: folder.url)
    do {
      try OutputFolder(folder.url.appendingPathComponent("out")).checkOwnership()
      #expect(foreign == nil)
    } catch {
      #expect(error.message.contains("'\(foreign ?? "")'"), "\(error.message)")
    }
    #expect(FolderFingerprint(of: folder.url) == before)
  }

  /// The manifest is read again at every check: one changed since the last check, even to the
  /// same length, is the one that counts.
  @Test func aChangedManifestIsReadAgain() throws {
    let folder = try TemporaryFolder()
    let output = folder.url.appendingPathComponent("out")
    try folder.write("out/a/feed.xml", "x")
    try folder.write("out/" + OutputManifest.path, OutputManifest.encode(["a/feed.xml"]))
    try OutputFolder(output).checkOwnership()
    try folder.write("out/" + OutputManifest.path, OutputManifest.encode(["a/feed.xmm"]))
    #expect(throws: OutputRefusal.self) { try OutputFolder(output).checkOwnership() }
    try folder.write("out/" + OutputManifest.path, OutputManifest.encode(["a/feed.xml"]))
    try OutputFolder(output).checkOwnership()
  }

  /// A name is Podium's only in the very bytes its manifest lists: the same name in another
  /// Unicode form (decomposed, which a `Set<String>` takes as equal) is another file.
  @Test(arguments: [("a/\u{E9}.json", nil), ("a/e\u{301}.json", "a/e\u{301}.json"), ("\u{E9}/x.json", nil), ("e\u{301}/x.json", "e\u{301}")] as [(String, String?)])
  func aNameIsOursOnlyInTheBytesListed(_ path: String, _ foreign: String?) throws {
    let folder = try TemporaryFolder()
    try folder.write("out/" + path, "x")
    try folder.write("out/" + OutputManifest.path, OutputManifest.encode(["a/\u{E9}.json", "\u{E9}/x.json"]))
    do {
      try OutputFolder(folder.url.appendingPathComponent("out")).checkOwnership()
      #expect(foreign == nil)
    } catch {
      // Named in its own bytes.
      #expect(foreign.map { Data(error.message.utf8).range(of: Data("'\($0)'".utf8)) != nil } == true, "\(error.message)")
    }
  }

  /// A manifest in any order, or in another JSON layout, lists the same files: its paths are
  /// sorted once to be looked up.
  @Test(arguments: [(nil, nil), ("m/x.json", "m"), ("a/feed.xmm", "a/feed.xmm"), ("a/x", "a/x")] as [(String?, String?)])
  func aManifestInAnotherOrderListsTheSameFiles(written foreign: String?, named: String?) throws {
    let folder = try TemporaryFolder()
    let listed = ["z/feed.xml", "a/feed.xml", "a-b/feed.xml", "a/chapters/1.json", "feeds.opml", OutputManifest.path]
    for path in listed.dropLast() { try folder.write("out/" + path, "x") }
    if let foreign { try folder.write("out/" + foreign, "x") }
    try folder.write("out/" + OutputManifest.path, "{\"version\":1,\"files\":[" + listed.map { "\"\($0)\"" }.joined(separator: ",") + "]}")
    do {
      try OutputFolder(folder.url.appendingPathComponent("out")).checkOwnership()
      #expect(named == nil)
    } catch {
      #expect(error.message.contains("'\(named ?? "")'"), "\(error.message)")
    }
  }

  /// A link inside the output is never Podium's: a build writes no links.
  @Test func aLinkInsideTheOutputIsForeign() throws {
    let folder = try TemporaryFolder()
    try folder.write("out/a/feed.xml", "x")
    try folder.write("out/" + OutputManifest.path, OutputManifest.encode(["a/feed.xml"]))
    try FileManager.default.removeItem(at: folder.url.appendingPathComponent("out/a/feed.xml"))
    try FileManager.default.createSymbolicLink(
      atPath: folder.url.appendingPathComponent("out/a/feed.xml").path, withDestinationPath: "/etc/hostname")
    #expect(throws: OutputRefusal.self) { try OutputFolder(folder.url.appendingPathComponent("out")).checkOwnership() }
  }

  /// A name that is not UTF-8 can't be in the manifest, and is shown with its bytes escaped.
  @Test func aNameThatIsNotUTF8IsForeignAndNamed() throws {
    let folder = try TemporaryFolder()
    try folder.write("out/" + OutputManifest.path, OutputManifest.encode([]))
    let path = Array((folder.url.path + "/out/bad").utf8) + [0xFF, 0]
    let descriptor = path.withUnsafeBytes { open($0.bindMemory(to: CChar.self).baseAddress!, O_CREAT | O_WRONLY, 0o644) }
    #expect(descriptor >= 0)
    close(descriptor)
    #expect {
      try OutputFolder(folder.url.appendingPathComponent("out")).checkOwnership()
    } throws: { error in
      (error as? OutputRefusal)?.message.contains("'bad\\xFF'") == true
    }
  }

  /// Only this output's own leftovers go: other names, and folders of other outputs, stay.
  @Test func staleStagingOfThisOutputOnlyIsRemoved() throws {
    let folder = try TemporaryFolder()
    let uuid = "0F3E8E1C-9C44-4E1B-8B52-1A1D5B4A8E11"
    for name in [".out.staging-\(uuid)/x", ".out.old-\(uuid)/y", ".out.staging-mine/z", ".other.staging-\(uuid)/w", ".out.staging-\(uuid)x/v"] {
      try folder.write(name, "x")
    }
    try folder.write(".out.staging-\(UUID().uuidString)", "a file, not a folder")
    let removed = DirectoryCommit(directory: folder.url.appendingPathComponent("out")).removeStaleStaging()
    #expect(removed.sorted() == [".out.old-\(uuid)", ".out.staging-\(uuid)"])
    let left = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
    #expect(left.count == 4)
  }

  /// The swap gives the new folder the old one's mode, and its owner when the build may set it.
  @Test func theSwapKeepsModeAndOwner() throws {
    let folder = try TemporaryFolder()
    let output = folder.url.appendingPathComponent("out")
    var tree = OutputTree()
    try tree.add("a.xml", Data("one".utf8))
    try DirectoryCommit(directory: output).commit(tree)
    chmod(output.path, 0o750)
    let owner: uid_t = geteuid() == 0 ? 4242 : geteuid()
    if geteuid() == 0 { chown(output.path, 4242, 4343) }
    try DirectoryCommit(directory: output).commit(tree)
    var status = stat()
    #expect(stat(output.path, &status) == 0)
    #expect(status.st_mode & 0o7777 == 0o750)
    #expect(status.st_uid == owner)
  }

  /// A second lock on the same output waits for the first, and is told who holds it.
  @Test func aSecondLockWaitsAndNamesTheHolder() async throws {
    let folder = try TemporaryFolder()
    let output = folder.url.appendingPathComponent("out")
    var first: OutputLock? = try OutputLock(for: output) { _ in Issue.record("the first lock must not wait") }
    let holder = Mutex<Int32??>(nil)
    let acquired = Mutex(false)
    let task = Task.detached {
      let lock = try OutputLock(for: output) { pid in holder.withLock { $0 = .some(pid) } }
      acquired.withLock { $0 = true }
      withExtendedLifetime(lock) {}
    }
    for _ in 0..<200 where holder.withLock({ $0 }) == nil { try await Task.sleep(for: .milliseconds(10)) }
    #expect(holder.withLock { $0 } == .some(getpid()))
    #expect(!acquired.withLock { $0 })
    withExtendedLifetime(first) {}
    first = nil
    try await task.value
    #expect(acquired.withLock { $0 })
  }
}
