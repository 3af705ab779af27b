import Catalogue
import Diagnostics
@testable import FeedWriter
import Foundation
import PodiumTestSupport
import ShowNotes
import Testing

/// The source map names, for each line of a feed, the catalogue line that produced it: exactly,
/// across the runs and batches items are written in, in memory and into a file.
@Suite struct FeedSourceMapTests {
  /// The feed's lines, from 1.
  static func lines(_ data: Data) -> [Substring] {
    [""] + String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
  }

  @Test(arguments: [(3, 2), (128, 8), (Int.max / 2, 1)])
  func everyItemLineNamesItsEpisodeAndKey(itemsPerRun: Int, runsPerBatch: Int) throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode(extra: "episode: 1\nsummary: Kort.")
    let catalogue = try #require(CatalogueLoader(root: fixture.catalogue).load().catalogue)
    let show = try #require(catalogue.shows.first)
    let template = try #require(show.episodes.first)
    let episodes = (0..<40).map { index in
      var episode = template
      episode.guid = "guid-\(index)"
      episode.file = "gesprekken/\(index).md"
      episode.media?.reference = .local(path: "media/\(index).mp3")
      // Notes of a different length each, so items have different line counts.
      episode.notes = (0...index % 5).map { "Alinea \($0)." }.joined(separator: "\n\n")
      return episode
    }
    var writer = PodcastFeedWriter(catalogue: catalogue, show: show, podcastGUID: "g")
    (writer.itemsPerRun, writer.runsPerBatch) = (itemsPerRun, runsPerBatch)
    let feed = try writer.write(episodes, renderer: ShowNotesRenderer())
    let lines = Self.lines(feed.data)
    let front = try fixture.folder.read("episodes/gesprekken/2024-03-14-de-buurt-beslist.md")
    let frontLines = Self.lines(front)
    func line(of key: String) -> Int { frontLines.firstIndex { $0.hasPrefix("\(key):") || $0.hasPrefix("  \(key):") }! }
    var seen = 0
    for (number, text) in lines.enumerated() where number > 0 {
      let trimmed = text.drop { $0 == " " }
      guard let start = trimmed.range(of: "<guid isPermaLink=\"false\">guid-") else { continue }
      let index = Int(trimmed[start.upperBound...].prefix { $0.isNumber })!
      #expect(feed.sourceMap.location(ofLine: number) == SourceLocation(file: "gesprekken/\(index).md", line: line(of: "guid")))
      // The lines around it: the date, and the enclosure from media.url.
      #expect(feed.sourceMap.location(ofLine: number + 1) == SourceLocation(file: "gesprekken/\(index).md", line: line(of: "date")))
      #expect(feed.sourceMap.location(ofLine: number + 2) == SourceLocation(file: "gesprekken/\(index).md", line: line(of: "url")))
      seen += 1
    }
    #expect(seen == 40)
    // An item's own line, and a line inside its notes.
    let item = try #require(lines.firstIndex { $0.hasSuffix("<item>") })
    #expect(feed.sourceMap.location(ofLine: item) == SourceLocation(file: "gesprekken/0.md", line: 1))
    let notes = try #require(lines.firstIndex { $0.contains("Alinea 0") })
    #expect(feed.sourceMap.location(ofLine: notes) == SourceLocation(file: "gesprekken/0.md", line: template.notesLine))
    // Explicit is the show's, when the episode doesn't say.
    let explicit = try #require(lines.firstIndex { $0.contains("<itunes:explicit>") && $0.hasPrefix("      ") })
    #expect(feed.sourceMap.location(ofLine: explicit) == SourceLocation(file: "gesprekken/show.yaml", line: 7))
    // Into a file, the same map.
    let folder = try TemporaryFolder()
    let filed = try writer.write(episodes, renderer: ShowNotesRenderer(), toFileAt: folder.url.appendingPathComponent("f.xml").path)
    for number in stride(from: 1, to: lines.count, by: 7) {
      #expect(filed.sourceMap.location(ofLine: number) == feed.sourceMap.location(ofLine: number))
    }
  }

  @Test func channelLinesNameShowYAMLOrPodiumYAML() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode()
    let catalogue = try #require(CatalogueLoader(root: fixture.catalogue).load().catalogue)
    let show = try #require(catalogue.shows.first)
    let feed = try PodcastFeedWriter(catalogue: catalogue, show: show, podcastGUID: "g")
      .write(show.episodes, renderer: ShowNotesRenderer())
    let lines = Self.lines(feed.data)
    func location(_ element: String) throws -> Diagnostics.SourceLocation {
      feed.sourceMap.location(ofLine: try #require(lines.firstIndex { $0.contains("<\(element)") }))
    }
    #expect(try location("title") == SourceLocation(file: "gesprekken/show.yaml", line: 1))
    #expect(try location("description") == SourceLocation(file: "gesprekken/show.yaml", line: 2))
    // The show has no language: it has podium.yaml's.
    #expect(try location("language") == SourceLocation(file: "podium.yaml", line: 3))
    #expect(try location("itunes:category") == SourceLocation(file: "gesprekken/show.yaml", line: 4))
    #expect(try location("podcast:funding") == SourceLocation(file: "gesprekken/show.yaml", line: 14))
    #expect(feed.sourceMap.location(ofLine: 1) == SourceLocation(file: "gesprekken/show.yaml", line: 1))
    #expect(feed.sourceMap.location(ofLine: nil) == SourceLocation(file: "gesprekken/show.yaml", line: 1))
  }
}
