import Catalogue
import CurlTransfer
import Foundation
import ObjectStore
import PodiumTestSupport
import Publisher
import Testing

/// `Publisher.publish` to a real S3 server: SeaweedFS, started by each test in its own folder,
/// which checks every signature. What was published is read back unsigned, through SeaweedFS's
/// anonymous read identity, as a podcast app (or a CDN in front of the bucket) reads it; the
/// public host of the catalogue is checked through that same address.
@Suite(.serialized) struct S3PublishTests {
  static let media = "media/gesprekken/media/2024-03-14-de-buurt-beslist.mp3"
  static let feed = "feeds/gesprekken/feed.xml"
  static let newMedia = "media/gesprekken/media/2024-04-11-het-plein.mp3"
  static let immutable = "public, max-age=31536000, immutable"

  /// A catalogue, a SeaweedFS with bucket `podcast`, and the publication under prefix `show`.
  struct Setup {
    let fixture: CatalogueFixture
    let server: SeaweedFS
    var options = PublishOptions()

    /// - Parameter publicFolders: each public base URL and the folder under the prefix it serves.
    init(_ fixture: CatalogueFixture, publicFolders: [String: String] = ["https://podcast.podium.test/": ""]) throws {
      self.fixture = fixture
      server = try SeaweedFS(in: fixture.folder)
      try server.makeBucket("podcast")
      for (url, folder) in publicFolders { options.checkThrough[url] = server.endpoint + "/podcast/show/" + folder }
    }

    /// The small fixture: one show with artwork and one episode, feeds and media on one host.
    static func small() throws -> Setup {
      let fixture = try CatalogueFixture(site: PublishTests.site())
      try fixture.addEpisode()
      return try Setup(fixture)
    }

    /// A store as one run of `podium publish` makes it: it knows nothing of the bucket yet.
    func store(
      secret: String? = nil, accessKey: String? = nil, limits: S3Store.Limits = S3Store.Limits(backoff: 0.05)
    ) throws -> S3Store {
      try S3Store(
        bucket: "podcast", prefix: "show", endpoint: server.endpoint, region: server.region,
        credentials: S3Credentials(accessKey: accessKey ?? server.accessKey, secretKey: secret ?? server.secretKey),
        limits: limits)
    }

    func publish(_ store: S3Store, progress: Publisher.PublishProgress? = nil) throws -> PublishReport {
      let publisher = Publisher(
        catalogueURL: fixture.catalogue, outputURL: fixture.output,
        options: BuildOptions(now: Timestamp.parse("2025-01-01T00:00:00Z")!))
      return try publisher.publish(to: store, options: options, progress: progress)
    }

    /// An object as an app fetches it: unsigned.
    func get(_ key: String, range: String? = nil) throws -> CurlResponse {
      let path = "/podcast/show/" + (key.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? key)
      return try server.anonymous(
        .get, path, headers: range.map { [("Range", "bytes=\($0)")] } ?? [],
        responseHeaders: ["Content-Type", "Cache-Control", "ETag", "Content-Range"])
    }

    /// Every object in the bucket, by key, with its ETag, size and modification time: what a
    /// publish changed there.
    func snapshot() throws -> [String: String] {
      let response = try server.signed(.get, "/podcast?list-type=2&max-keys=1000")
      #expect(response.status == 200)
      var objects: [String: String] = [:]
      for entry in String(decoding: response.body, as: UTF8.self).components(separatedBy: "<Contents>").dropFirst() {
        func field(_ name: String) -> String {
          entry.components(separatedBy: "<\(name)>").dropFirst().first?.components(separatedBy: "</\(name)>").first
            ?? ""
        }
        objects[field("Key")] = [field("ETag"), field("Size"), field("LastModified")].joined(separator: " ")
      }
      #expect(!String(decoding: response.body, as: UTF8.self).contains("<IsTruncated>true"))
      return objects
    }

    /// Multipart uploads begun and neither completed nor aborted.
    func openUploads() throws -> [String] {
      let response = try server.signed(.get, "/podcast?uploads=")
      #expect(response.status == 200)
      let text = String(decoding: response.body, as: UTF8.self)
      return text.components(separatedBy: "<Key>").dropFirst().compactMap { $0.components(separatedBy: "</Key>").first }
    }

    func addSecondEpisode(seconds: Double = 60) throws {
      try fixture.addEpisode(
        "2024-04-11-het-plein", title: "Het plein", date: "2024-04-11T09:00:00+02:00",
        guid: "7a2e5d4f-3c9b-4e6f-8a21-2b3c4d5e6f70", seconds: seconds)
    }

    func changeFirstEpisodesNotes() throws {
      let name = "2024-03-14-de-buurt-beslist.md"
      let text = String(decoding: try fixture.folder.read("episodes/gesprekken/\(name)"), as: UTF8.self)
      try fixture.writeEpisode(name, text.replacingOccurrences(of: "Hoe een", with: "Waarom een"))
    }

    func built(_ path: String) throws -> [UInt8] { [UInt8](try fixture.folder.read(path)) }
  }

  static var repositoryRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  }

  /// The campaign's own catalogue (audio and video shows: media, artwork, transcripts, chapters,
  /// posters, video pages, sitemaps, the video index), copied into the test's folder.
  @Test func aFullPublishPutsEveryFileInTheBucketWithItsTypeAndCacheTime() throws {
    let fixture = try CatalogueFixture()
    try FileManager.default.removeItem(at: fixture.catalogue)
    try FileManager.default.copyItem(at: Self.repositoryRoot.appendingPathComponent("episodes"), to: fixture.catalogue)
    // The campaign's podium.yaml has its own publish: section (feeds/ and media/ folders for its two hosts).
    let setup = try Setup(
      fixture,
      publicFolders: [
        "https://feeds.allemaalpolitiek.example/": "feeds/", "https://media.allemaalpolitiek.example/": "media/",
      ])
    let report = try setup.publish(try setup.store())
    #expect(
      report.succeeded,
      "\(String(describing: report.failure)) \(report.build.findings.filter { $0.severity == .error })")
    #expect(report.warnings.isEmpty, "\(report.warnings)")
    #expect(report.crossOrigin == .configured)
    #expect(Set(report.uploaded) == Set(report.items.map(\.key)))
    #expect(Set(report.items.map(\.kind)) == Set(PublishItem.Kind.allCases), "\(Set(report.items.map(\.kind)))")
    // Everything the build wrote for the public is in the plan.
    let written = report.build.written.filter { !$0.hasPrefix(".") }.map { "feeds/" + $0 }
    #expect(Set(written).isSubset(of: Set(report.items.map(\.key))))

    for item in report.items {
      let got = try setup.get(item.key)
      #expect(got.status == 200, "\(item.key)")
      #expect(got.body == [UInt8](try Data(contentsOf: item.file)), "\(item.key)")
      #expect(got.headers["Content-Type"] == item.contentType, "\(item.key)")
      #expect(
        got.headers["Cache-Control"] == (item.kind.isImmutable ? Self.immutable : "public, max-age=300"), "\(item.key)")
    }
    let types = Dictionary(report.items.map { ($0.key, $0.contentType) }) { first, _ in first }
    #expect(types["feeds/gesprekken/feed.xml"] == "application/rss+xml")
    #expect(types["feeds/reportages/video-sitemap.xml"] == "text/xml; charset=utf-8")
    #expect(report.items.filter { $0.key.hasSuffix(".mp3") }.allSatisfy { $0.contentType == "audio/mpeg" })
    #expect(report.items.filter { $0.key.hasSuffix(".mp4") }.allSatisfy { $0.contentType == "video/mp4" })
    let chapters = report.items.filter { $0.kind == .chapters }
    #expect(chapters.filter { $0.key.hasSuffix(".json") }.allSatisfy { $0.contentType == "application/json+chapters" })
    #expect(chapters.filter { $0.key.hasSuffix(".vtt") }.allSatisfy { $0.contentType == "text/vtt; charset=utf-8" })
    #expect(chapters.contains { $0.key.hasSuffix(".vtt") })
    // Nothing in the bucket but the publication and Podium's digest index.
    #expect(
      Set(try setup.snapshot().keys) == Set(report.items.map { "show/" + $0.key } + ["show/.podium/s3-digests.json"]))
  }

  @Test func aSecondPublishWithNoChangeListsTheBucketOnceAndUploadsNothing() throws {
    let setup = try Setup.small()
    let first = try setup.publish(try setup.store())
    #expect(first.succeeded, "\(String(describing: first.failure))")
    let before = try setup.snapshot()
    let store = try setup.store()
    let second = try setup.publish(store)
    #expect(second.succeeded, "\(String(describing: second.failure))")
    #expect(second.uploaded.isEmpty)
    #expect(second.items.count == first.items.count && second.items.allSatisfy { $0.action == .skip })
    #expect(second.crossOrigin == nil)
    // One listing, the look for unfinished uploads and the digest index: no HEAD, no PUT.
    #expect(
      store.requestsSent == S3Store.Requests(listings: 1, unfinishedUploadListings: 1, indexReads: 1),
      "\(store.requestsSent)")
    #expect(try setup.snapshot() == before)

    // Without the index (lost, or never written by an interrupted publish) every object is
    // looked up once; the publish then writes the index, and the next one needs no lookup again.
    #expect(try setup.server.signed(.delete, "/podcast/show/.podium/s3-digests.json").status == 204)
    let rebuilding = try setup.store()
    #expect(try setup.publish(rebuilding).uploaded.isEmpty)
    #expect(rebuilding.requestsSent.heads == first.items.count, "\(rebuilding.requestsSent)")
    #expect(rebuilding.requestsSent.indexWrites == 1 && rebuilding.requestsSent.uploads == 0)
    let rebuilt = try setup.store()
    #expect(try setup.publish(rebuilt).uploaded.isEmpty)
    #expect(rebuilt.requestsSent.heads == 0 && rebuilt.requestsSent.indexWrites == 0, "\(rebuilt.requestsSent)")
  }

  @Test func aChangedEpisodeUploadsOnlyItsFilesAndTheFeed() throws {
    let setup = try Setup.small()
    #expect(try setup.publish(try setup.store()).succeeded)
    let before = try setup.snapshot()
    try setup.addSecondEpisode()
    try setup.changeFirstEpisodesNotes()
    let store = try setup.store()
    let report = try setup.publish(store)
    #expect(report.succeeded, "\(String(describing: report.failure))")
    #expect(Set(report.uploaded) == [Self.newMedia, Self.feed])
    let feed = try setup.get(Self.feed)
    #expect(feed.body == (try setup.built("feeds/gesprekken/feed.xml")))
    let text = String(decoding: feed.body, as: UTF8.self)
    #expect(text.contains("Het plein") && text.contains("Waarom een"))
    #expect(
      try setup.get(Self.newMedia).body == (try setup.built("episodes/gesprekken/media/2024-04-11-het-plein.mp3")))
    let after = try setup.snapshot()
    #expect(
      Set(after.keys.filter { after[$0] != before[$0] })
        == ["show/" + Self.newMedia, "show/" + Self.feed, "show/.podium/s3-digests.json"])
    // The index vouched for the rest: the only HEADs are the checks of the two uploads.
    #expect(store.requestsSent.heads == 2 && store.requestsSent.uploads == 2, "\(store.requestsSent)")
  }

  @Test func wrongCredentialsAreRefusedNamingWhatAndTheServersAnswerAndChangeNothing() throws {
    let setup = try Setup.small()
    #expect(try setup.publish(try setup.store()).succeeded)
    try setup.addSecondEpisode()
    let before = try setup.snapshot()
    let wrong = "wrong-" + UUID().uuidString

    let refused = try setup.publish(try setup.store(secret: wrong))
    #expect(!refused.succeeded && !refused.blockedByBuild)
    #expect(refused.uploaded.isEmpty)
    let listing = refused.failure?.message ?? ""
    #expect(listing.contains("s3://podcast/show") && listing.contains("HTTP 403 SignatureDoesNotMatch"), "\(listing)")
    #expect(listing.contains("AWS_SECRET_ACCESS_KEY"), "\(listing)")

    // Keys that may read and list but not write: refused at the first upload, which is named.
    let readOnly = try setup.publish(
      try setup.store(secret: setup.server.readerSecretKey, accessKey: setup.server.readerAccessKey))
    #expect(!readOnly.succeeded)
    #expect(readOnly.uploaded.isEmpty)
    #expect(readOnly.failure?.key == Self.newMedia, "\(String(describing: readOnly.failure))")
    let upload = readOnly.failure?.message ?? ""
    #expect(upload.contains(Self.newMedia) && upload.contains("HTTP 403"), "\(upload)")

    for message in [listing, upload] {
      for secret in [wrong, setup.server.secretKey, setup.server.readerSecretKey] {
        #expect(!message.contains(secret), "\(message)")
      }
    }
    #expect(try setup.snapshot() == before)
  }

  @Test func aMediaObjectChangedInTheBucketIsRefusedByName() throws {
    let setup = try Setup.small()
    let first = try setup.publish(try setup.store())
    #expect(first.succeeded)
    let published = try #require(first.items.first { $0.key == Self.media })
    let liveFeed = try setup.get(Self.feed).body
    try setup.changeFirstEpisodesNotes()

    // Replaced behind Podium's back: other bytes, no digest of Podium's; and other bytes that
    // claim the published file's digest.
    let replacements: [(body: [UInt8], headers: [(name: String, value: String)])] = [
      (Array("other bytes".utf8), []),
      ([UInt8](try Data(contentsOf: published.file)) + [0], [("x-amz-meta-sha256", published.sha256)]),
    ]
    for replacement in replacements {
      let put = try setup.server.signed(
        .put, "/podcast/show/" + Self.media, body: replacement.body, headers: replacement.headers)
      #expect(put.status == 200)
      let before = try setup.snapshot()
      let report = try setup.publish(try setup.store())
      #expect(!report.succeeded)
      #expect(report.failure?.key == Self.media, "\(String(describing: report.failure))")
      #expect(report.failure?.message.contains(Self.media) == true)
      #expect(report.uploaded.isEmpty)
      #expect(try setup.get(Self.feed).body == liveFeed)
      #expect(try setup.get(Self.media).body == replacement.body)
      #expect(try setup.snapshot() == before)
    }
  }

  @Test func aMediaFileLargerThanThePartSizeGoesUpInPartsAndIsSkippedNextTime() throws {
    let fixture = try CatalogueFixture(site: PublishTests.site())
    // 32 kbit/s for 1,700 s: 6.8 MB, two parts of at least 5 MiB.
    try fixture.addEpisode(seconds: 1700)
    let setup = try Setup(fixture)
    let limits = S3Store.Limits(partSize: S3Store.Limits.minimumPartSize, backoff: 0.05)
    let report = try setup.publish(try setup.store(limits: limits))
    #expect(report.succeeded, "\(String(describing: report.failure))")
    let item = try #require(report.items.first { $0.key == Self.media })
    #expect(item.size > S3Store.Limits.minimumPartSize)
    let got = try setup.get(Self.media)
    #expect(got.body == [UInt8](try Data(contentsOf: item.file)))
    #expect(got.headers["ETag"]?.hasSuffix("-2\"") == true, "two parts: \(got.headers["ETag"] ?? "none")")
    #expect(got.headers["Content-Type"] == "audio/mpeg")
    #expect(got.headers["Cache-Control"] == Self.immutable)
    let range = try setup.get(Self.media, range: "0-1")
    #expect(range.status == 206 && range.headers["Content-Range"] == "bytes 0-1/\(item.size)")
    #expect(try setup.openUploads().isEmpty)

    let store = try setup.store(limits: limits)
    let again = try setup.publish(store)
    #expect(again.succeeded && again.uploaded.isEmpty)
    #expect(store.requestsSent.heads == 0, "the multipart object's ETag is in the index: \(store.requestsSent)")
  }

  @Test func aPublishCutOffByTheServerDyingLeavesTheLiveFeedAndTheNextOneCompletesIt() throws {
    let setup = try Setup.small()
    #expect(try setup.publish(try setup.store()).succeeded)
    let liveFeed = try setup.get(Self.feed).body
    try setup.addSecondEpisode(seconds: 1700)

    // The server dies while the new episode's media goes up, in its second part.
    let server = setup.server
    let crash = Once()
    let limits = S3Store.Limits(partSize: S3Store.Limits.minimumPartSize, attempts: 2, backoff: 0.05, connectTimeout: 2)
    let cut = try setup.publish(try setup.store(limits: limits)) { sent, _ in
      if sent > S3Store.Limits.minimumPartSize { crash.run { server.crash() } }
    }
    #expect(crash.done)
    #expect(!cut.succeeded)
    #expect(cut.failure?.key == Self.newMedia, "\(String(describing: cut.failure))")
    #expect(cut.failure?.message.contains("no answer") == true, "\(String(describing: cut.failure))")
    #expect(!cut.uploaded.contains(Self.feed))

    try server.restart()
    try server.waitUntilServing("/podcast/show/" + Self.feed)
    #expect(try setup.get(Self.feed).body == liveFeed, "the feed that was live is still live")
    #expect(try setup.get(Self.newMedia).status == 404, "no half object is visible")

    let next = try setup.publish(try setup.store(limits: S3Store.Limits(partSize: S3Store.Limits.minimumPartSize)))
    #expect(next.succeeded, "\(String(describing: next.failure))")
    #expect(Set(next.uploaded) == [Self.newMedia, Self.feed])
    #expect(try setup.get(Self.feed).body == (try setup.built("feeds/gesprekken/feed.xml")))
    #expect(
      try setup.get(Self.newMedia).body == (try setup.built("episodes/gesprekken/media/2024-04-11-het-plein.mp3")))
    #expect(try setup.openUploads().isEmpty, "the interrupted upload's parts were cleaned up")
  }
}

/// Runs a closure once, from whichever thread gets there first.
private final class Once: @unchecked Sendable {
  private let lock = NSLock()
  private var ran = false

  var done: Bool { lock.withLock { ran } }

  func run(_ body: () -> Void) {
    let first = lock.withLock {
      defer { ran = true }
      return !ran
    }
    if first { body() }
  }
}
