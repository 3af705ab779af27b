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

  /// Run as another user (nobody) in a folder anyone may write, Podium can't give the new file
  /// root's ownership, so it refuses and leaves the file as it was instead of handing it to
  /// nobody. Needs root, to make the file root's and to run as nobody.
  @Test(.enabled(if: geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
  func embedRefusesAFileItCantGiveItsOwner() throws {
    let fixture = try fixture()
    let media = "episodes/gesprekken/media/2024-03-14-de-buurt-beslist.mp3"
    for (folder, mode) in [("", 0o755), ("episodes", 0o755), ("episodes/gesprekken", 0o777), ("episodes/gesprekken/media", 0o777)] {
      try #require(chmod(fixture.folder.url.appendingPathComponent(folder).path, mode_t(mode)) == 0)
    }
    try #require(chmod(fixture.folder.url.appendingPathComponent(media).path, 0o644) == 0)
    let before = try fixture.folder.read(media)
    let refused = try PodiumProcess.run(
      ["chapters", "2024-03-14-de-buurt-beslist", "--embed"], in: fixture.folder.url,
      wrapper: ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"])
    #expect(refused.status == 1)
    #expect(refused.standardError.contains("belongs to user 0, group 0") && refused.standardError.contains("run podium as the file's owner"),
      "\(refused.standardError)")
    #expect(try fixture.folder.read(media) == before)
    let left = try FileManager.default.contentsOfDirectory(atPath: fixture.folder.url.appendingPathComponent("episodes/gesprekken/media").path)
    #expect(left == ["2024-03-14-de-buurt-beslist.mp3"])
  }
}
