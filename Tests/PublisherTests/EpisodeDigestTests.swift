import Catalogue
import Foundation
import PodiumTestSupport
import Testing

@testable import Publisher

/// An item's key is made from the digest of its episode's encoding, which loading makes as it
/// stores each file's reading (``EpisodeCache/digest(show:file:)``): it must be the digest of the
/// episode the catalogue holds, as encoding that episode gives it.
@Suite struct EpisodeDigestTests {
  @Test func theDigestLoadingMadeIsTheEpisodesAsLoaded() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode()
    try fixture.addEpisode(
      "2024-03-21-het-plein", title: "Het plein", date: "2024-03-21T09:00:00+01:00",
      guid: "7f1d4c3e-2b8a-4d5e-9f10-1a2b3c4d5e70",
      extra: "chapters:\n  - start: 0\n    title: Begin\nthemes: [buurt]")
    // A front matter naming a .md file is never stored, so loading makes no digest of it.
    try fixture.addEpisode(
      "2024-03-28-notities", title: "Notities", date: "2024-03-28T09:00:00+01:00",
      guid: "8f1d4c3e-2b8a-4d5e-9f10-1a2b3c4d5e71", extra: "summary: zie notes.md")
    TreeFingerprint.waitForNextTick()
    let stamps = try #require(TreeFingerprint.of(fixture.catalogue, changeTimes: true, stamps: true)?.stamps)
    let cache = BuildCache(folder: fixture.folder.url.appendingPathComponent(".feeds.podium-cache"), podiumIdentity: "podium test")
    let episodes = EpisodeCache(cache: cache, catalogue: fixture.catalogue, stamps: stamps)
    defer { episodes.discard() }
    var loader = CatalogueLoader(root: fixture.catalogue)
    loader.reuse = episodes
    let catalogue = try #require(loader.load().catalogue)
    let show = try #require(catalogue.shows.first)
    #expect(show.episodes.count == 3)
    for episode in show.episodes {
      let name = String(episode.file.dropFirst("gesprekken/".count))
      let made = episodes.digest(show: "gesprekken", file: name)
      if name.hasPrefix("2024-03-28") {
        #expect(made == nil)
      } else {
        #expect(made != nil)
        #expect(made == EpisodeCache.digest(of: episode))
      }
    }
    #expect(episodes.digest(show: "gesprekken", file: "2024-04-01-niet-daar.md") == nil)
    #expect(episodes.digest(show: "andere", file: "2024-03-14-de-buurt-beslist.md") == nil)
  }
}
