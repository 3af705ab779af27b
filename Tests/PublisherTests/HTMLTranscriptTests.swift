import Catalogue
import Foundation
import PodiumTestSupport
import Publisher
import Testing

/// An HTML transcript is published from the feeds' own address, where a script in it would run
/// as the site's: it goes out through the notes' sanitiser, its words kept.
@Suite struct HTMLTranscriptTests {
  @Test func anHTMLTranscriptIsPublishedSanitised() throws {
    let fixture = try CatalogueFixture()
    try fixture.folder.write(
      "episodes/gesprekken/transcripts/buurt.html",
      "<p>Welkom bij <b>de buurt</b>.</p><script>alert(document.cookie)</script>"
        + "<p onclick=\"steal()\">Tot <a href=\"javascript:alert(1)\">straks</a>.</p><iframe src=\"https://evil.test/\"></iframe>")
    try fixture.addEpisode(extra: "transcripts:\n  - file: transcripts/buurt.html\n    type: text/html\n    language: nl-BE")
    let report = try Publisher(
      catalogueURL: fixture.catalogue, outputURL: fixture.output,
      options: BuildOptions(now: Timestamp.parse("2026-01-01T00:00:00Z")!)
    ).build()
    #expect(!report.hasErrors, "\(report.findings)")
    let published = try TemporaryFolder.snapshot(of: fixture.output).first { $0.key.hasSuffix(".html") && $0.key.contains("transcripts/") }
    let text = String(decoding: try #require(published, "no HTML transcript in the output").value, as: UTF8.self)
    #expect(text.contains("Welkom bij <b>de buurt</b>."))
    #expect(text.contains("straks"))
    for hostile in ["<script", "alert", "onclick", "javascript:", "<iframe", "evil.test"] {
      #expect(!text.contains(hostile), "\(hostile) in \(text)")
    }
  }
}
