import Foundation
import PodiumTestSupport
import Testing

/// `podium list` takes the episode files the last build read from the build cache beside the
/// output, read only, and lists what reading them gives.
@Suite struct ListCommandTests {
  static let now = ["--now", "2025-01-01T00:00:00Z"]

  @Test func aWarmCacheListsTheSameAndIsLeftAlone() throws {
    let fixture = try Breakage.published()
    try fixture.addEpisode("2024-04-01-c", title: "Één café", date: "2024-04-01T09:00:00+02:00", guid: "c")
    try fixture.addEpisode("2025-06-01-d", title: "Later", date: "2025-06-01T09:00:00+02:00", guid: "d")
    let cold = try PodiumProcess.run(["list"] + Self.now, in: fixture.folder.url)
    let coldJSON = try PodiumProcess.run(["list", "--format", "json"] + Self.now, in: fixture.folder.url)
    #expect(cold.status == 0, "\(cold.standardOutput)")
    #expect(cold.standardOutput.contains("Één café"))
    let build = try PodiumProcess.run(["build"] + Self.now, in: fixture.folder.url)
    #expect(build.status == 0, "\(build.standardOutput)")
    let cache = fixture.folder.url.appendingPathComponent(".feeds.podium-cache")
    let stored = try TemporaryFolder.snapshot(of: cache)
    #expect(stored.keys.contains("episodes/gesprekken"))

    let warm = try PodiumProcess.run(["list"] + Self.now, in: fixture.folder.url)
    #expect(warm.standardOutput == cold.standardOutput)
    let warmJSON = try PodiumProcess.run(["list", "--format", "json"] + Self.now, in: fixture.folder.url)
    #expect(warmJSON.standardOutput == coldJSON.standardOutput)
    #expect(try TemporaryFolder.snapshot(of: cache) == stored)

    // A file changed since the build is read again.
    let file = fixture.catalogue.appendingPathComponent("gesprekken/2024-04-01-c.md")
    try (try String(contentsOf: file, encoding: .utf8)).replacingOccurrences(of: "Één café", with: "Twee cafés")
      .write(to: file, atomically: true, encoding: .utf8)
    let edited = try PodiumProcess.run(["list"] + Self.now, in: fixture.folder.url)
    #expect(edited.standardOutput.contains("Twee cafés") && !edited.standardOutput.contains("Één café"))

    // A GUID, a date and a status changed since the build reach the list as they do without the
    // cache (moved away for that list), and so does a file that no longer loads.
    let later = fixture.catalogue.appendingPathComponent("gesprekken/2025-06-01-d.md")
    try (try String(contentsOf: later, encoding: .utf8)).replacingOccurrences(of: "guid: d", with: "guid: d-new")
      .replacingOccurrences(of: "2025-06-01T09:00:00+02:00", with: "2024-06-01T09:00:00-05:00")
      .write(to: later, atomically: true, encoding: .utf8)
    try (try String(contentsOf: file, encoding: .utf8)).replacingOccurrences(of: "---\n", with: "---\ndraft: true\n", options: .anchored)
      .write(to: file, atomically: true, encoding: .utf8)
    try fixture.folder.write("episodes/gesprekken/2024-05-01-kapot.md", "---\ntitle: [\n---\n")
    usleep(20_000)
    for format in [["--format", "text"], ["--format", "json"]] {
      let warmList = try PodiumProcess.run(["list"] + format + Self.now, in: fixture.folder.url)
      #expect(warmList.standardOutput.contains("d-new") || format[1] == "text")
      let moved = fixture.folder.url.appendingPathComponent(".moved-cache")
      try FileManager.default.moveItem(at: cache, to: moved)
      let coldList = try PodiumProcess.run(["list"] + format + Self.now, in: fixture.folder.url)
      try FileManager.default.moveItem(at: moved, to: cache)
      #expect(warmList.standardOutput == coldList.standardOutput)
      #expect(warmList.status == coldList.status && warmList.status == 1)
    }
    #expect(try TemporaryFolder.snapshot(of: cache) == stored)
  }
}
