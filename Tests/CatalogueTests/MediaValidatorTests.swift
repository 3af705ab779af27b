import Catalogue
import Diagnostics
import Foundation
import MediaProbe
import PodiumTestSupport
import Testing

/// What the catalogue declares, checked against what the files hold.
@Suite struct MediaValidatorTests {
  func findings(_ fixture: CatalogueFixture) -> [Finding] { CatalogueLoader(root: fixture.catalogue).load().findings }

  @Test func aDurationTheFileContradictsIsAnError() throws {
    let fixture = try CatalogueFixture()
    try fixture.folder.write("episodes/gesprekken/media/a.mp3", SampleMedia.mp3(seconds: 60))
    try fixture.writeEpisode("2024-03-14-a.md", """
      ---
      title: A
      date: 2024-03-14T09:00:00Z
      guid: a
      media:
        url: media/a.mp3
        duration: 90
      ---
      """)
    let finding = try #require(findings(fixture).first { $0.ruleID == "CAT-MEDIA-DURATION" })
    #expect(finding.severity == .error)
    #expect(finding.location == SourceLocation(file: "gesprekken/2024-03-14-a.md", line: 7))
    #expect(finding.message.contains("write 60"))
  }

  @Test func aMissingDurationAndTypeComeFromTheFile() throws {
    let fixture = try CatalogueFixture()
    try fixture.folder.write("episodes/gesprekken/media/a.mp3", SampleMedia.mp3(seconds: 42))
    try fixture.writeEpisode("2024-03-14-a.md", "---\ntitle: A\ndate: 2024-03-14T09:00:00Z\nguid: a\nmedia:\n  url: media/a.mp3\n---\n")
    let result = CatalogueLoader(root: fixture.catalogue).load()
    #expect(result.findings.filter { $0.severity >= .warning } == [])
    let episode = try #require(result.catalogue?.shows.first?.episodes.first)
    #expect(episode.media?.duration == 42)
    #expect(episode.media?.type == "audio/mpeg")
  }

  @Test func aWrongTypeIsAnError() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode(extra: "")
    // A WAV file named .mp3 and declared MP3: only the file itself tells.
    try fixture.folder.write("episodes/gesprekken/media/2024-03-14-de-buurt-beslist.mp3", SampleMedia.wav(seconds: 60))
    let finding = try #require(findings(fixture).first { $0.ruleID == "CAT-MEDIA-TYPE" })
    #expect(finding.message.contains("write type: audio/wav"))
    #expect(finding.location?.line == 7)
  }

  /// A type that doesn't fit the file's name is the feed rules' (APPLE-ENC-FORMATS, on the
  /// enclosure as written): the catalogue doesn't report it a second time.
  @Test func aTypeThatDoesNotFitTheNameIsTheFeedRules() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode(extra: "")
    let path = "episodes/gesprekken/2024-03-14-de-buurt-beslist.md"
    let text = String(decoding: try fixture.folder.read(path), as: UTF8.self)
    try fixture.folder.write(path, text.replacingOccurrences(of: "type: audio/mpeg", with: "type: audio/x-m4a"))
    #expect(findings(fixture).filter { $0.ruleID == "CAT-MEDIA-TYPE" } == [])
  }

  @Test func mediaThatIsNotMediaIsRefused() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode()
    try fixture.folder.write("episodes/gesprekken/media/2024-03-14-de-buurt-beslist.mp3", SampleMedia.jpeg(width: 10, height: 10))
    let found = findings(fixture)
    #expect(found.contains { $0.ruleID == "PROBE-EXTENSION" })
    #expect(found.contains { $0.ruleID == "CAT-MEDIA-FORMAT" && $0.severity == .error })
  }

  /// Apple's artwork rules, each with the file that breaks it.
  @Test(arguments: [
    (SampleMedia.jpeg(width: 1000, height: 1000), "artwork.jpg", "APPLE-IMG-SIZE", "1400×1400 to 3000×3000"),
    (SampleMedia.jpeg(width: 1400, height: 1500), "artwork.jpg", "APPLE-IMG-SIZE", "square"),
    (SampleMedia.jpeg(width: 3200, height: 3200), "artwork.jpg", "APPLE-IMG-SIZE", "3000"),
    (SampleMedia.jpeg(width: 1400, height: 1400), "artwork.png", "APPLE-IMG-FORMAT", "rename it to .jpg"),
    (SampleMedia.jpeg(width: 1400, height: 1400, padding: 600_000), "artwork.jpg", "APPLE-IMG-FILESIZE", "512 KB"),
    (SampleMedia.mp3(seconds: 1), "artwork.jpg", "APPLE-IMG-FORMAT", "JPEG or PNG"),
  ])
  func artworkRules(image: Data, name: String, rule: String, message: String) throws {
    let fixture = try CatalogueFixture(show: CatalogueFixture.show.replacingOccurrences(of: "artwork.jpg", with: name))
    try fixture.folder.write("episodes/gesprekken/\(name)", image)
    try fixture.addEpisode()
    let finding = try #require(findings(fixture).first { $0.ruleID == rule }, "\(findings(fixture))")
    #expect(finding.location?.file == "gesprekken/show.yaml")
    #expect(finding.message.contains(message), "\(finding.message)")
  }

  @Test func goodArtworkPasses() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode()
    #expect(findings(fixture).filter { $0.ruleID.hasPrefix("APPLE-IMG") } == [])
  }

  @Test func captionsMustFitTheEpisode() throws {
    let fixture = try CatalogueFixture()
    try fixture.folder.write("episodes/gesprekken/transcripts/a.vtt", "WEBVTT\n\n00:00.000 --> 00:05.000\nHallo\n\n01:30.000 --> 01:35.000\nTe laat\n")
    try fixture.addEpisode(extra: "transcripts:\n  - file: transcripts/a.vtt\n    rel: captions")
    let finding = try #require(findings(fixture).first { $0.ruleID == "PROBE-CAPTIONS" })
    #expect(finding.location?.file == "gesprekken/2024-03-14-de-buurt-beslist.md")
  }

  @Test func anM4AThatIsNotFaststartIsReported() throws {
    let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("MediaProbeTests/Fixtures/mp4")
    let fixture = try CatalogueFixture()
    for (name, date, guid) in [("aac-moov-at-end", "2024-03-14", "late"), ("aac-faststart", "2024-03-21", "early")] {
      try fixture.folder.write(
        "episodes/gesprekken/media/\(name).m4a", try Data(contentsOf: fixtures.appendingPathComponent("\(name).m4a")))
      try fixture.writeEpisode(
        "\(date)-\(name).md", "---\ntitle: \(name)\ndate: \(date)T09:00:00Z\nguid: \(guid)\nmedia:\n  url: media/\(name).m4a\n---\n")
    }
    let result = CatalogueLoader(root: fixture.catalogue).load()
    let faststart = result.findings.filter { $0.ruleID == "PROBE-FASTSTART" }
    #expect(faststart.map(\.location?.file) == ["gesprekken/2024-03-14-aac-moov-at-end.md"])
    #expect(result.catalogue?.shows.first?.episodes.allSatisfy { $0.media?.type == "audio/x-m4a" } == true)
  }
}
