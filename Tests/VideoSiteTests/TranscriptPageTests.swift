import Catalogue
import Foundation
import PodiumTestSupport
import Publisher
import Testing

/// A video's transcript page, read with libxml2's HTML parser: the cues' speakers and words as
/// text, whatever markup the caption file held, and no script.
@Suite struct TranscriptPageTests {
  let mp4 = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("MediaProbeTests/Fixtures/mp4/h264-aac.mp4")

  /// Markup in a caption file: WebVTT's escaped text, a tag WebVTT doesn't know, and in SubRip,
  /// which has no markup but formatting tags, whatever else is text.
  static let sources = [
    (
      "vtt",
      """
      WEBVTT

      00:00.000 --> 00:00.500
      <v Noor &amp; co>&lt;script&gt;alert(1)&lt;/script&gt; <b onclick="alert(2)">vet</b>

      00:00.500 --> 00:01.000
      <v Noor &amp; co>"zei ze" &amp; ging door.

      00:01.000 --> 00:01.900
      <v Wim>Einde.
      """
    ),
    (
      "srt",
      """
      1
      00:00:00,000 --> 00:00:00,500
      Noor: <script>alert(1)</script> <b>vet</b>

      2
      00:00:00,500 --> 00:00:01,000
      <img src=x onerror="alert(2)"> & ging door.

      3
      00:00:01,000 --> 00:00:01,900
      Wim: Einde.
      """
    ),
  ]

  @Test(arguments: sources)
  func cuesAreTextAndThePageHasNoScript(ext: String, source: String) throws {
    let fixture = try CatalogueFixture(show: CatalogueFixture.show.replacingOccurrences(of: "medium: podcast", with: "medium: video"))
    try fixture.folder.write("episodes/gesprekken/media/v.mp4", try Data(contentsOf: mp4))
    try fixture.folder.write("episodes/gesprekken/posters/v.jpg", SampleMedia.jpeg(width: 1280, height: 720))
    try fixture.folder.write("episodes/gesprekken/transcripts/v.\(ext)", source)
    try fixture.writeEpisode("2024-03-14-v.md", """
      ---
      title: Fietsles
      date: 2024-03-14T09:00:00+01:00
      guid: video-1
      poster: posters/v.jpg
      media:
        url: media/v.mp4
      transcripts:
        - file: transcripts/v.\(ext)
          language: nl-BE
      ---
      Een reportage.
      """)
    let report = try Publisher(
      catalogueURL: fixture.catalogue, outputURL: fixture.output,
      options: BuildOptions(now: Timestamp.parse("2025-01-01T00:00:00Z")!)
    ).build()
    #expect(!report.hasErrors, "\(report.findings)")

    let page = try HTMLPage(try fixture.folder.read("feeds/gesprekken/embed/2024-03-14-v/transcript.html"))
    #expect(page.root.name == "html")
    #expect(page.root.attributes["lang"] == "nl-BE")
    #expect(page.elements(named: "script").isEmpty)
    #expect(page.elements(named: "img").isEmpty)
    #expect(page.elements.allSatisfy { $0.attributes.keys.allSatisfy { !$0.lowercased().hasPrefix("on") } })
    #expect(page.elements(named: "title").first?.text == "Transcriptie: Fietsles – Allemaal politiek")
    let policy = page.elements(named: "meta").first { $0.attributes["http-equiv"] == "Content-Security-Policy" }
    #expect(policy?.attributes["content"]?.hasPrefix("default-src 'none'") == true)
    #expect(
      page.elements(named: "link").first { $0.attributes["rel"] == "canonical" }?.attributes["href"]
        == "https://feeds.podium.test/gesprekken/embed/2024-03-14-v/transcript.html")
    #expect(page.elements(named: "a").first?.attributes["href"] == "./")

    let transcript = try #require(page.elements(named: "div").first { $0.attributes["class"] == "transcript" })
    let noor = ext == "vtt" ? "Noor & co" : "Noor"
    #expect(transcript.children.map(\.name) == ["cite", "time", "p", "cite", "time", "p"])
    #expect(transcript.children.filter { $0.name == "cite" }.map(\.text) == [noor, "Wim"])
    #expect(transcript.children.filter { $0.name == "time" }.map { $0.attributes["datetime"] } == ["PT0S", "PT1S"])
    let words = transcript.children.filter { $0.name == "p" }.map(\.text)
    #expect(
      words == [
        ext == "vtt"
          ? "<script>alert(1)</script> vet \"zei ze\" & ging door." : "<script>alert(1)</script> vet <img src=x onerror=\"alert(2)\"> & ging door.",
        "Einde.",
      ])

    // The video page links to it.
    let videoPage = try HTMLPage(try fixture.folder.read("feeds/gesprekken/embed/2024-03-14-v/index.html"))
    let link = videoPage.elements(named: "a").first { $0.attributes["href"] == "transcript.html" }
    #expect(link?.text == "Lees de transcriptie")
  }

  /// Captions with no words: a page with the title and the link back, and no empty element that
  /// HTML would read as an open tag.
  @Test func aTranscriptWithoutWordsIsAPageWithoutTurns() throws {
    let fixture = try CatalogueFixture(show: CatalogueFixture.show.replacingOccurrences(of: "medium: podcast", with: "medium: video"))
    try fixture.folder.write("episodes/gesprekken/media/v.mp4", try Data(contentsOf: mp4))
    try fixture.folder.write("episodes/gesprekken/posters/v.jpg", SampleMedia.jpeg(width: 1280, height: 720))
    try fixture.folder.write("episodes/gesprekken/transcripts/v.vtt", "WEBVTT\n\n00:00.000 --> 00:01.000\n<v Wim></v>\n")
    try fixture.writeEpisode("2024-03-14-v.md", """
      ---
      title: Fietsles
      date: 2024-03-14T09:00:00+01:00
      guid: video-1
      poster: posters/v.jpg
      media:
        url: media/v.mp4
      transcripts:
        - file: transcripts/v.vtt
      ---
      Een reportage.
      """)
    let report = try Publisher(
      catalogueURL: fixture.catalogue, outputURL: fixture.output,
      options: BuildOptions(now: Timestamp.parse("2025-01-01T00:00:00Z")!)
    ).build()
    #expect(!report.hasErrors, "\(report.findings)")
    let data = try fixture.folder.read("feeds/gesprekken/embed/2024-03-14-v/transcript.html")
    #expect(!String(decoding: data, as: UTF8.self).contains("/>\n    </main>"))
    let page = try HTMLPage(data)
    #expect(page.elements(named: "main").first?.children.map(\.name) == ["h1", "p"])
  }

  @Test func aVideoWithoutTranscriptHasNoPageAndNoLink() throws {
    let fixture = try CatalogueFixture(show: CatalogueFixture.show.replacingOccurrences(of: "medium: podcast", with: "medium: video"))
    try fixture.folder.write("episodes/gesprekken/media/v.mp4", try Data(contentsOf: mp4))
    try fixture.folder.write("episodes/gesprekken/posters/v.jpg", SampleMedia.jpeg(width: 1280, height: 720))
    try fixture.writeEpisode("2024-03-14-v.md", """
      ---
      title: Fietsles
      date: 2024-03-14T09:00:00+01:00
      guid: video-1
      poster: posters/v.jpg
      media:
        url: media/v.mp4
      ---
      Een reportage.
      """)
    let report = try Publisher(
      catalogueURL: fixture.catalogue, outputURL: fixture.output,
      options: BuildOptions(now: Timestamp.parse("2025-01-01T00:00:00Z")!)
    ).build()
    #expect(!report.hasErrors, "\(report.findings)")
    #expect(!fixture.folder.exists("feeds/gesprekken/embed/2024-03-14-v/transcript.html"))
    let videoPage = try HTMLPage(try fixture.folder.read("feeds/gesprekken/embed/2024-03-14-v/index.html"))
    #expect(!videoPage.elements(named: "a").contains { $0.attributes["href"] == "transcript.html" })
  }
}
