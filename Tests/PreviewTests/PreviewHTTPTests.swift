import Foundation
import PodiumTestSupport
import Preview
import Testing

/// `podium serve`'s HTTP, as podcast apps and browsers use it, over real requests to a real server.
@Suite(.timeLimit(.minutes(2)))
struct PreviewHTTPTests {
  static let episode = "2024-03-14-de-buurt-beslist"
  static let mediaPath = "/media/gesprekken/media/\(episode).mp3"

  @Test func feedsNameTheLocalServerAndItsMediaAreTheCataloguesBytes() async throws {
    try await ServedCatalogue.serving { served in
      let feed = try await served.get("/feeds/gesprekken/feed.xml")
      #expect(feed.status == 200)
      #expect(feed.text.contains("url=\"\(served.server.address)\(Self.mediaPath)\""))
      #expect(feed.text.contains("\(served.server.address)/feeds/gesprekken/"))
      #expect(!feed.text.contains("podium.test/gesprekken"))
      let media = try await served.get(Self.mediaPath)
      #expect(media.body == (try Data(contentsOf: served.catalogue.appendingPathComponent("gesprekken/media/\(Self.episode).mp3"))))
      #expect(served.server.firstBuild.shows.map(\.feedURL) == ["\(served.server.address)/feeds/gesprekken/feed.xml"])
      let start = try await served.get("/")
      #expect(start.text.contains("\(served.server.address)/feeds/gesprekken/feed.xml"))
    }
  }

  @Test func headGivesTheLengthAndNoBody() async throws {
    try await ServedCatalogue.serving { served in
      let size = try await Curl.get(served.url(Self.mediaPath)).body.count
      let head = try await served.get(Self.mediaPath, method: "HEAD")
      #expect(head.status == 200)
      #expect(head["Content-Length"] == String(size))
      #expect(head["Content-Type"] == "audio/mpeg")
      #expect(head["Accept-Ranges"] == "bytes")
      #expect(head.body.isEmpty)
      #expect(head["Date"]?.hasSuffix(" GMT") == true)
    }
  }

  /// `nil` status 200 with the whole file; otherwise the expected slice (as offsets from the start,
  /// negative from the end) or 416.
  @Test(arguments: [
    ("bytes=0-99", 206, 0, 100),
    ("bytes=100-", 206, 100, Int.max),
    ("bytes=-100", 206, -100, Int.max),
    ("bytes=10-10", 206, 10, 11),
    ("bytes=0-99999999", 206, 0, Int.max),
    ("bytes=99999999-", 416, 0, 0),
    ("bytes=-0", 416, 0, 0),
    ("bytes=20-10", 200, 0, Int.max),
    ("bytes=0-1,5-6", 200, 0, Int.max),
    ("items=0-10", 200, 0, Int.max),
  ])
  func byteRanges(_ range: String, _ status: Int, _ from: Int, _ to: Int) async throws {
    try await ServedCatalogue.serving { served in
      let whole = try await served.get(Self.mediaPath).body
      let response = try await served.get(Self.mediaPath, headers: ["Range": range])
      #expect(response.status == status)
      switch status {
      case 416:
        #expect(response["Content-Range"] == "bytes */\(whole.count)")
      case 206:
        let start = from < 0 ? whole.count + from : from, end = min(to, whole.count)
        #expect(response.body == whole.subdata(in: start..<end))
        #expect(response["Content-Range"] == "bytes \(start)-\(end - 1)/\(whole.count)")
        #expect(response["Content-Length"] == String(end - start))
      default:
        #expect(response.body == whole)
        #expect(response["Content-Range"] == nil)
      }
    }
  }

  @Test func etagAndLastModifiedAnswer304() async throws {
    try await ServedCatalogue.serving { served in
      let first = try await served.get("/feeds/gesprekken/feed.xml")
      let etag = try #require(first["ETag"]), modified = try #require(first["Last-Modified"])
      let cases: [([String: String], Int)] = [
        (["If-None-Match": etag], 304),
        (["If-None-Match": "\"other\", \(etag)"], 304),
        (["If-None-Match": "W/\(etag)"], 304),
        (["If-None-Match": "*"], 304),
        (["If-None-Match": "\"other\""], 200),
        (["If-Modified-Since": modified], 304),
        (["If-Modified-Since": "Sat, 01 Jan 2000 00:00:00 GMT"], 200),
        // If-None-Match decides when both are sent.
        (["If-None-Match": "\"other\"", "If-Modified-Since": modified], 200),
        // A range of a file that changed since is the whole new file.
        (["Range": "bytes=0-9", "If-Range": "\"other\""], 200),
        (["Range": "bytes=0-9", "If-Range": etag], 206),
      ]
      for (headers, status) in cases {
        let response = try await served.get("/feeds/gesprekken/feed.xml", headers: headers)
        #expect(response.status == status, "\(headers)")
        if status == 304 {
          #expect(response.body.isEmpty)
          #expect(response["ETag"] == etag)
          #expect(response["Content-Length"] == String(first.body.count))
        }
      }
    }
  }

  @Test func everyAnswerAllowsAnyOrigin() async throws {
    try await ServedCatalogue.serving { served in
      for path in ["/feeds/gesprekken/feed.xml", Self.mediaPath, "/", "/feeds/missing.xml"] {
        #expect(try await served.get(path)["Access-Control-Allow-Origin"] == "*", "\(path)")
      }
      let preflight = try await served.get(Self.mediaPath, method: "OPTIONS", headers: [
        "Origin": "https://partner.podium.test", "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "range",
      ])
      #expect(preflight.status == 204)
      #expect(preflight["Access-Control-Allow-Origin"] == "*")
      #expect(preflight["Access-Control-Allow-Headers"]?.contains("Range") == true)
      #expect(try await served.get(Self.mediaPath, method: "DELETE").status == 405)
    }
  }

  /// Nothing outside the publication: not the catalogue's own files, not the build's record, not
  /// what a symbolic link in the catalogue points at, however the path is spelled.
  @Test(arguments: [
    "/media/../podium.yaml", "/media/gesprekken/../../secret/outside.mp3", "/media/%2e%2e/secret/outside.mp3",
    "/media/%2E%2E/%2E%2E/secret/outside.mp3", "/feeds/%2e%2e/%2e%2e/secret/outside.mp3",
    "/media/gesprekken%2f..%2f..%2fsecret%2foutside.mp3", "/media/gesprekken/..%2f..%2fsecret/outside.mp3",
    "/media/gesprekken/%2e%2e%5c%2e%2e%5csecret/outside.mp3", "/media/gesprekken/media/%00.mp3",
    "/media/gesprekken/show.yaml", "/media/podium.yaml", "/media/gesprekken/\(PreviewHTTPTests.episode).md",
    "/feeds/.podium/manifest.json", "/feeds/gesprekken/.podium/published.json",
    "/media/gesprekken/media/linked.mp3", "/media/gesprekken/elsewhere/outside.mp3", "/feeds//etc/passwd",
    "/media/gesprekken/media/settings.mp3", "/media/gesprekken/media/hidden.mp3", "/media/gesprekken/git/secret.mp3",
  ])
  func pathsOutsideThePublicationAreRefused(_ path: String) async throws {
    let secret = SampleMedia.mp3(seconds: 1)
    try await ServedCatalogue.serving { fixture in
      let outside = try fixture.folder.write("secret/outside.mp3", secret)
      try FileManager.default.createSymbolicLink(
        atPath: fixture.catalogue.appendingPathComponent("gesprekken/media/linked.mp3").path, withDestinationPath: outside.path)
      try FileManager.default.createSymbolicLink(
        atPath: fixture.catalogue.appendingPathComponent("gesprekken/elsewhere").path,
        withDestinationPath: outside.deletingLastPathComponent().path)
      // Links inside the catalogue, named like media, to what is not served: its settings, a hidden folder.
      try fixture.folder.write("episodes/.git/secret.mp3", secret)
      try FileManager.default.createSymbolicLink(
        atPath: fixture.catalogue.appendingPathComponent("gesprekken/media/settings.mp3").path,
        withDestinationPath: "../../podium.yaml")
      try FileManager.default.createSymbolicLink(
        atPath: fixture.catalogue.appendingPathComponent("gesprekken/media/hidden.mp3").path,
        withDestinationPath: "../../.git/secret.mp3")
      try FileManager.default.createSymbolicLink(
        atPath: fixture.catalogue.appendingPathComponent("gesprekken/git").path, withDestinationPath: "../.git")
    } body: { served in
      #expect(served.server.firstBuild.succeeded)
      let response = try await served.get(path)
      #expect([400, 404].contains(response.status), "\(path): \(response.status)")
      #expect(response.body.range(of: secret) == nil)
      #expect(!response.text.contains("base_url"))
    }
  }

  /// A symbolic link that stays inside the catalogue is just another name for its file: an
  /// episode's media may be one.
  @Test func aLinkInsideTheCatalogueIsServed() async throws {
    try await ServedCatalogue.serving { fixture in
      let media = fixture.catalogue.appendingPathComponent("gesprekken/media/\(Self.episode).mp3")
      try FileManager.default.createDirectory(
        at: fixture.catalogue.appendingPathComponent("gesprekken/archive"), withIntermediateDirectories: true)
      try FileManager.default.moveItem(
        at: media, to: fixture.catalogue.appendingPathComponent("gesprekken/archive/\(Self.episode).mp3"))
      try FileManager.default.createSymbolicLink(
        atPath: media.path, withDestinationPath: "../archive/\(Self.episode).mp3")
    } body: { served in
      #expect(served.server.firstBuild.succeeded)
      let linked = try await served.get(Self.mediaPath)
      #expect(linked.status == 200)
      #expect(linked.body == (try served.folder.read("episodes/gesprekken/archive/\(Self.episode).mp3")))
    }
  }

  @Test func aPortInUseIsSaidSo() async throws {
    try await ServedCatalogue.serving { served in
      let port = try #require(UInt16(served.server.address.split(separator: ":").last ?? ""))
      await #expect {
        _ = try await PreviewServer.start(catalogue: served.catalogue, port: port, workspace: served.work) {
          .init(now: ServedCatalogue.now)
        }
      } throws: { "\($0)".contains("port \(port)") }
    }
  }
}
