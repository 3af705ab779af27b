import Catalogue
import Diagnostics
import Foundation
import PodiumTestSupport
import Testing

/// Where an episode's chapters come from (the front matter, else the media file), and the checks
/// on them, on real media that ffmpeg made with its own chapters.
@Suite struct ChapterSourceTests {
  static let marks = [MediaTools.Mark(0, 3, "Inleiding"), MediaTools.Mark(3, 6, "Het gesprek"), MediaTools.Mark(6, 8, "Tot slot")]

  /// A catalogue whose one episode's media is `file`, made by ffmpeg with `marks` in it.
  func catalogue(_ file: String, marks: [MediaTools.Mark], seconds: Int = 8, extra: String = "") throws -> CatalogueFixture {
    let fixture = try CatalogueFixture()
    let media = fixture.catalogue.appendingPathComponent("gesprekken/media")
    try FileManager.default.createDirectory(at: media, withIntermediateDirectories: true)
    try MediaTools.tone(seconds: seconds, to: file, chapters: marks, in: media)
    try fixture.writeEpisode("2024-03-14-de-buurt-beslist.md", """
      ---
      title: De buurt beslist
      date: 2024-03-14T09:00:00+01:00
      guid: 6f1d4c3e-2b8a-4d5e-9f10-1a2b3c4d5e6f
      media:
        url: media/\(file)
      \(extra)
      ---
      Notities.
      """)
    return fixture
  }

  @Test(arguments: ["aflevering.mp3", "aflevering.m4a"])
  func mediaChaptersAreTheSourceWhenTheFrontMatterHasNone(_ file: String) throws {
    let fixture = try catalogue(file, marks: Self.marks)
    let result = CatalogueLoader(root: fixture.catalogue).load()
    #expect(result.findings.filter { $0.ruleID.hasPrefix("P20-CHAP") } == [])
    let episode = try #require(result.catalogue?.shows.first?.episodes.first)
    #expect(episode.chapters.map(\.title) == ["Inleiding", "Het gesprek", "Tot slot"])
    #expect(episode.chapters.map(\.start) == [0, 3, 6])
    #expect(episode.chapters.allSatisfy { $0.origin == .media && $0.line == 6 })
  }

  @Test func frontMatterChaptersWinOverTheMediaFile() throws {
    let fixture = try catalogue(
      "aflevering.mp3", marks: Self.marks, extra: "chapters:\n  - start: 0\n    title: Begin\n  - start: 4\n    title: Einde")
    let episode = try #require(CatalogueLoader(root: fixture.catalogue).load().catalogue?.shows.first?.episodes.first)
    #expect(episode.chapters.map(\.title) == ["Begin", "Einde"])
    #expect(episode.chapters.allSatisfy { $0.origin == .frontMatter })
  }

  @Test func anEmptyListInTheFrontMatterMeansNoChapters() throws {
    let fixture = try catalogue("aflevering.mp3", marks: Self.marks, extra: "chapters: []")
    let episode = try #require(CatalogueLoader(root: fixture.catalogue).load().catalogue?.shows.first?.episodes.first)
    #expect(episode.chapters == [])
  }

  /// Each broken chapter list, with the rule, the line, and words the message must hold.
  @Test(arguments: [
    // Out of order.
    ("chapters:\n  - start: 0\n    title: A\n  - start: 5\n    title: B\n  - start: 4\n    title: C", "P20-CHAP-ORDER", 12, "not after the one before"),
    // The declared duration says 30 s; the file really is 8 s: the probe is what counts.
    ("  duration: 30\nchapters:\n  - start: 0\n    title: A\n  - start: 20\n    title: B", "P20-CHAP-ORDER", 11, "really is 00:08 long"),
    // No title, or only spaces.
    ("chapters:\n  - start: 0\n    title: \"\"\n", "P20-CHAP-TITLE", 8, "has no title"),
    ("chapters:\n  - start: 0\n    title: \"  \"\n", "P20-CHAP-TITLE", 8, "has no title"),
  ])
  func brokenChaptersAreFound(_ extra: String, rule: String, line: Int, words: String) throws {
    let fixture = try catalogue("aflevering.mp3", marks: [], extra: extra)
    let findings = CatalogueLoader(root: fixture.catalogue).load().findings.filter { $0.ruleID.hasPrefix("P20-CHAP") }
    #expect(findings.count == 1, "\(findings)")
    let finding = try #require(findings.first)
    #expect(finding.ruleID == rule)
    #expect(finding.location?.line == line)
    #expect(finding.message.contains(words), "\(finding.message)")
  }

  @Test func untitledAndLateChaptersInTheMediaFilePointAtTheMediaLine() throws {
    // ffmpeg keeps a chapter past the end of the audio: the file says it, the probe reads it.
    let fixture = try catalogue(
      "aflevering.mp3", marks: [MediaTools.Mark(0, 3, ""), MediaTools.Mark(3, 9, "Midden"), MediaTools.Mark(9, 12, "Te laat")])
    let findings = CatalogueLoader(root: fixture.catalogue).load().findings.filter { $0.ruleID.hasPrefix("P20-CHAP") }
    #expect(findings.map(\.ruleID) == ["P20-CHAP-TITLE", "P20-CHAP-ORDER"])
    #expect(findings.allSatisfy { $0.location?.line == 6 && $0.message.contains("media file") }, "\(findings)")
  }
}
