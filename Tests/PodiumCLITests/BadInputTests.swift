import Foundation
import PodiumTestSupport
import Testing

/// Every kind of bad catalogue input, through the real binary: exit code 1, the file and line,
/// the rule id, and `feeds/` exactly as it was.
@Suite struct BadInputTests {
  static let valid = """
    ---
    title: Tweede
    date: 2024-05-01T09:00:00+02:00
    guid: second-guid
    media:
      url: media/b.mp3
      duration: 60
    ---
    Notities.

    """

  /// (what, file contents, expected "file:line: error: [RULE]")
  static let cases: [(String, String, String)] = [
    ("malformed YAML", valid.replacingOccurrences(of: "title: Tweede", with: "title: [Tweede"),
     "2024-05-01-b.md:2: error: [CAT-YAML]"),
    ("wrong type", valid.replacingOccurrences(of: "guid: second-guid", with: "guid: second-guid\nseason: twee"),
     "2024-05-01-b.md:5: error: [CAT-TYPE]"),
    ("unknown key", valid.replacingOccurrences(of: "guid: second-guid", with: "guid: second-guid\nepisdoe: 2"),
     "2024-05-01-b.md:5: error: [CAT-UNKNOWN-KEY]"),
    ("missing field", valid.replacingOccurrences(of: "title: Tweede\n", with: ""), "2024-05-01-b.md:2: error: [CAT-REQUIRED]"),
    ("bad date", valid.replacingOccurrences(of: "2024-05-01T09:00:00+02:00", with: "1 mei 2024"),
     "2024-05-01-b.md:3: error: [CAT-DATE]"),
    // Found by the feed rules in the feed the build wrote, at its second item (the older episode),
    // and reported at that episode's guid line.
    ("duplicate GUID", valid.replacingOccurrences(of: "second-guid", with: "first-guid"),
     "2024-03-14-de-buurt-beslist.md:4: error: [RSS-GUID-UNIQUE]"),
    ("path leaving the catalogue", valid.replacingOccurrences(of: "media/b.mp3", with: "../../etc/passwd"),
     "2024-05-01-b.md:6: error: [CAT-PATH]"),
    ("symlink pointing outside", valid.replacingOccurrences(of: "media/b.mp3", with: "media/link.mp3"),
     "2024-05-01-b.md:6: error: [CAT-PATH]"),
    ("control character", valid.replacingOccurrences(of: "Notities.", with: "Noti\u{7}ties."),
     "2024-05-01-b.md:9: error: [CAT-CONTROL-CHAR]"),
  ]

  @Test(arguments: cases)
  func refusedWithLocationAndNothingWritten(what: String, text: String, expected: String) throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode(guid: "first-guid")
    let build = try PodiumProcess.run(["build", "--now", "2025-01-01T00:00:00Z"], in: fixture.folder.url)
    #expect(build.status == 0, "\(build.standardOutput)")
    let before = try fixture.folder.snapshot("feeds")

    try fixture.folder.write("episodes/gesprekken/media/b.mp3", SampleMedia.mp3(seconds: 60))
    let outside = try TemporaryFolder()
    try FileManager.default.createSymbolicLink(
      at: fixture.catalogue.appendingPathComponent("gesprekken/media/link.mp3"),
      withDestinationURL: try outside.write("secret.mp3", "secret"))
    try fixture.writeEpisode("2024-05-01-b.md", text)

    let result = try PodiumProcess.run(["build", "--now", "2025-01-01T00:00:00Z"], in: fixture.folder.url)
    #expect(result.status == 1, "\(what): \(result.standardOutput)")
    #expect(result.standardOutput.contains("gesprekken/" + expected), "\(what): \(result.standardOutput)")
    #expect(try fixture.folder.snapshot("feeds") == before, "\(what)")
  }
}
