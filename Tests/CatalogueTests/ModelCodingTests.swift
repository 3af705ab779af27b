import Catalogue
import Foundation
import PodiumTestSupport
import Testing

/// The model is plain values: a loaded catalogue, probes and key lines included, encodes and
/// decodes to an equal one, which is what a cache of parsed episodes relies on.
@Suite struct ModelCodingTests {
  @Test func aLoadedCatalogueRoundTripsThroughJSON() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode(
      extra: "season: 1\nepisode: 1\nthemes: [democratie]\nchapters:\n  - start: 0\n    title: Begin\n"
        + "persons:\n  - name: Ann Peeters\n    role: guest\nlocation:\n  name: Gent\n  geo: geo:51.05,3.72")
    let catalogue = try #require(CatalogueLoader(root: fixture.catalogue).load().catalogue)
    let episode = try #require(catalogue.shows.first?.episodes.first)
    #expect(episode.media?.probe != nil && episode.notesSource != nil && episode.lines["media.url"] != nil)

    let decoded = try JSONDecoder().decode(Catalogue.self, from: JSONEncoder().encode(catalogue))
    #expect(decoded == catalogue)
    let decodedEpisode = try #require(decoded.shows.first?.episodes.first)
    #expect(decodedEpisode.media?.probe == episode.media?.probe)
    #expect(decodedEpisode.lines == episode.lines)
    #expect(try decodedEpisode.loadNotes() == episode.loadNotes())
  }

  @Test func notesSetInCodeReplaceTheFilesAndAreCompared() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode()
    var episode = try #require(CatalogueLoader(root: fixture.catalogue).load().catalogue?.shows.first?.episodes.first)
    let loaded = episode
    episode.notes = "Andere *notities*"
    #expect(episode.notesSource == nil)
    #expect(try episode.loadNotes() == "Andere *notities*")
    #expect(episode != loaded)
    #expect(loaded.notesSource != nil)
  }

  /// An episode's output files are named after its file's last part, without `.md`.
  @Test(arguments: [
    ("gesprekken/2024-03-14-de-buurt.md", "2024-03-14-de-buurt"), ("2024-03-14-de-buurt.md", "2024-03-14-de-buurt"),
    ("a/b/c.md", "c"), ("a//c.md", "c"), ("a/c.md/", "c"), ("gesprekken/notes", "notes"), ("", "slug"), ("/", "slug"),
    ("a/.md", ""), ("gesprekken/één.md", "één"), ("é/x.MD", "x.MD"), ("é//", "é"),
  ])
  func fileBaseIsTheLastPartWithoutItsExtension(file: String, base: String) {
    var episode = Episode(file: file, slug: "slug", title: "t", date: Timestamp.parse("2024-03-14T09:00:00Z")!, guid: "g", media: nil)
    episode.file = file
    #expect(episode.fileBase == base)
  }
}
