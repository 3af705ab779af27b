import Foundation
import PodiumTestSupport
import Testing

/// `podium publish --to DIR` with the real binary, into a folder inside the test's own folder.
@Suite struct PublishCommandTests {
  let now = ["--now", "2025-01-01T00:00:00Z"]

  /// The fixture's feeds and media are on two hosts: the folders each host serves are named.
  static let site = CatalogueFixture.site + "publish:\n  feeds_folder: feeds\n  media_folder: media\n"

  /// Runs podium with its cache folder inside the test's folder, never the home folder's.
  func podium(_ arguments: [String], _ fixture: CatalogueFixture) throws -> PodiumProcess.Output {
    try PodiumProcess.run(
      arguments + now, in: fixture.folder.url,
      environment: ["XDG_CACHE_HOME": fixture.folder.url.appendingPathComponent("cache").path])
  }

  func fixture(site: String = PublishCommandTests.site) throws -> CatalogueFixture {
    let fixture = try CatalogueFixture(site: site)
    try fixture.addEpisode()
    try FileManager.default.createDirectory(
      at: fixture.folder.url.appendingPathComponent("www"), withIntermediateDirectories: true)
    return fixture
  }

  @Test func aDryRunPrintsThePlanAsJSONAndUploadsNothing() throws {
    let fixture = try fixture()
    let result = try podium(["publish", "--to", "www", "--dry-run", "--format", "json"], fixture)
    #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
    let plan = try JSONValue(parsing: Data(result.standardOutput.utf8))
    #expect(plan["dryRun"]?.bool == true)
    #expect(plan["published"]?.bool == false)
    let items = try #require(plan["items"]?.array)
    let keys = items.compactMap { $0["key"]?.string }
    #expect(keys.first == "media/gesprekken/media/2024-03-14-de-buurt-beslist.mp3")
    #expect(keys.last == "feeds/feeds.opml")
    let feed = try #require(items.first { $0["key"]?.string == "feeds/gesprekken/feed.xml" })
    #expect(feed["action"]?.string == "upload")
    #expect(feed["contentType"]?.string == "application/rss+xml")
    #expect(feed["cacheControl"]?.string == "public, max-age=300")
    #expect(feed["publicURL"]?.string == "https://feeds.podium.test/gesprekken/feed.xml")
    #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.folder.url.appendingPathComponent("www").path).isEmpty)
  }

  @Test func aSecondPublishSaysThereIsNothingToUpload() throws {
    let fixture = try fixture()
    let first = try podium(["publish", "--to", "www"], fixture)
    #expect(first.status == 0, "\(first.standardOutput)\(first.standardError)")
    #expect(first.standardOutput.contains("Uploaded 4 files"), "\(first.standardOutput)")
    #expect(fixture.folder.exists("www/feeds/gesprekken/feed.xml"))
    #expect(fixture.folder.exists("www/media/gesprekken/media/2024-03-14-de-buurt-beslist.mp3"))
    let second = try podium(["publish", "--to", "www"], fixture)
    #expect(second.status == 0)
    #expect(second.standardOutput.contains("Nothing to upload"), "\(second.standardOutput)")
  }

  @Test func urlsOnTwoHostsWithoutFoldersAreRefusedSayingWhatToSet() throws {
    let fixture = try fixture(site: CatalogueFixture.site)
    let result = try podium(["publish", "--to", "www"], fixture)
    #expect(result.status == 1)
    #expect(result.standardOutput.contains("publish.feeds_folder"), "\(result.standardOutput)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.folder.url.appendingPathComponent("www").path).isEmpty)
  }

  @Test func withNoPlaceToPublishToItSaysHowToGiveOne() throws {
    let fixture = try fixture()
    let result = try podium(["publish"], fixture)
    #expect(result.status == 1)
    #expect(result.standardOutput.contains("--to s3://bucket/prefix or --to DIR"), "\(result.standardOutput)")
  }

  @Test func theCatalogueOrTheOutputAsTargetIsRefused() throws {
    let fixture = try fixture()
    for target in ["episodes", "feeds", "."] {
      let result = try podium(["publish", "--to", target], fixture)
      #expect(result.status == 1, "\(target)")
      #expect(result.standardOutput.contains("refusing to publish into"), "\(target): \(result.standardOutput)")
    }
    #expect(!fixture.folder.exists("episodes/.podium-published.json"))
    // A document root holding the build's output: the next build would refuse the published files.
    let holding = try podium(["publish", "--to", "www", "--output", "www/feeds"], fixture)
    #expect(holding.status == 1)
    #expect(holding.standardOutput.contains("holds the build's output folder"), "\(holding.standardOutput)")
  }

  @Test func aPublishChangesNothingButTheOutputAndWhatItWritesIntoTheTarget() throws {
    let fixture = try fixture()
    try fixture.folder.write("www/index.html", "the producer's own page")
    try fixture.folder.write("www/old/feed.xml", "<rss>an old host's feed</rss>")
    _ = try podium(["build"], fixture)
    let outside = FolderFingerprint(of: fixture.folder.url, skipping: ["feeds", "www", "cache", ".feeds.podium-cache"])
    let before = FolderFingerprint(of: fixture.folder.url.appendingPathComponent("www"))
    let result = try podium(["publish", "--to", "www"], fixture)
    #expect(result.status == 0, "\(result.standardOutput)")
    #expect(FolderFingerprint(of: fixture.folder.url, skipping: ["feeds", "www", "cache", ".feeds.podium-cache"]) == outside)
    // The digests it read are kept in the build cache beside the output, for the next build and publish.
    #expect(fixture.folder.exists(".feeds.podium-cache/digests.json"))
    #expect(!fixture.folder.exists("cache/podium/digests.json"))
    // Every entry that was in the target is as it was; what is new is what Podium published.
    let after = FolderFingerprint(of: fixture.folder.url.appendingPathComponent("www"))
    let changed = after.differences(from: before)
    #expect(changed.allSatisfy { before.entries[$0] == nil || $0 == "" }, "\(changed)")
    #expect(Set(changed.filter { after.entries[$0]?.kind == "f" }) == [
      ".podium-published.json", "feeds/feeds.opml", "feeds/gesprekken/feed.xml", "media/gesprekken/artwork.jpg",
      "media/gesprekken/media/2024-03-14-de-buurt-beslist.mp3",
    ])
  }
}
