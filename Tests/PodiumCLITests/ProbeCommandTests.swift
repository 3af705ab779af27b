import Foundation
import PodiumTestSupport
import Testing

/// `podium probe` and `podium add` as a user runs them.
@Suite struct ProbeCommandTests {
  @Test func probeJSONHasTheDocumentedFields() throws {
    let folder = try TemporaryFolder()
    try folder.write("a.mp3", SampleMedia.mp3(seconds: 12))
    try folder.write("art.png", SampleMedia.jpeg(width: 1400, height: 1400))
    let result = try PodiumProcess.run(["probe", "--format", "json", "a.mp3", "art.png"], in: folder.url)
    #expect(result.status == 0, "\(result.standardError)")
    let files = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: Any]])
    #expect(files.count == 2)
    let audio = files[0]
    #expect(audio["path"] as? String == "a.mp3")
    #expect(audio["container"] as? String == "mp3")
    #expect(audio["mimeType"] as? String == "audio/mpeg")
    #expect(abs((audio["duration"] as? Double ?? 0) - 12) < 0.05)
    #expect(audio["size"] as? Int == SampleMedia.mp3(seconds: 12).count)
    #expect(audio["sampleRate"] as? Int == 32_000)
    #expect(audio["channels"] as? Int == 1)
    #expect(audio["codecs"] as? [String] == ["mp3"])
    #expect(audio["findings"] as? [Any] != nil)
    let image = files[1]
    #expect(image["container"] as? String == "jpeg")
    #expect(image["width"] as? Int == 1400)
    let findings = try #require(image["findings"] as? [[String: Any]])
    #expect(findings.contains { $0["ruleID"] as? String == "PROBE-EXTENSION" })
  }

  @Test func aFileThatIsNotMediaExitsOne() throws {
    let folder = try TemporaryFolder()
    try folder.write("empty.mp3", Data())
    let result = try PodiumProcess.run(["probe", "empty.mp3"], in: folder.url)
    #expect(result.status == 1)
    #expect(result.standardOutput.contains("[PROBE-EMPTY]"))
  }

  @Test func addReadsTheDurationFromTheFile() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode()
    let media = try fixture.folder.write("opname.mp3", SampleMedia.mp3(seconds: 75))
    let result = try PodiumProcess.run(
      ["add", media.path, "--title", "Zonder duur", "--date", "2024-05-01T10:00:00+02:00"], in: fixture.folder.url)
    #expect(result.status == 0, "\(result.standardError)")
    let text = String(decoding: try fixture.folder.read("episodes/gesprekken/2024-05-01-zonder-duur.md"), as: UTF8.self)
    #expect(text.contains("duration: 75"))
    #expect(text.contains("type: audio/mpeg"))
  }

  @Test func addImportsTheTitleAndChaptersEmbeddedInTheFile() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode()
    let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("MediaProbeTests/Fixtures/mp3/chapters.mp3")
    let result = try PodiumProcess.run(
      ["add", source.path, "--date", "2024-05-01T10:00:00+02:00", "--format", "json"], in: fixture.folder.url)
    #expect(result.status == 0, "\(result.standardError)")
    let text = String(decoding: try fixture.folder.read("episodes/gesprekken/2024-05-01-chapters-fixture.md"), as: UTF8.self)
    #expect(text.contains("title: Chapters fixture"))
    #expect(text.contains("chapters:\n- start: 0\n  title: Intro\n- start: 1\n  title: Middle part"))
    let build = try PodiumProcess.run(["build", "--now", "2025-01-01T00:00:00Z"], in: fixture.folder.url)
    #expect(build.status == 0, "\(build.standardOutput)")
    #expect(fixture.folder.exists("feeds/gesprekken/chapters/2024-05-01-chapters-fixture.json"))
  }
}
