import Catalogue
import Diagnostics
import Foundation
import PodiumTestSupport
import Testing

/// The YAML reader over libyaml's events: what it refuses (anchors and aliases, tags, duplicate
/// keys, a second document, too many values), each on its line, and what it reads as before
/// (nulls, quoted text, lines after multi-line values).
@Suite struct YAMLReaderTests {
  /// The episode front matter `addEpisode` writes ends at line 8; `extra` starts at line 9.
  static func load(extra: String) throws -> LoadResult {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode(extra: extra)
    return CatalogueLoader(root: fixture.catalogue).load()
  }

  /// (what, extra front matter, rule, line, what the message says)
  static let refused: [(String, String, String, Int, String)] = [
    ("an anchor", "summary: &s Tekst\ntags:\n  - *s", "CAT-YAML", 9, "anchors and aliases"),
    ("an alias of an earlier key", "tags:\n  - gent\nthemes: *x", "CAT-YAML", 11, "anchors and aliases"),
    ("an anchor on a mapping", "location: &plek\n  name: Gent", "CAT-YAML", 9, "anchors and aliases"),
    ("a duplicate key deeper down", "location:\n  name: Gent\n  geo: geo:51.05,3.72\n  name: Brugge", "CAT-YAML", 10,
     "the key 'name' appears twice (lines 10 and 12)"),
    ("a duplicate in a long mapping", (1...40).map { "k\($0): x" }.joined(separator: "\n") + "\nk7: y", "CAT-YAML", 15,
     "the key 'k7' appears twice (lines 15 and 49)"),
    ("a core tag that isn't text", "season: !!int 2", "CAT-YAML", 9, "'!!int'"),
    ("a tag on a list", "tags: !!set\n  ? a", "CAT-YAML", 9, "'!!set'"),
    ("deep flow nesting", "tags: " + String(repeating: "{a: ", count: 2000) + String(repeating: "}", count: 2000),
     "CAT-YAML", 9, "nested more than 1000 levels deep"),
    ("an escaped control character", "summary: \"Bel\\u0007 en \\x00\"", "CAT-CONTROL-CHAR", 9, "U+0007"),
    ("a value quoted as null", "season: \"~\"", "CAT-TYPE", 9, "whole number"),
  ]

  @Test(arguments: refused.indices)
  func refusedOnItsLine(index: Int) throws {
    let (what, extra, rule, line, says) = Self.refused[index]
    let findings = try Self.load(extra: extra).findings
    let finding = try #require(findings.first { $0.ruleID == rule }, "\(what): \(findings)")
    #expect(finding.location == SourceLocation(file: "gesprekken/2024-03-14-de-buurt-beslist.md", line: line), "\(what)")
    #expect(finding.message.contains(says), "\(what): \(finding.message)")
    #expect(!finding.message.contains("yaml_"), "\(what): \(finding.message)")
  }

  /// Nine levels of aliases make a billion values from a few hundred bytes, if anyone expands them.
  @Test func anAliasBombIsRefusedAtItsFirstAnchor() throws {
    var lines = ["l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in 1...9 {
      lines.append("l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]")
    }
    let fixture = try CatalogueFixture()
    try fixture.writeEpisode("2024-03-14-a.md", "---\ntitle: A\n" + lines.joined(separator: "\n") + "\n---\nNotes\n")
    let findings = CatalogueLoader(root: fixture.catalogue).load().findings
    let finding = try #require(findings.first { $0.ruleID == "CAT-YAML" }, "\(findings)")
    #expect(finding.location?.line == 3)
    #expect(finding.message.contains("anchors and aliases"))
  }

  @Test func aSecondDocumentInShowYAMLIsRefusedWhereItStarts() throws {
    let show = CatalogueFixture.show + "\n---\ntitle: Nog een show\n"
    let line = try #require(show.split(separator: "\n", omittingEmptySubsequences: false).firstIndex(of: "---")) + 1
    let fixture = try CatalogueFixture(show: show)
    let findings = CatalogueLoader(root: fixture.catalogue).load().findings
    let finding = try #require(findings.first { $0.ruleID == "CAT-YAML" }, "\(findings)")
    #expect(finding.location == SourceLocation(file: "gesprekken/show.yaml", line: line))
    #expect(finding.message.contains("second YAML document"))
  }

  @Test func tooManyValuesAreRefusedBeforeTheyAreHeld() throws {
    let keywords = "keywords: [" + Array(repeating: "a", count: 100_001).joined(separator: ",") + "]\n"
    let fixture = try CatalogueFixture(show: keywords + CatalogueFixture.show)
    let findings = CatalogueLoader(root: fixture.catalogue).load().findings
    let finding = try #require(findings.first { $0.ruleID == "CAT-YAML" }, "\(findings.prefix(3))")
    #expect(finding.location == SourceLocation(file: "gesprekken/show.yaml", line: 1))
    #expect(finding.message.contains("more than 100000 values"))
  }

  @Test func anEmptyFrontMatterIsNamed() throws {
    let fixture = try CatalogueFixture()
    try fixture.writeEpisode("2024-03-14-a.md", "---\n# only a comment\n---\nNotes\n")
    let findings = CatalogueLoader(root: fixture.catalogue).load().findings
    #expect(findings.contains { $0.message.contains("the YAML is empty") && $0.location?.line == 2 }, "\(findings)")
  }

  /// What is read the same as before: the text tag and `!`, nulls, quotes, and lines after
  /// values that span several lines.
  @Test func readsValuesAndLinesAsWritten() throws {
    let result = try Self.load(extra: """
      summary: !!str 2024
      season: ~
      episode:
      tags: ! gent
      themes: ["a: b", 'it''s']
      location:
        name: >-
          Gent,
          Sint-Pieters
        country: be
      explicit: true
      """)
    #expect(!result.findings.contains { $0.severity == .error }, "\(result.findings)")
    let episode = try #require(result.catalogue?.shows.first?.episodes.first)
    #expect(episode.summary == "2024")
    #expect(episode.season == nil && episode.number == nil)
    #expect(episode.tags == ["gent"])
    #expect(episode.themes == ["a: b", "it's"])
    #expect(episode.location == Location(name: "Gent, Sint-Pieters", country: "BE"))
    #expect(episode.explicit == true)
    #expect(episode.lines["media.url"] == 6)
    #expect(episode.lines["location.country"] == 18)
    #expect(episode.lines["explicit"] == 19)
  }

  @Test func aBadValueAfterABlockScalarIsOnItsOwnLine() throws {
    let findings = try Self.load(extra: "summary: |\n  Een\n\n  twee\nseason: eerste").findings
    let finding = try #require(findings.first { $0.ruleID == "CAT-TYPE" }, "\(findings)")
    #expect(finding.location?.line == 13)
  }
}
