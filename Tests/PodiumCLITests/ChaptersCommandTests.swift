import Foundation
import PodiumTestSupport
import Testing

/// `podium chapters` as a producer runs it, from the folder that holds `episodes/`.
@Suite struct ChaptersCommandTests {
  func fixture() throws -> CatalogueFixture {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode(extra: "chapters:\n  - start: 0\n    title: Begin\n  - start: \"1:05\"\n    title: Vragen & antwoorden", seconds: 90)
    return fixture
  }

  @Test(arguments: [
    ("text", "00:00 Begin\n01:05 Vragen & antwoorden\n"),
    ("vtt", "WEBVTT\n\n1\n00:00:00.000 --> 00:01:05.000\nBegin\n\n2\n00:01:05.000 --> 00:01:30."),
    ("psc", #"<psc:chapter start="00:01:05.000" title="Vragen &amp; antwoorden"/>"#),
    ("json", #""startTime" : 65,"#),
  ])
  func printsEachDialect(_ format: String, expected: String) throws {
    let fixture = try fixture()
    let result = try PodiumProcess.run(
      ["chapters", "episodes/gesprekken/2024-03-14-de-buurt-beslist.md", "--format", format], in: fixture.folder.url)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains(expected), "\(result.standardOutput)")
  }

  @Test func embedRefusesAPublishedEpisodeAndSaysWhatToDo() throws {
    let fixture = try fixture()
    let built = try PodiumProcess.run(["build", "--now", "2026-11-27T12:00:00+01:00"], in: fixture.folder.url)
    #expect(built.status == 0, "\(built.standardError)")
    let media = "episodes/gesprekken/media/2024-03-14-de-buurt-beslist.mp3"
    let before = try fixture.folder.read(media)
    let refused = try PodiumProcess.run(["chapters", "2024-03-14-de-buurt-beslist", "--embed"], in: fixture.folder.url)
    #expect(refused.status == 1)
    #expect(refused.standardError.hasPrefix("error: ") && !refused.standardError.contains("Usage"))
    #expect(refused.standardError.contains("already published") && refused.standardError.contains("--allow-enclosure-change"))
    #expect(try fixture.folder.read(media) == before)
    let written = try PodiumProcess.run(
      ["chapters", "2024-03-14-de-buurt-beslist", "--embed", "--allow-enclosure-change"], in: fixture.folder.url)
    #expect(written.status == 0, "\(written.standardError)")
    #expect(written.standardOutput.contains("wrote 2 chapters"))
    #expect(try fixture.folder.read(media) != before)
  }
}
