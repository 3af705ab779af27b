import Diagnostics
import FeedRules
import Foundation
import PodiumXML
import Testing

@Suite struct ValidFeedTests {
  @Test func aCompleteCorrectFeedHasNoWarningsOrErrors() {
    let findings = FeedLinter().lint(Data(ValidFeed.text.utf8), file: "feed.xml")
    #expect(findings.filter { $0.severity >= .warning } == [])
  }

  @Test func lintingTheParsedDocumentGivesTheSameFindings() throws {
    let (text, _) = ValidFeed.broken([.init("<language>en-us</language>", "")])
    let document = try PodiumXML.XMLDocument(string: text)
    let fromData = FeedLinter().lint(Data(text.utf8), file: "f")
    #expect(FeedLinter().lint(document, file: "f") == fromData)
    // The item's transcript, with no language of its own, has none to take either.
    #expect(fromData.map(\.ruleID) == ["RSS-CH-LANGUAGE", "P20-TRANSCRIPT"])
  }

  @Test func findingsComeSortedByLine() {
    let (text, _) = ValidFeed.broken([
      .init("<itunes:explicit>false</itunes:explicit>", "<itunes:explicit>yes</itunes:explicit>"),
      .init("<itunes:duration>1925</itunes:duration>", "<itunes:duration>00:8:19</itunes:duration>"),
      .init("<language>en-us</language>", ""),
    ])
    let lines = FeedLinter().lint(Data(text.utf8), file: "f").compactMap(\.location?.line)
    #expect(lines == lines.sorted())
    #expect(lines.count == 4)  // and P20-TRANSCRIPT: the transcript has no language to take
  }
}
