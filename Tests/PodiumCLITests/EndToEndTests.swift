import Foundation
import PodiumTestSupport
import Testing

/// Runs the real `podium` binary on catalogues on disk and checks what a user sees: exit codes,
/// messages and files.
@Suite struct EndToEndTests {
  let now = ["--now", "2025-01-01T00:00:00Z"]

  @Test func buildWritesFeedsAndExitsZero() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode()
    let result = try PodiumProcess.run(["build"] + now, in: fixture.folder.url)
    #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
    #expect(result.standardOutput.contains("gesprekken: 1 published"))
    #expect(fixture.folder.exists("feeds/gesprekken/feed.xml"))
    #expect(!result.standardOutput.contains("\u{1B}["), "no colour when not on a terminal")
  }

  @Test func validateReportsJSONFindingsWithExitOne() throws {
    let fixture = try CatalogueFixture()
    try fixture.writeEpisode("2024-03-14-a.md", "---\ntitle: A\ndate: 2024-03-14T09:00:00Z\nguid: g\nseasn: 1\n---\n")
    let result = try PodiumProcess.run(["validate", "--format", "json"] + now, in: fixture.folder.url)
    #expect(result.status == 1)
    let findings = try #require(
      try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: Any]])
    let unknown = try #require(findings.first { $0["ruleID"] as? String == "CAT-UNKNOWN-KEY" })
    #expect(unknown["severity"] as? String == "error")
    #expect(unknown["file"] as? String == "gesprekken/2024-03-14-a.md")
    #expect(unknown["line"] as? Int == 5)
    #expect((unknown["message"] as? String)?.contains("did you mean 'season'?") == true)
    #expect(findings.contains { $0["ruleID"] as? String == "CAT-REQUIRED" })
  }

  @Test func badInputFailsTheBuildAndWritesNothing() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode()
    #expect(try PodiumProcess.run(["build"] + now, in: fixture.folder.url).status == 0)
    let before = try fixture.folder.snapshot("feeds")
    try fixture.writeEpisode("2024-05-01-b.md", """
      ---
      title: B
      date: 2024-05-01T09:00:00Z
      guid: b
      media:
        url: ../../etc/passwd
        duration: 60
      ---
      """)
    let result = try PodiumProcess.run(["build"] + now, in: fixture.folder.url)
    #expect(result.status == 1)
    #expect(result.standardOutput.contains("gesprekken/2024-05-01-b.md:6: error: [CAT-PATH]"))
    #expect(result.standardOutput.contains("Nothing written"))
    #expect(try fixture.folder.snapshot("feeds") == before)
  }

  @Test func strictMakesWarningsFailAndWritesNothing() throws {
    let fixture = try CatalogueFixture()
    // The file name's date disagrees with the front matter: a warning.
    try fixture.addEpisode("2024-03-15-de-buurt-beslist")
    let strict = try PodiumProcess.run(["build", "--strict"] + now, in: fixture.folder.url)
    #expect(strict.status == 1)
    #expect(strict.standardOutput.contains("warning: [CAT-FILENAME]"))
    #expect(!fixture.folder.exists("feeds"))
    let relaxed = try PodiumProcess.run(["build"] + now, in: fixture.folder.url)
    #expect(relaxed.status == 0)
    #expect(fixture.folder.exists("feeds/gesprekken/feed.xml"))
  }

  @Test func usageErrorsExitSixtyFour() throws {
    let fixture = try CatalogueFixture()
    #expect(try PodiumProcess.run(["build", "--now", "yesterday"], in: fixture.folder.url).status == 64)
    #expect(try PodiumProcess.run(["frobnicate"], in: fixture.folder.url).status == 64)
  }

  @Test func addCreatesAnEpisodeThatBuilds() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode(extra: "season: 1\nepisode: 1")
    let media = try fixture.folder.write("opname.mp3", SampleMedia.mp3(seconds: 90))
    let result = try PodiumProcess.run(
      ["add", media.path, "--title", "Samen de straat terug", "--date", "2024-04-01T10:00:00+02:00",
       "--duration", "1:30", "--format", "json"], in: fixture.folder.url)
    #expect(result.status == 0, "\(result.standardError)")
    let created = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: String])
    #expect(created["file"]?.hasSuffix("gesprekken/2024-04-01-samen-de-straat-terug.md") == true)
    let text = String(decoding: try fixture.folder.read("episodes/gesprekken/2024-04-01-samen-de-straat-terug.md"), as: UTF8.self)
    #expect(text.contains("guid: \(created["guid"] ?? "?")"))
    #expect(text.contains("episode: 2"))
    #expect(text.contains("length: \(SampleMedia.mp3(seconds: 90).count)"))
    #expect(text.contains("duration: 90"))
    #expect(fixture.folder.exists("episodes/gesprekken/media/2024-04-01-samen-de-straat-terug.mp3"))
    let build = try PodiumProcess.run(["build"] + now, in: fixture.folder.url)
    #expect(build.status == 0, "\(build.standardOutput)")
    #expect(build.standardOutput.contains("2 published"))
    // Adding the same episode again never overwrites it.
    let again = try PodiumProcess.run(
      ["add", media.path, "--title", "Samen de straat terug", "--date", "2024-04-01T10:00:00+02:00", "--duration", "90"],
      in: fixture.folder.url)
    #expect(again.status == 64)
    #expect(again.standardError.contains("already exists"))
  }

  /// A partner's YouTube video, with a still: it builds into the video index and stays out of the podcast feed.
  @Test func addTakesAYouTubeVideoWithAPoster() throws {
    let fixture = try CatalogueFixture(show: CatalogueFixture.show.replacingOccurrences(of: "medium: podcast", with: "medium: video"))
    let still = try fixture.folder.write("still.jpg", SampleMedia.jpeg(width: 1280, height: 720))
    let result = try PodiumProcess.run(
      ["add", "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "--title", "Debat in de gemeenteraad", "--date",
       "2024-04-01T20:00:00+02:00", "--duration", "3:32", "--poster", still.path], in: fixture.folder.url)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains("copied the poster to"))
    let text = String(decoding: try fixture.folder.read("episodes/gesprekken/2024-04-01-debat-in-de-gemeenteraad.md"), as: UTF8.self)
    #expect(text.contains("poster: posters/2024-04-01-debat-in-de-gemeenteraad.jpg"))
    #expect(text.contains("external:\n  url: https://www.youtube.com/watch?v=dQw4w9WgXcQ\n  duration: 212"))
    #expect(!text.contains("media:"))
    // Its podcast feed is empty, which the feed rules rightly warn about; nothing else is said.
    let build = try PodiumProcess.run(["build"] + now, in: fixture.folder.url)
    #expect(build.status == 0, "\(build.standardOutput)")
    #expect(build.standardOutput.contains("0 errors, 1 warning"), "\(build.standardOutput)")
    #expect(build.standardOutput.contains("CLIENT-NO-ENCLOSURE"))
    let index = String(decoding: try fixture.folder.read("feeds/gesprekken/embed/index.json"), as: UTF8.self)
    #expect(index.contains("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"))
    #expect(try FeedReader(try fixture.folder.read("feeds/gesprekken/feed.xml")).items.isEmpty)
  }

  @Test(arguments: [
    (["--duration", "212"], "medium: podcast", "goes in a video show"),
    ([], "medium: video", "--duration"),
    (["--duration", "212", "--poster", "missing.jpg"], "medium: video", "poster 'missing.jpg' does not exist"),
  ])
  func addRefusesAYouTubeVideoItCantUse(extra: [String], medium: String, message: String) throws {
    let fixture = try CatalogueFixture(show: CatalogueFixture.show.replacingOccurrences(of: "medium: podcast", with: medium))
    let result = try PodiumProcess.run(
      ["add", "https://youtu.be/dQw4w9WgXcQ", "--title", "Debat", "--date", "2024-04-01T20:00:00+02:00"] + extra,
      in: fixture.folder.url)
    #expect(result.status == 64)
    #expect(result.standardError.contains(message), "\(result.standardError)")
    #expect(!fixture.folder.exists("episodes/gesprekken/2024-04-01-debat.md"))
    #expect(!fixture.folder.exists("episodes/gesprekken/posters"))
  }

  @Test func initMakesACatalogueThatValidatesOnceArtworkIsThere() throws {
    let folder = try TemporaryFolder()
    let result = try PodiumProcess.run(
      ["init", "--show", "mijn-show", "--title", "Mijn show", "--publisher", "Socius", "--language", "nl-BE"],
      in: folder.url)
    #expect(result.status == 0, "\(result.standardError)")
    let missingArt = try PodiumProcess.run(["validate"], in: folder.url)
    #expect(missingArt.status == 1)
    #expect(missingArt.standardOutput.contains("artwork 'artwork.jpg' does not exist"))
    try folder.write("episodes/mijn-show/artwork.jpg", SampleMedia.jpeg(width: 3000, height: 3000))
    #expect(try PodiumProcess.run(["validate"], in: folder.url).status == 0)
    // What init wrote for the producer to replace is named, and `--strict` publishes none of it.
    let strict = try PodiumProcess.run(["validate", "--strict"], in: folder.url)
    #expect(strict.status == 1)
    #expect(strict.standardOutput.contains("podium.yaml:3: warning: [CAT-PLACEHOLDER] 'base_url' is on feeds.example.org"))
    #expect(strict.standardOutput.contains(
      "mijn-show/show.yaml:3: warning: [CAT-PLACEHOLDER] 'description' is still the placeholder that podium init wrote"))
    let again = try PodiumProcess.run(["init", "--show", "mijn-show", "--title", "Ander", "--publisher", "P"], in: folder.url)
    #expect(again.status != 0, "init never overwrites")
    #expect(again.standardError.contains("already exists: the catalogue has a show 'mijn-show'"), "\(again.standardError)")
  }

  /// A second show goes into the same catalogue, beside the first, and podium.yaml stays as it was.
  @Test func initAddsAShowToAnExistingCatalogue() throws {
    let fixture = try CatalogueFixture()
    let site = try fixture.folder.read("episodes/podium.yaml")
    let result = try PodiumProcess.run(
      ["init", "--show", "tweede", "--title", "Tweede show", "--publisher", "Socius"], in: fixture.folder.url)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains("created episodes/tweede/show.yaml"))
    #expect(!result.standardOutput.contains("podium.yaml"))
    #expect(try fixture.folder.read("episodes/podium.yaml") == site)
    #expect(fixture.folder.exists("episodes/tweede/media"))
    #expect(!fixture.folder.exists("episodes/.tweede.podium-new-\(ProcessInfo.processInfo.processIdentifier)"))
  }

  @Test func listShowsStatuses() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode("2024-03-14-a", guid: "a")
    try fixture.addEpisode("2024-03-21-b", date: "2024-03-21T09:00:00+01:00", guid: "b", extra: "draft: true")
    try fixture.addEpisode("2030-01-01-c", date: "2030-01-01T09:00:00+01:00", guid: "c")
    let result = try PodiumProcess.run(["list", "--format", "json"] + now, in: fixture.folder.url)
    let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: String]])
    #expect(rows.map { $0["status"] ?? "" } == ["scheduled", "draft", "published"])
  }
}

/// Colour only on a terminal, and never with NO_COLOR: `script` gives the binary a real terminal.
@Suite struct ColourTests {
  func underTerminal(_ command: String, in folder: URL, noColour: Bool) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
    process.arguments = ["-qec", "\(PodiumProcess.executable.path) \(command)", "/dev/null"]
    process.currentDirectoryURL = folder
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = noColour ? "1" : nil
    process.environment = environment
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  @Test func colourOnATerminalUnlessNoColour() throws {
    let fixture = try CatalogueFixture()
    try fixture.writeEpisode("2024-03-14-a.md", "---\ntitle: A\n---\n")
    let coloured = try underTerminal("validate", in: fixture.folder.url, noColour: false)
    #expect(coloured.contains("\u{1B}[31merror"), "\(coloured)")
    let plain = try underTerminal("validate", in: fixture.folder.url, noColour: true)
    #expect(plain.contains("error: [CAT-REQUIRED]"))
    #expect(!plain.contains("\u{1B}["))
  }
}
