import Catalogue
import Diagnostics
import Foundation
import PodiumTestSupport
import Publisher
import Testing

/// Shows are rendered and checked side by side (OutputRenderer, CheckedOutput): what a build
/// writes and reports must not depend on which show finished first, nor on how many cores ran it.
@Suite struct ManyShowsTests {
  /// Twelve shows of six episodes, each show with a finding of its own (notes HTML a podcast app
  /// doesn't allow), and chapters and a show still to come, so every per-show output is made.
  static func network() throws -> CatalogueFixture {
    let fixture = try CatalogueFixture()
    try FileManager.default.removeItem(at: fixture.catalogue.appendingPathComponent("gesprekken"))
    let audio = SampleMedia.mp3(seconds: 1)
    let artwork = SampleMedia.jpeg(width: 1400, height: 1400)
    for show in 1...12 {
      let slug = String(format: "show-%02d", show)
      try fixture.folder.write(
        "episodes/\(slug)/show.yaml",
        CatalogueFixture.show.replacingOccurrences(of: "Allemaal politiek", with: "Allemaal politiek \(show)"))
      try fixture.folder.write("episodes/\(slug)/artwork.jpg", artwork)
      for episode in 1...6 {
        let upcoming = episode == 6 && show % 3 == 0
        let name = String(format: "\(upcoming ? 2030 : 2024)-03-%02d-aflevering", episode)
        try fixture.folder.write("episodes/\(slug)/media/\(name).mp3", audio)
        try fixture.folder.write("episodes/\(slug)/\(name).md", """
          ---
          title: Aflevering \(episode) van show \(show)
          date: \(upcoming ? "2030" : "2024")-03-\(String(format: "%02d", episode))T09:00:00+01:00
          guid: \(String(format: "6f1d4c3e-2b8a-4d5e-9f10-%06d%06d", show, episode))
          media:
            url: media/\(name).mp3
            type: audio/mpeg
            duration: 1
          chapters:
            - start: 0
              title: Begin
          ---
          Notes of \(slug), episode \(episode).\(episode == 2 ? " <script>alert(1)</script>" : "")

          """)
      }
    }
    return fixture
  }

  @Test func buildsOfManyShowsAreByteIdentical() throws {
    let fixture = try Self.network()
    let now = Timestamp.parse("2025-01-01T00:00:00Z")!
    var outputs: [[String: Data]] = []
    var reports: [BuildReport] = []
    for name in ["out-a", "out-b"] {
      let output = fixture.folder.url.appendingPathComponent(name)
      let report = try Publisher(catalogueURL: fixture.catalogue, outputURL: output, options: BuildOptions(now: now)).build()
      outputs.append(try TemporaryFolder.snapshot(of: output))
      reports.append(report)
    }
    #expect(outputs[0].keys.filter { $0.hasSuffix("feed.xml") }.count == 12)
    #expect(reports[0].findings.filter { $0.ruleID == PublishRules.notesHTML.id }.count == 12)
    #expect(outputs[0] == outputs[1])
    #expect(reports[0].findings.map { $0.description.replacingOccurrences(of: "out-a/", with: "out-b/") }
      == reports[1].findings.map(\.description))
    #expect(reports[0].written == reports[1].written)
    // A validation reports what the build did, in the same order.
    let validated = Publisher(
      catalogueURL: fixture.catalogue, outputURL: fixture.folder.url.appendingPathComponent("out-a"),
      options: BuildOptions(now: now)
    ).validate()
    #expect(validated.findings.filter { $0.ruleID != PublishRules.firstBuild.id }.map(\.description)
      == reports[0].findings.filter { $0.ruleID != PublishRules.firstBuild.id }.map(\.description))
  }

  /// The same build pinned to one core (`taskset`), where the shows take turns, and free to use
  /// every core: the same bytes and the same words.
  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/taskset")))
  func oneCoreAndEveryCoreWriteTheSameBytes() throws {
    let fixture = try Self.network()
    let build = ["build", "--catalogue", "episodes", "--now", "2025-01-01T00:00:00Z", "--output"]
    let free = try PodiumProcess.run(build + ["free"], in: fixture.folder.url)
    let pinned = Process()
    pinned.executableURL = URL(fileURLWithPath: "/usr/bin/taskset")
    pinned.arguments = ["-c", "0", PodiumProcess.executable.path] + build + ["pinned"]
    pinned.currentDirectoryURL = fixture.folder.url
    let out = Pipe()
    pinned.standardOutput = out
    pinned.standardError = FileHandle.nullDevice
    try pinned.run()
    let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    pinned.waitUntilExit()
    #expect(free.status == 0)
    #expect(pinned.terminationStatus == 0)
    #expect(printed.replacingOccurrences(of: "pinned", with: "free") == free.standardOutput)
    let a = try fixture.folder.snapshot("free"), b = try fixture.folder.snapshot("pinned")
    #expect(a.count > 12 * 6)
    #expect(a == b)
  }
}
