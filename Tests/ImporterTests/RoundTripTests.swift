import Catalogue
import Identifiers
import Foundation
import Importer
import PodiumTestSupport
import Publisher
import Testing

/// Import, then build, then read both feeds as a real client does: every episode must look the
/// same to it, field by field, and its chapters and transcripts must say the same at their new
/// addresses.
@Suite struct RoundTripTests {
  static let now = Timestamp.parse("2030-01-01T00:00:00Z")!
  static let names = ["hosting", "podlove", "podcasting20", "video", "html-notes"]

  /// A catalogue with podium.yaml on `.test` addresses, a server for what the feeds link to, and
  /// the feed on disk.
  struct Imported {
    let folder: TemporaryFolder
    let server: TestHTTPServer
    let feed: FeedCorpus.Feed
    let report: ImportReport
    var catalogue: URL { folder.url.appendingPathComponent("episodes") }
    var output: URL { folder.url.appendingPathComponent("feeds") }
    var oldFeed: URL { folder.url.appendingPathComponent("old.xml") }

    /// - Parameter editing: changes the feed before it is served.
    init(_ name: String, editing: (String) -> String = { $0 }) throws {
      folder = try TemporaryFolder()
      server = try TestHTTPServer()
      feed = try #require(FeedCorpus.all(base: server.baseURL).first { $0.name == name })
      for (path, file) in feed.served { server.route(path, .text(file.text, type: file.type)) }
      try folder.write("episodes/podium.yaml", CatalogueFixture.site)
      try folder.write("old.xml", feed.xml)
      server.route("/feed.xml", .text(editing(feed.xml), type: "application/rss+xml"))
      var options = ImportOptions(now: RoundTripTests.now)
      options.probeMedia = false
      report = try FeedImporter(
        catalogueURL: folder.url.appendingPathComponent("episodes"), outputURL: folder.url.appendingPathComponent("feeds"),
        options: options
      ).run(.remote(url: server.url("/feed.xml")))
    }

    func build() throws -> BuildReport {
      try Publisher(catalogueURL: catalogue, outputURL: output, options: BuildOptions(now: RoundTripTests.now)).build()
    }
  }

  @Test(arguments: names) func aClientSeesEveryEpisodeAsBefore(name: String) throws {
    let imported = try Imported(name)
    let report = try imported.build()
    #expect(!report.hasErrors, "\(report.findings.filter { $0.severity == .error })")
    let old = try ClientView.episodes(ofFeedAt: imported.oldFeed)
    let new = try ClientView.episodes(ofFeedAt: imported.output.appendingPathComponent("\(imported.report.show)/feed.xml"))
    #expect(old.count == new.count)
    #expect(!old.isEmpty)
    for (guid, before) in old {
      let after = try #require(new[guid], "the episode \(guid) is missing from the new feed")
      #expect(after.title == before.title, "\(guid)")
      #expect(after.url == before.url, "\(guid)")
      #expect(after.fileSize == before.fileSize, "\(guid)")
      #expect(after.mimeType == before.mimeType, "\(guid)")
      #expect(after.duration == before.duration, "\(guid)")
      #expect(after.published == before.published, "\(guid)")
      #expect(after.zone == before.zone, "\(guid): the pubDate keeps its zone")
      #expect(after.permalink == before.permalink, "\(guid): isPermaLink")
      if let season = before.season { #expect(after.season == season, "\(guid)") }
      if let number = before.number { #expect(after.number == number, "\(guid)") }
      #expect((after.type ?? "full") == (before.type ?? "full"), "\(guid)")
      if let explicit = before.explicit { #expect(after.explicit == explicit, "\(guid)") }
      try expectSameChapters(before, after, imported: imported)
      try expectSameTranscript(before, after, imported: imported)
    }
  }

  /// Every Podcasting 2.0 element of the old feed, the channel's and each item's, is in the new
  /// feed with the same attributes, text and children, or named in the report at its line (or
  /// a line inside it). Transcripts and chapters move to new addresses: their content is
  /// compared above.
  @Test(arguments: names) func everyPodcastingTagIsKeptOrReported(name: String) throws {
    let imported = try Imported(name)
    #expect(!(try imported.build()).hasErrors)
    let old = try TagView.of(feedAt: imported.oldFeed)
    let new = try TagView.of(feedAt: imported.output.appendingPathComponent("\(imported.report.show)/feed.xml"))
    let moved: Set<String> = ["podcast:transcript", "podcast:chapters"]
    let channel = TagView.lostSilently(old.channel, new.channel, losses: imported.report.showLosses, skipping: moved)
    #expect(channel.isEmpty, "lost from the channel without a word: \(channel)")
    for (guid, tags) in old.items {
      let episode = try #require(imported.report.episodes.first { $0.guid == guid })
      let lost = TagView.lostSilently(tags, new.items[guid] ?? [], losses: episode.losses, skipping: moved)
      #expect(lost.isEmpty, "\(guid) lost without a word: \(lost)")
    }
  }

  /// The tags the catalogue holds are carried, not merely reported: the rich feed's channel and
  /// its richest item are in the new feed tag by tag.
  @Test func theCatalogueKeepsEveryPodcastingTagItHolds() throws {
    let imported = try Imported("podcasting20")
    #expect(!(try imported.build()).hasErrors)
    let old = try TagView.of(feedAt: imported.oldFeed)
    let new = try TagView.of(feedAt: imported.output.appendingPathComponent("open-waves/feed.xml"))
    let channel = Set(TagView.kept(old.channel, new.channel).map(\.tag))
    for tag in [
      "guid", "locked", "funding", "license", "location", "person", "value", "image", "updateFrequency", "publisher", "chat",
      "socialInteract", "block", "trailer", "txt", "liveItem",
    ] {
      #expect(channel.contains("podcast:" + tag), "the channel's podcast:\(tag) is not in the new feed as it was")
    }
    #expect(TagView.kept(old.channel, new.channel).filter { $0.tag == "podcast:image" }.count == 2, "the artwork's image and the banner")
    // The podroll's entry with a feed GUID is carried; the one without is reported.
    let podroll = try #require(old.channel.first { $0.tag == "podcast:podroll" })
    let newPodroll = try #require(new.channel.first { $0.tag == "podcast:podroll" })
    #expect(TagView.kept(podroll.children, newPodroll.children).count == 1)
    #expect(imported.report.showLosses.contains { $0.element == "podcast:remoteItem" && $0.detail.contains("not-a-guid") })
    let item = Set(TagView.kept(old.items["ow-2024-05"] ?? [], new.items["ow-2024-05"] ?? []).map(\.tag))
    for tag in [
      "season", "episode", "person", "alternateEnclosure", "soundbite", "location", "contentLink", "socialInteract", "image", "value",
    ] {
      #expect(item.contains("podcast:" + tag), "the item's podcast:\(tag) is not in the new feed as it was")
    }
    // Both soundbites, and the enclosure's integrity beside the Opus rendition's.
    #expect(TagView.kept(old.items["ow-2024-05"] ?? [], new.items["ow-2024-05"] ?? []).filter { $0.tag == "podcast:soundbite" }.count == 2)
    let integrities = (new.items["ow-2024-05"] ?? []).filter { $0.tag == "podcast:alternateEnclosure" }
      .flatMap(\.children).filter { $0.tag == "podcast:integrity" }.compactMap { $0.attrs["value"] }
    #expect(integrities.count == 2, "\(integrities)")
  }

  /// The record the import seeds from what it wrote is the one the first build keeps: the same
  /// file, enclosure and date for every GUID.
  @Test(arguments: names) func theSeededRecordIsWhatABuildRecords(name: String) throws {
    let imported = try Imported(name)
    let seeded = try #require(try PublicationRecord.read(outputFolder: imported.output).shows[imported.report.show])
    #expect(seeded.episodes.count == imported.report.episodes.count)
    #expect(!(try imported.build()).hasErrors)
    let built = try #require(try PublicationRecord.read(outputFolder: imported.output).shows[imported.report.show])
    #expect(built.podcastGUID == seeded.podcastGUID)
    #expect(built.episodes == seeded.episodes)
    #expect(built.liveItems == seeded.liveItems)
  }

  /// A live item's GUID is in the record from the import on, even if show.yaml drops it before
  /// the first build: no episode may then take it.
  @Test func anImportedLiveItemsGUIDIsGuardedFromTheStart() throws {
    let imported = try Imported("podcasting20")
    let seeded = try #require(try PublicationRecord.read(outputFolder: imported.output).shows[imported.report.show])
    #expect(seeded.liveItems?["ow-live-1"]?.stream == "https://live.waves.podium.test/stream.mp3")
    let show = imported.catalogue.appendingPathComponent(imported.report.show + "/show.yaml")
    let yaml = try String(contentsOf: show, encoding: .utf8)
    let live = try #require(yaml.range(of: "live:\n(  .*\n|- .*\n)*", options: .regularExpression))
    try yaml.replacingCharacters(in: live, with: "").write(to: show, atomically: true, encoding: .utf8)
    let episode = try #require(imported.report.episodes.first)
    let file = URL(fileURLWithPath: episode.file)
    let text = try String(contentsOf: file, encoding: .utf8)
    try text.replacingOccurrences(of: "guid: \(episode.guid)", with: "guid: ow-live-1")
      .write(to: file, atomically: true, encoding: .utf8)
    let report = try imported.build()
    #expect(report.findings.contains { $0.ruleID == "PUB-GUID-CHANGED" && $0.message.contains("ow-live-1") }, "\(report.findings)")
  }

  /// A live item with the GUID of one of the feed's items is a loss, neither in show.yaml nor in
  /// the record: kept, it would stop every build as an episode taking a stream's GUID.
  @Test func aLiveItemWithAnItemsGUIDIsALoss() throws {
    let imported = try Imported("podcasting20") { $0.replacingOccurrences(of: ">ow-live-1<", with: ">ow-2024-05<") }
    #expect(imported.report.showLosses.contains {
      $0.element == "podcast:liveItem" && $0.detail.contains("has guid ow-2024-05, the guid of an item")
    }, "\(imported.report.showLosses)")
    let yaml = try String(contentsOf: imported.catalogue.appendingPathComponent(imported.report.show + "/show.yaml"), encoding: .utf8)
    #expect(!yaml.contains("live:"))
    #expect(try PublicationRecord.read(outputFolder: imported.output).shows[imported.report.show]?.liveItems == nil)
    let report = try imported.build()
    #expect(!report.findings.contains { $0.ruleID == "PUB-GUID-CHANGED" }, "\(report.findings)")
  }

  /// Chapters are published at the new address; their content is what the old feed gave,
  /// whether it gave JSON or Podlove Simple Chapters.
  private func expectSameChapters(_ before: ClientView.Episode, _ after: ClientView.Episode, imported: Imported) throws {
    var expected: [(Double, String)] = before.chapters.map { (Double($0["start"] ?? "") ?? -1, $0["title"] ?? "") }
    if let url = before.chaptersURL {
      let path = try #require(imported.feed.served[String(url.dropFirst(imported.server.baseURL.count))])
      expected = try Self.jsonChapters(Data(path.text.utf8))
    }
    guard !expected.isEmpty else {
      #expect(after.chaptersURL == nil, "\(before.guid)")
      return
    }
    let url = try #require(after.chaptersURL, "\(before.guid) lost its chapters")
    let published = try Self.jsonChapters(try Data(contentsOf: localFile(url, imported: imported)))
    // podcastparser reads a Podlove start of 00:03:12.250 as 192 s; the JSON keeps the milliseconds.
    #expect(published.map { $0.0.rounded(.down) } == expected.map { $0.0.rounded(.down) }, "\(before.guid)")
    #expect(published.map(\.1) == expected.map(\.1), "\(before.guid)")
  }

  private func expectSameTranscript(_ before: ClientView.Episode, _ after: ClientView.Episode, imported: Imported) throws {
    guard let url = before.transcriptURL, let served = imported.feed.served[String(url.dropFirst(imported.server.baseURL.count))]
    else { return }
    let new = try #require(after.transcriptURL, "\(before.guid) lost its transcript")
    // The build publishes the other forms of a WebVTT or SubRip transcript beside it under the
    // same name, and a client may pick any of them: compare the one in the form served before.
    let file = try localFile(new, imported: imported).deletingPathExtension()
      .appendingPathExtension(URL(fileURLWithPath: url).pathExtension)
    #expect(try String(contentsOf: file, encoding: .utf8) == served.text, "\(before.guid)")
  }

  /// The file in the output that a published URL under base_url names.
  private func localFile(_ url: String, imported: Imported) throws -> URL {
    let base = "https://feeds.podium.test/"
    #expect(url.hasPrefix(base), "\(url)")
    return imported.output.appendingPathComponent(String(url.dropFirst(base.count)))
  }

  static func jsonChapters(_ data: Data) throws -> [(Double, String)] {
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let chapters = try #require(object["chapters"] as? [[String: Any]])
    return chapters.map { (($0["startTime"] as? NSNumber)?.doubleValue ?? -1, $0["title"] as? String ?? "") }
  }

  /// The imported GUIDs are under the lock from the first build: changing one stops the build.
  @Test func changingAnImportedGUIDStopsTheBuild() throws {
    let imported = try Imported("hosting")
    #expect(!(try imported.build()).hasErrors)
    let file = imported.catalogue.appendingPathComponent("buurtgesprekken/2023-01-09-het-plein.md")
    let text = try String(contentsOf: file, encoding: .utf8)
    try text.replacingOccurrences(of: "guid: Buzz-0002", with: "guid: new-0002").write(to: file, atomically: true, encoding: .utf8)
    let report = try imported.build()
    #expect(report.findings.contains { $0.ruleID == "PUB-GUID-CHANGED" && $0.location?.file == "buurtgesprekken/2023-01-09-het-plein.md" },
            "\(report.findings)")
    #expect(report.hasErrors)
  }

  /// Even before any build, the seeded record holds the lock: a GUID changed right after the
  /// import is refused by the very first build.
  @Test func theFirstBuildIsAlreadyUnderTheLock() throws {
    let imported = try Imported("podlove")
    let file = imported.catalogue.appendingPathComponent("technik-tee/2023-03-04-tt001-anfang.md")
    let text = try String(contentsOf: file, encoding: .utf8)
    #expect(text.contains("guid: https://tee.podium.test/?p=12"))
    try text.replacingOccurrences(of: "guid: https://tee.podium.test/?p=12", with: "guid: changed")
      .write(to: file, atomically: true, encoding: .utf8)
    let report = try imported.build()
    #expect(report.findings.contains { $0.ruleID == "PUB-GUID-CHANGED" }, "\(report.findings)")
    #expect(!FileManager.default.fileExists(atPath: imported.output.appendingPathComponent("technik-tee/feed.xml").path))
  }

  /// The show keeps the identity directories know it by: the feed's own podcast:guid, or the
  /// one the Podcasting 2.0 spec computes from the old feed's address.
  @Test func theShowKeepsItsPodcastGUID() throws {
    let rich = try Imported("podcasting20")
    #expect(rich.report.podcastGUID == "917393e3-1b1e-5cef-ace4-edaa54e1f810")
    _ = try rich.build()
    let feed = try String(contentsOf: rich.output.appendingPathComponent("open-waves/feed.xml"), encoding: .utf8)
    #expect(feed.contains("<podcast:guid>917393e3-1b1e-5cef-ace4-edaa54e1f810</podcast:guid>"))
    let hosting = try Imported("hosting")
    // The spec's example: UUIDv5 of "feeds.host.test/buurtgesprekken.rss" in its namespace.
    #expect(hosting.report.podcastGUIDSource == "https://feeds.host.test/buurtgesprekken.rss")
    #expect(hosting.report.podcastGUID == Identifiers.PodcastGUID.forFeedURL("feeds.host.test/buurtgesprekken.rss"))
  }
}
