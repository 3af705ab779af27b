import Diagnostics
import FeedRules
import Foundation
import Testing

/// A correct video sitemap, as `video-sitemap.xml` is written plus the optional tags, with one
/// video played through its file and one only through a player.
enum ValidSitemap {
  static let text = """
    <?xml version="1.0" encoding="UTF-8"?>
    <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:video="http://www.google.com/schemas/sitemap-video/1.1">
      <url>
        <loc>https://example.com/videos/2/</loc>
        <video:video>
          <video:thumbnail_loc>https://cdn.example.com/video-2.jpg</video:thumbnail_loc>
          <video:title>Second video</video:title>
          <video:description>The second video, in one file.</video:description>
          <video:content_loc>https://cdn.example.com/video-2.mp4</video:content_loc>
          <video:duration>9</video:duration>
          <video:expiration_date>2030-01-01</video:expiration_date>
          <video:rating>4.2</video:rating>
          <video:publication_date>2024-09-26T10:00:00+02:00</video:publication_date>
          <video:family_friendly>yes</video:family_friendly>
          <video:restriction relationship="allow">BE NL</video:restriction>
          <video:platform relationship="deny">tv</video:platform>
          <video:requires_subscription>no</video:requires_subscription>
          <video:uploader info="https://example.com/ada">Ada Example</video:uploader>
          <video:live>no</video:live>
          <video:tag>democracy</video:tag>
          <video:tag>cycling</video:tag>
        </video:video>
      </url>
      <url>
        <loc>https://example.com/videos/1/</loc>
        <video:video>
          <video:thumbnail_loc>https://cdn.example.com/video-1.png</video:thumbnail_loc>
          <video:title>First video</video:title>
          <video:description>The first video, in a player.</video:description>
          <video:player_loc>https://example.com/player?video=1</video:player_loc>
          <video:duration>28800</video:duration>
          <video:publication_date>2024-03-07</video:publication_date>
        </video:video>
      </url>
    </urlset>
    """
}

/// The valid sitemap broken in one place, and the finding that must point at it.
struct BrokenSitemap: Sendable, CustomTestStringConvertible {
  let ruleID: String
  let severity: Severity
  let note: String
  let edits: [ValidFeed.Edit]

  init(_ ruleID: String, _ severity: Severity, _ note: String, _ edits: ValidFeed.Edit...) {
    self.ruleID = ruleID
    self.severity = severity
    self.note = note
    self.edits = edits
  }

  var testDescription: String { "\(ruleID) (\(severity)): \(note)" }

  /// Lints the broken sitemap and checks that the rule fired, at its severity, on the marked line.
  func expectFinding(sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let (text, line) = ValidFeed.apply(edits, to: ValidSitemap.text)
    let findings = SitemapLinter().lint(Data(text.utf8), file: "video-sitemap.xml")
    let matching = findings.filter { $0.ruleID == ruleID }
    #expect(!matching.isEmpty, "no \(ruleID) among \(findings.map(\.ruleID))", sourceLocation: sourceLocation)
    #expect(
      matching.contains { $0.severity == severity && $0.location?.line == line },
      "expected \(severity) at line \(line.map(String.init) ?? "-"), got \(matching)", sourceLocation: sourceLocation)
    #expect(SitemapLinter.rules.contains { $0.id == ruleID }, "\(ruleID) is not in SitemapLinter.rules")
    for finding in findings {
      #expect(finding.message.contains("; "), "message does not say how to fix: \(finding.message)")
      #expect(finding.location?.file == "video-sitemap.xml")
    }
  }
}
