import Catalogue
import Diagnostics
import FeedRules
import Foundation
import PodiumTestSupport
import PodiumXML
import Publisher
import Testing

/// The campaign's own catalogue, as committed in `episodes/`: it must build, and its feeds must
/// read back as the catalogue says.
@Suite struct CampaignCatalogueTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  let now = Timestamp.parse("2026-11-27T12:00:00+01:00")!

  @Test func buildsWithOnlyPlaceholderWarningsAndEveryFeedReadsBack() throws {
    let folder = try TemporaryFolder()
    let output = folder.url.appendingPathComponent("feeds")
    let catalogueURL = Self.repository.appendingPathComponent("episodes")
    let report = try Publisher(catalogueURL: catalogueURL, outputURL: output, options: BuildOptions(now: now)).build()
    // Its addresses are still `.example` placeholders (README): each is a CAT-PLACEHOLDER warning
    // until replaced, so `build --strict` refuses it, and nothing else is a warning.
    let warnings = report.findings.filter { $0.severity >= .warning }
    #expect(warnings.filter { $0.ruleID != CatalogueRules.placeholder.id } == [])
    #expect(!warnings.isEmpty && warnings.allSatisfy { $0.message.contains(".example") })
    #expect(warnings.contains { $0.location == SourceLocation(file: "podium.yaml", line: 7) && $0.message.contains("'base_url'") })
    #expect(report.shows.map(\.slug) == ["gesprekken", "reportages"])
    #expect(report.nextScheduled != nil)

    let catalogue = try #require(CatalogueLoader(root: catalogueURL).load().catalogue)
    for show in catalogue.shows {
      let data = try folder.read("feeds/\(show.slug)/feed.xml")
      #expect(FeedLinter().lint(data, file: show.slug).filter { $0.severity >= .warning } == [])
      let feed = try FeedReader(data)
      let published = show.episodes.filter { $0.status(at: now) == .published }
      #expect(feed.items.count == published.count)
      #expect(published.count >= 3)
      for item in feed.items {
        let episode = try #require(published.first { $0.guid == feed.text(item, "guid") })
        let enclosure = item.firstChild(named: "enclosure")
        let media = try #require(episode.media)
        #expect(feed.text(item, "title") == episode.title)
        #expect(enclosure?.attribute("url") == catalogue.publicURL(for: media.reference, in: show))
        #expect(enclosure?.attribute("length") == String(media.length))
        #expect(enclosure?.attribute("type") == media.type)
        #expect(feed.text(item, "duration", namespace: FeedReader.itunes) == String(media.duration))
        #expect(feed.text(item, "pubDate") == episode.date.rfc2822)
        // Each episode's one WebVTT file, in every form apps read.
        let transcripts = item.children(named: "transcript", namespace: FeedReader.podcast)
        #expect(transcripts.compactMap { $0.attribute("type") } == ["text/vtt", "application/x-subrip", "application/json"])
        #expect(transcripts.allSatisfy { $0.attribute("language") == "nl-BE" })
        if show.medium == .video {
          #expect(folder.exists("feeds/\(show.slug)/embed/\(episode.fileBase)/transcript.html"))
        }
      }
    }
    #expect(try XMLDocument(data: try folder.read("feeds/feeds.opml")).root.firstChild(named: "body")?.children.count == 2)
  }

  @Test func theCommittedFeedsAreWhatTheCatalogueBuilds() throws {
    let committed = Self.repository.appendingPathComponent("feeds")
    let record = try PublicationRecord.decode(try Data(contentsOf: committed.appendingPathComponent(PublicationRecord.path)))
    // Build at the moment of the newest published episode, so the test doesn't depend on the day.
    let newest = record.shows.values.flatMap(\.episodes.values).compactMap { Timestamp.parse($0.date) }.max()
    let folder = try TemporaryFolder()
    let output = folder.url.appendingPathComponent("feeds")
    _ = try Publisher(
      catalogueURL: Self.repository.appendingPathComponent("episodes"), outputURL: output,
      options: BuildOptions(now: try #require(newest))
    ).build()
    let built = try folder.snapshot("feeds")
    let onDisk = try TemporaryFolder.snapshot(of: committed)
    #expect(built.keys.sorted() == onDisk.keys.sorted(), "rebuild feeds/ with `swift run podium build` and commit it")
    for (path, data) in built where onDisk[path] != data {
      Issue.record("feeds/\(path) differs from what episodes/ builds; rebuild feeds/ and review the diff")
    }
  }
}
