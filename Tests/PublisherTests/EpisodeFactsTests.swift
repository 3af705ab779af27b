import Catalogue
import Diagnostics
import Foundation
import PodiumTestSupport
@testable import Publisher
import Testing

/// `podium list` takes from the per-episode cache only what it shows of each episode
/// (``EpisodeFacts``): they must give back exactly those fields and the file's findings, and
/// bytes that are not such facts must be refused, never read past.
struct EpisodeFactsTests {
  static func readings() throws -> [EpisodeReading] {
    var episode = Episode(
      file: "gesprekken/2024-03-14-één.md", slug: "één", title: "Één café \u{1F399}",
      date: Timestamp(seconds: 1_710_403_200, offset: -34_200), guid: "\u{212A}-guid", media: nil)
    episode.season = 2
    episode.tags = ["x"]
    var draft = Episode(file: "s/a.md", slug: "a", title: "", date: Timestamp(seconds: -5, offset: 0), guid: "", media: nil)
    draft.draft = true
    let warning = Finding(
      severity: .warning, ruleID: "CAT-X", message: "what to do", location: SourceLocation(file: "s/a.md", line: 3))
    return [
      EpisodeReading(episode: episode, findings: [], reusable: true),
      EpisodeReading(episode: draft, findings: [warning, warning], reusable: true),
    ]
  }

  @Test func whatAListShowsComesBack() throws {
    for reading in try Self.readings() {
      let facts = try #require(EpisodeFacts.encode(reading))
      let back = try #require(EpisodeFacts.reading(facts[...]))
      let (episode, listed) = (try #require(reading.episode), try #require(back.episode))
      #expect(listed.file == episode.file && listed.slug == episode.slug && listed.title == episode.title)
      #expect(listed.guid == episode.guid && listed.draft == episode.draft)
      #expect(listed.date.seconds == episode.date.seconds && listed.date.offset == episode.date.offset)
      #expect(listed.date.iso8601 == episode.date.iso8601)
      #expect(back.findings == reading.findings)
      // Nothing else: the rest is left empty.
      #expect(listed.season == nil && listed.tags.isEmpty && listed.media == nil)
    }
    #expect(EpisodeFacts.encode(EpisodeReading(episode: nil, findings: [], reusable: true)) == nil)
  }

  @Test func bytesThatAreNotFactsAreRefused() throws {
    for reading in try Self.readings() {
      let facts = try #require(EpisodeFacts.encode(reading))
      for count in 0..<facts.count { #expect(EpisodeFacts.reading(facts[..<count]) == nil, "cut at \(count)") }
      #expect(EpisodeFacts.reading((facts + [0])[...]) == nil)
      var huge = facts
      huge[0...3] = [0xFF, 0xFF, 0xFF, 0x7F]
      #expect(EpisodeFacts.reading(huge[...]) == nil)
    }
  }
}
