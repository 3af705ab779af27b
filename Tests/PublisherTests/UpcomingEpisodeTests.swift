import Catalogue
import Diagnostics
import Foundation
import PodiumTestSupport
import Publisher
import Testing

/// An episode still to come has its front matter checked by the feed rules now, in the preview of
/// its show's feed, but its notes are rendered and checked only once it goes out.
@Suite struct UpcomingEpisodeTests {
  let before = Timestamp.parse("2025-01-01T00:00:00Z")!
  let after = Timestamp.parse("2025-07-01T00:00:00Z")!

  @Test func frontMatterNowNotesWhenPublished() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode()
    try fixture.addEpisode(
      "2025-06-01-later", title: String(repeating: "Lang ", count: 60), date: "2025-06-01T09:00:00+02:00",
      guid: "7b1a2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", notes: "Een <script>alert(1)</script> in de notities.\n")
    let file = "gesprekken/2025-06-01-later.md"
    func findings(at now: Timestamp) -> [Finding] {
      Publisher(catalogueURL: fixture.catalogue, outputURL: fixture.output, options: BuildOptions(now: now)).validate()
        .findings.filter { $0.location?.file == file }
    }
    let scheduled = findings(at: before)
    // The 300-character title, in the front matter, is found while the episode is scheduled...
    #expect(scheduled.contains { $0.ruleID == "APPLE-TEXT-255" && $0.location?.line == 2 }, "\(scheduled)")
    // ...and what the sanitiser takes out of its notes is reported once it is out, with its feed.
    #expect(!scheduled.contains { $0.ruleID == PublishRules.notesHTML.id })
    let published = findings(at: after)
    #expect(published.contains { $0.ruleID == "APPLE-TEXT-255" })
    #expect(published.contains { $0.ruleID == PublishRules.notesHTML.id }, "\(published)")
  }
}
