import AtomicOutput
import Foundation
import PodiumTestSupport
import Testing

/// Attacks on the folders around a build, run as a user would: every refused build exits 1 with
/// a message naming the folder and the first foreign file, and changes nothing anywhere in the
/// test's folder (fingerprinted before and after).
@Suite struct OutputSafetyTests {
  let now = ["--now", "2025-01-01T00:00:00Z"]

  /// A catalogue in a folder that looks like a producer's git checkout.
  func checkout() throws -> CatalogueFixture {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode()
    try fixture.folder.write(".git/HEAD", "ref: refs/heads/main\n")
    try fixture.folder.write("README.md", "# Our podcast\n")
    return fixture
  }

  struct Attack: Sendable, CustomStringConvertible {
    var output: String
    var rule: String
    var names: String
    var description: String { "--output \(output)" }
  }

  @Test(arguments: [
    Attack(output: ".", rule: "PUB-OUTPUT-PLACE", names: "holds the catalogue"),
    Attack(output: "episodes", rule: "PUB-OUTPUT-PLACE", names: "is the catalogue"),
    Attack(output: "episodes/gesprekken", rule: "PUB-OUTPUT-PLACE", names: "is inside the catalogue"),
    Attack(output: "episodes/../.", rule: "PUB-OUTPUT-PLACE", names: "holds the catalogue"),
    Attack(output: ".git", rule: "PUB-OUTPUT-FOREIGN", names: "'HEAD'"),
    Attack(output: "notes", rule: "PUB-OUTPUT-FOREIGN", names: "'todo.txt'"),
  ])
  func aBuildNeverReplacesAFolderThatIsNotItsOwn(attack: Attack) throws {
    let fixture = try checkout()
    try fixture.folder.write("notes/todo.txt", "call the studio\n")
    let before = FolderFingerprint(of: fixture.folder.url)
    let result = try PodiumProcess.run(["build", "--output", attack.output] + now, in: fixture.folder.url)
    #expect(result.status == 1)
    #expect(result.standardOutput.contains("[\(attack.rule)]"), "\(result.standardOutput)")
    #expect(result.standardOutput.contains(attack.names), "\(result.standardOutput)")
    #expect(FolderFingerprint(of: fixture.folder.url) == before)
  }

  /// The commands docs/safety.md says write nothing change nothing, in the checkout or in the
  /// home folder (here one inside the test's folder), whatever they find.
  @Test func theReadingCommandsWriteNothing() throws {
    let fixture = try checkout()
    #expect(try PodiumProcess.run(["build"] + now, in: fixture.folder.url).status == 0)
    try fixture.folder.write("home/.profile", "export X=1\n")
    let home = fixture.folder.url.appendingPathComponent("home").path
    let environment = ["HOME": home, "XDG_CACHE_HOME": home + "/.cache"]
    let before = FolderFingerprint(of: fixture.folder.url)
    let commands: [[String]] = [
      ["validate"] + now, ["validate", "--format", "json"] + now, ["list"] + now, ["rules"],
      ["lint", "feeds/gesprekken/feed.xml"], ["probe", "episodes/gesprekken/media/2024-03-14-de-buurt-beslist.mp3"],
      ["init", "--show", "gesprekken", "--title", "T", "--publisher", "P", "--language", "nl"],
    ]
    for command in commands {
      let result = try PodiumProcess.run(command, in: fixture.folder.url, environment: environment)
      // init refuses an existing catalogue; the others find nothing wrong. Either way they ran.
      #expect(result.status == (command[0] == "init" ? 1 : 0), "podium \(command.joined(separator: " ")): \(result)")
      let after = FolderFingerprint(of: fixture.folder.url)
      #expect(after == before, "podium \(command.joined(separator: " ")): \(after.differences(from: before))")
    }
  }

  /// The home folder and the current folder's ancestors, found by real path.
  @Test func theHomeFolderAndTheCurrentFoldersAncestorsAreRefused() throws {
    let fixture = try checkout()
    try fixture.folder.write("home/.profile", "export X=1\n")
    let home = fixture.folder.url.appendingPathComponent("home").path
    let before = FolderFingerprint(of: fixture.folder.url)
    let inHome = try PodiumProcess.run(
      ["build", "--catalogue", "../episodes", "--output", home] + now,
      in: fixture.folder.url.appendingPathComponent("home"), environment: ["HOME": home])
    #expect(inHome.status == 1)
    #expect(inHome.standardOutput.contains("is your home folder"), "\(inHome.standardOutput)")
    let ancestor = try PodiumProcess.run(
      ["build", "--catalogue", "../../episodes", "--output", ".."] + now,
      in: fixture.folder.url.appendingPathComponent("episodes/gesprekken"))
    #expect(ancestor.status == 1)
    #expect(ancestor.standardOutput.contains("[PUB-OUTPUT-PLACE]"))
    #expect(FolderFingerprint(of: fixture.folder.url) == before)
  }

  /// A file slipped into a published output is never deleted by the next build.
  @Test func aForeignFileInAPublishedOutputStopsTheBuild() throws {
    let fixture = try checkout()
    #expect(try PodiumProcess.run(["build"] + now, in: fixture.folder.url).status == 0)
    try fixture.folder.write("feeds/gesprekken/cover-notes.txt", "mine\n")
    let before = FolderFingerprint(of: fixture.folder.url)
    let result = try PodiumProcess.run(["build"] + now, in: fixture.folder.url)
    #expect(result.status == 1)
    #expect(result.standardOutput.contains("'gesprekken/cover-notes.txt', which Podium did not write"))
    #expect(FolderFingerprint(of: fixture.folder.url) == before)
  }

  /// An output of a Podium from before the manifest (record only) is still Podium's: its shows
  /// and the OPML are taken over, anything else is refused.
  @Test func anOutputFromBeforeTheManifestIsTakenOver() throws {
    let fixture = try checkout()
    #expect(try PodiumProcess.run(["build"] + now, in: fixture.folder.url).status == 0)
    try FileManager.default.removeItem(at: fixture.output.appendingPathComponent(OutputManifest.path))
    try fixture.folder.write("feeds/private.txt", "x")
    let refused = try PodiumProcess.run(["build"] + now, in: fixture.folder.url)
    #expect(refused.status == 1)
    #expect(refused.standardOutput.contains("'private.txt'"))
    try FileManager.default.removeItem(at: fixture.output.appendingPathComponent("private.txt"))
    #expect(try PodiumProcess.run(["build"] + now, in: fixture.folder.url).status == 0)
    #expect(fixture.folder.exists("feeds/" + OutputManifest.path))
  }

  /// In an output from before the manifest, a show's folder is taken over only for what a build
  /// writes there: a producer's notes or a `.git` folder beside the feed stop the build.
  @Test(arguments: zip(
    ["gesprekken/NOTES.md", "gesprekken/.git/config", "gesprekken/transcripts/.htaccess", "gesprekken/feed.xml.bak"],
    ["gesprekken/NOTES.md", "gesprekken/.git", "gesprekken/transcripts/.htaccess", "gesprekken/feed.xml.bak"]))
  func anOutputFromBeforeTheManifestKeepsWhatIsNotPodiumsInAShowFolder(foreign: String, named: String) throws {
    let fixture = try checkout()
    #expect(try PodiumProcess.run(["build"] + now, in: fixture.folder.url).status == 0)
    try FileManager.default.removeItem(at: fixture.output.appendingPathComponent(OutputManifest.path))
    try fixture.folder.write("feeds/" + foreign, "mine\n")
    let before = FolderFingerprint(of: fixture.folder.url)
    let result = try PodiumProcess.run(["build"] + now, in: fixture.folder.url)
    #expect(result.status == 1)
    #expect(result.standardOutput.contains("[PUB-OUTPUT-FOREIGN]"), "\(result.standardOutput)")
    #expect(result.standardOutput.contains("'\(named)', which Podium did not write"), "\(result.standardOutput)")
    #expect(FolderFingerprint(of: fixture.folder.url) == before)
  }

  /// A mount point can't be renamed, so it can't be swapped: the build refuses it before
  /// anything is written, saying what it is, instead of failing at the end on a folder the
  /// producer never named. The mount lives in a mount namespace of its own (root only), so
  /// nothing outside the test sees it.
  @Test(.enabled(if: geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare")))
  func aMountPointIsRefusedAsTheOutput() throws {
    let fixture = try checkout()
    try FileManager.default.createDirectory(at: fixture.output, withIntermediateDirectories: true)
    let before = FolderFingerprint(of: fixture.folder.url)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
    process.arguments = [
      "--mount", "--propagation", "private", "/bin/sh", "-c",
      #"mount -t tmpfs podium-test "$1" && cd "$2" && exec "$3" build "$4" "$5""#, "sh",
      fixture.output.path, fixture.folder.url.path, PodiumProcess.executable.path,
    ] + now
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 1)
    #expect(printed.contains("[PUB-OUTPUT-PLACE]"), "\(printed)")
    #expect(printed.contains("is a mount point"), "\(printed)")
    #expect(FolderFingerprint(of: fixture.folder.url) == before)
  }

  /// The link stays a link, and its target gets the new output: a web server pointed at the
  /// target serves the new feeds.
  @Test func anOutputThatIsASymbolicLinkStaysOne() throws {
    let fixture = try checkout()
    try FileManager.default.createDirectory(
      at: fixture.folder.url.appendingPathComponent("www/podcast"), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: fixture.output.path, withDestinationPath: "www/podcast")
    for _ in 0..<2 {
      let result = try PodiumProcess.run(["build"] + now, in: fixture.folder.url)
      #expect(result.status == 0, "\(result.standardOutput)")
    }
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: fixture.output.path) == "www/podcast")
    #expect(fixture.folder.exists("www/podcast/gesprekken/feed.xml"))
    let parent = try FileManager.default.contentsOfDirectory(atPath: fixture.folder.url.appendingPathComponent("www").path)
    #expect(parent == ["podcast"], "no staging left beside the target")
  }

  /// A second build waits for the first, saying which process it waits for, and then starts
  /// from the record the first one wrote.
  @Test func aSecondBuildWaitsForTheFirst() async throws {
    let fixture = try checkout()
    #expect(try PodiumProcess.run(["build"] + now, in: fixture.folder.url).status == 0)
    var lock: OutputLock? = try OutputLock(for: fixture.output) { _ in }
    let process = Process()
    process.executableURL = PodiumProcess.executable
    process.arguments = ["build"] + now
    process.currentDirectoryURL = fixture.folder.url
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    var said = Data()
    for _ in 0..<300 where !String(decoding: said, as: UTF8.self).contains("waiting") {
      try await Task.sleep(for: .milliseconds(20))
      said += errors.fileHandleForReading.availableData
    }
    #expect(String(decoding: said, as: UTF8.self).contains("Another build (process \(getpid())) is writing feeds/"))
    #expect(process.isRunning)
    withExtendedLifetime(lock) {}
    lock = nil
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
  }

  /// Two builds at once both finish, one after the other, with one record and no leftovers.
  @Test func twoBuildsAtOnceLoseNothing() async throws {
    let fixture = try checkout()
    let folder = fixture.folder.url, now = now
    async let first = Task.detached { try PodiumProcess.run(["build"] + now, in: folder) }.value
    async let second = Task.detached { try PodiumProcess.run(["build"] + now, in: folder) }.value
    let results = try await [first, second]
    #expect(results.map(\.status) == [0, 0])
    #expect(fixture.folder.exists("feeds/.podium/published.json"))
    // The build cache beside the output is meant to stay (docs/architecture.md); nothing else is.
    let left = try FileManager.default.contentsOfDirectory(atPath: fixture.folder.url.path).filter {
      $0.hasPrefix(".feeds") && $0 != ".feeds.podium-cache"
    }
    #expect(left.isEmpty)
  }

  /// A killed build's staging folder is removed by the next build of the same output only.
  @Test func staleStagingIsRemovedByTheNextBuild() throws {
    let fixture = try checkout()
    let stale = ".feeds.staging-\(UUID().uuidString)"
    try fixture.folder.write("\(stale)/gesprekken/feed.xml", "half")
    try fixture.folder.write(".site.staging-\(UUID().uuidString)/x", "another output's")
    #expect(try PodiumProcess.run(["build"] + now, in: fixture.folder.url).status == 0)
    #expect(!fixture.folder.exists(stale))
    #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.folder.url.path).contains { $0.hasPrefix(".site.staging-") })
  }

  /// Deleting the record does not lift the GUID guard: it is rebuilt from the published feeds.
  @Test func aDeletedRecordIsRebuiltFromTheFeeds() throws {
    let fixture = try checkout()
    #expect(try PodiumProcess.run(["build"] + now, in: fixture.folder.url).status == 0)
    try FileManager.default.removeItem(at: fixture.output.appendingPathComponent(".podium/published.json"))
    try fixture.addEpisode(guid: "a-new-guid")
    let before = FolderFingerprint(of: fixture.folder.url)
    let result = try PodiumProcess.run(["build"] + now, in: fixture.folder.url)
    #expect(result.status == 1)
    #expect(result.standardOutput.contains("[PUB-GUID-CHANGED]"), "\(result.standardOutput)")
    #expect(result.standardOutput.contains("gesprekken/2024-03-14-de-buurt-beslist.md:4"))
    #expect(result.standardOutput.contains("[PUB-RECORD-REBUILT]"))
    #expect(FolderFingerprint(of: fixture.folder.url) == before)
  }

  /// A feed that can't be read to rebuild the record leaves its show unguarded: an error.
  @Test func aDeletedRecordAndABrokenFeedStopTheBuild() throws {
    let fixture = try checkout()
    #expect(try PodiumProcess.run(["build"] + now, in: fixture.folder.url).status == 0)
    try FileManager.default.removeItem(at: fixture.output.appendingPathComponent(".podium/published.json"))
    try fixture.folder.write("feeds/gesprekken/feed.xml", "<rss><channel>")
    let before = FolderFingerprint(of: fixture.folder.url)
    let result = try PodiumProcess.run(["build"] + now, in: fixture.folder.url)
    #expect(result.status == 1)
    #expect(result.standardOutput.contains("feeds/gesprekken/feed.xml: error: [PUB-RECORD]"), "\(result.standardOutput)")
    #expect(FolderFingerprint(of: fixture.folder.url) == before)
  }

  /// With neither a record nor feeds, the build says once that it is the first.
  @Test func aFirstBuildSaysSo() throws {
    let fixture = try checkout()
    let result = try PodiumProcess.run(["build"] + now, in: fixture.folder.url)
    #expect(result.status == 0)
    let lines = result.standardOutput.split(separator: "\n").filter { $0.contains("no publication record: this is the first build") }
    #expect(lines.count == 1, "\(result.standardOutput)")
    let again = try PodiumProcess.run(["build"] + now, in: fixture.folder.url)
    #expect(!again.standardOutput.contains("no publication record"))
  }
}
