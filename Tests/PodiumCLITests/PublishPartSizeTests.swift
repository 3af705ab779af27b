import Catalogue
import Foundation
import ObjectStore
import PodiumTestSupport
import Publisher
import Testing

@testable import PodiumCLI

/// The multipart part size a producer sets (`publish.part_size_mib`, `--part-size-mib`), against
/// a real SeaweedFS the test starts. The media file is 11.6 MB: in parts of 6 MiB it is two parts,
/// of S3's minimum 5 MiB three, of the default 16 MiB one, so the part count the server reports
/// (the `-N` at the end of a multipart object's ETag) tells which size was used.
@Suite(.serialized) struct PublishPartSizeTests {
  static let media = "media/gesprekken/media/2024-03-14-de-buurt-beslist.mp3"
  static let seconds = 2900.0

  /// A catalogue whose addresses are the bucket's own (read anonymously, as a CDN would), with
  /// `publish:` pointing at the server and the given extra settings.
  func catalogue(_ server: SeaweedFS, publish extra: String) throws -> CatalogueFixture {
    let bucketURL = "\(server.endpoint)/podcast/show/"
    let fixture = try CatalogueFixture(site: """
      base_url: \(bucketURL)feeds/
      media_base_url: \(bucketURL)media/
      language: nl-BE
      publisher: Socius
      owner:
        name: Socius
        email: podcast@podium.test
      copyright: © 2024 Socius vzw
      website: https://podium.test/
      publish:
        bucket: podcast
        prefix: show
        endpoint: \(server.endpoint)
        \(extra)
      rules:
        P20-HTTPS:
          severity: off
          reason: A test bucket on this machine, served over plain http.

      """)
    try fixture.addEpisode(seconds: Self.seconds)
    return fixture
  }

  @Test func theConfiguredPartSizeSplitsALargeFileIntoParts() throws {
    let folder = try TemporaryFolder()
    let server = try SeaweedFS(in: folder)
    try server.makeBucket("podcast")
    let fixture = try catalogue(server, publish: "part_size_mib: 6")
    let file = fixture.catalogue.appendingPathComponent("gesprekken/media/2024-03-14-de-buurt-beslist.mp3")
    let bytes = try Data(contentsOf: file)
    #expect(bytes.count > 6 << 20 && bytes.count < 12 << 20)

    let publisher = Publisher(
      catalogueURL: fixture.catalogue, outputURL: fixture.output,
      options: BuildOptions(now: Timestamp.parse("2025-01-01T00:00:00Z")!))
    var options = PublishOptions()
    options.notify = false
    var made: S3Store?
    let report = try publisher.publish(options: options) { settings throws(ObjectStoreError) in
      #expect(settings.partSizeMiB == 6)
      // As `podium publish` makes it, with the test's keys for the environment's.
      let store = try StoreTarget.s3(
        bucket: settings.bucket ?? "", settings: settings,
        environment: ["AWS_ACCESS_KEY_ID": server.accessKey, "AWS_SECRET_ACCESS_KEY": server.secretKey])
      made = store as? S3Store
      return store
    }
    #expect(report.succeeded, "\(String(describing: report.failure)) \(report.build.findings)")
    #expect(report.uploaded.contains(Self.media))
    let store = try #require(made)
    // Each file is one PUT, except the media: a start, two parts and a completion.
    #expect(store.requestsSent.uploads == report.uploaded.count + 3, "\(store.requestsSent), \(report.uploaded)")

    let got = try server.anonymous(.get, "/podcast/show/" + Self.media, responseHeaders: ["ETag"])
    #expect(got.status == 200)
    #expect(got.body == [UInt8](bytes))
    #expect(got.headers["ETag"]?.hasSuffix("-2\"") == true, "two parts: \(got.headers["ETag"] ?? "none")")
  }

  /// `--part-size-mib` on the command line wins over `podium.yaml`, and one S3 would refuse is
  /// refused before anything is built.
  @Test func theCommandLineOptionOverridesTheCatalogue() throws {
    let folder = try TemporaryFolder()
    let server = try SeaweedFS(in: folder)
    try server.makeBucket("podcast")
    let fixture = try catalogue(server, publish: "part_size_mib: 6")
    let environment = [
      "AWS_ACCESS_KEY_ID": server.accessKey, "AWS_SECRET_ACCESS_KEY": server.secretKey,
      "XDG_CACHE_HOME": folder.url.appendingPathComponent("cache").path,
    ]
    let arguments = ["publish", "--catalogue", fixture.catalogue.path, "--output", fixture.output.path, "--no-notify"]

    for wrong in ["4", "5121", "many"] {
      let refused = try PodiumProcess.run(arguments + ["--part-size-mib", wrong], in: folder.url, environment: environment)
      #expect(refused.status == 64, "\(wrong): \(refused.standardOutput)\(refused.standardError)")
      #expect(refused.standardError.contains("--part-size-mib"), "\(refused.standardError)")
      #expect(!fixture.folder.exists("feeds"), "nothing was built")
    }

    let published = try PodiumProcess.run(arguments + ["--part-size-mib", "5"], in: folder.url, environment: environment)
    #expect(published.status == 0, "\(published.standardOutput)\(published.standardError)")
    let got = try server.anonymous(.get, "/podcast/show/" + Self.media, responseHeaders: ["ETag"])
    #expect(got.body == [UInt8](try fixture.folder.read("episodes/gesprekken/media/2024-03-14-de-buurt-beslist.mp3")))
    #expect(got.headers["ETag"]?.hasSuffix("-3\"") == true, "three parts: \(got.headers["ETag"] ?? "none")")
  }

  /// The CLI's bounds are the S3 client's: its smallest part is the smallest a producer may set.
  @Test func theBoundsAreS3s() {
    #expect(Int64(PublishSettings.partSizeMiBRange.lowerBound) << 20 == S3Store.Limits.minimumPartSize)
    #expect(PublishSettings.partSizeMiBRange.contains(Int(S3Store.Limits().partSize >> 20)))
  }
}
