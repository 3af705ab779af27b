import CurlTransfer
import Foundation
import PodiumTestSupport
import Testing

@testable import ObjectStore

/// S3Store against a real S3 server (SeaweedFS, started per test on loopback), which checks
/// every signature. Objects are read back unsigned, as a podcast app reads them.
@Suite(.serialized) struct S3StoreTests {
  let folder: TemporaryFolder
  let server: SeaweedFS

  init() throws {
    folder = try TemporaryFolder()
    server = try SeaweedFS(in: folder)
    try server.makeBucket("podcast")
  }

  func store(
    bucket: String = "podcast", prefix: String = "show", secret: String? = nil, accessKey: String? = nil,
    limits: S3Store.Limits = S3Store.Limits(backoff: 0.05)
  ) throws(ObjectStoreError) -> S3Store {
    try S3Store(
      bucket: bucket, prefix: prefix, endpoint: server.endpoint, region: server.region,
      credentials: S3Credentials(accessKey: accessKey ?? server.accessKey, secretKey: secret ?? server.secretKey),
      limits: limits)
  }

  /// A file in the test's folder and its upload.
  func upload(_ key: String, _ bytes: [UInt8], type: String, cache: String) throws -> ObjectUpload {
    let file = try folder.write("files/\(UUID().uuidString)", Data(bytes))
    return ObjectUpload(
      key: key, file: file, size: Int64(bytes.count), sha256: S3Client.sha256Hex(bytes), contentType: type,
      cacheControl: cache)
  }

  /// Bytes that differ from run to run, eight at a time (a byte at a time is slow in a debug build).
  static func randomBytes(_ count: Int) -> [UInt8] {
    var generator = SystemRandomNumberGenerator()
    var bytes = [UInt8](repeating: 0, count: count)
    bytes.withUnsafeMutableBytes { buffer in
      var offset = 0
      while offset < count {
        withUnsafeBytes(of: generator.next() as UInt64) { word in
          for index in 0..<min(8, count - offset) { buffer[offset + index] = word[index] }
        }
        offset += 8
      }
    }
    return bytes
  }

  func openUploads() throws -> [String] {
    let response = try server.signed(.get, "/podcast?uploads=")
    #expect(response.status == 200)
    let text = String(decoding: response.body, as: UTF8.self)
    return text.components(separatedBy: "<Key>").dropFirst().compactMap { $0.components(separatedBy: "</Key>").first }
  }

  @Test func putHeadListAndReadBackUnsigned() throws {
    let store = try store()
    #expect(store.location == "s3://podcast/show")
    #expect(try store.list().isEmpty)
    let feed = Array("<rss version=\"2.0\"><channel/></rss>\n".utf8)
    let audio = Self.randomBytes(70_000)
    let uploads = [
      try upload("feed.xml", feed, type: "application/rss+xml; charset=utf-8", cache: "public, max-age=300"),
      try upload(
        "media/aflevering 1 – één.mp3", audio, type: "audio/mpeg", cache: "public, max-age=31536000, immutable"),
      try upload("empty.txt", [], type: "text/plain", cache: "public"),
    ]
    let sent = SentBytes()
    for item in uploads { try store.put(item) { sent.record(item.key, $0) } }
    #expect(sent.last("feed.xml") == Int64(feed.count))
    #expect(sent.last("media/aflevering 1 – één.mp3") == Int64(audio.count))

    for item in uploads {
      let head = try #require(try store.head(item.key))
      #expect(head.size == item.size)
      #expect(head.sha256 == item.sha256)
      let path = "/podcast/show/" + S3Encoding.encode(item.key, keepingSlash: true)
      let got = try server.anonymous(
        .get, path, responseHeaders: ["Content-Type", "Cache-Control", "x-amz-meta-sha256"])
      #expect(got.status == 200)
      #expect(got.body == [UInt8](try Data(contentsOf: item.file)))
      #expect(got.headers["Content-Type"] == item.contentType)
      #expect(got.headers["Cache-Control"] == item.cacheControl)
      #expect(got.headers["x-amz-meta-sha256"] == item.sha256)
    }
    #expect(try store.head("absent.mp3") == nil)

    let listed = try store.list()
    #expect(Set(listed.keys) == Set(uploads.map(\.key)))
    for item in uploads {
      #expect(listed[item.key]?.size == item.size)
      #expect(listed[item.key]?.sha256 == item.sha256)
    }
  }

  @Test func virtualHostedAddressingNamesTheBucketInTheHost() throws {
    let store = try S3Store(
      bucket: "podcast", prefix: "hosted", endpoint: server.hostedEndpoint, region: server.region,
      addressing: .virtualHosted,
      credentials: S3Credentials(accessKey: server.accessKey, secretKey: server.secretKey))
    let bytes = Self.randomBytes(3_000)
    let item = try upload("cover.jpg", bytes, type: "image/jpeg", cache: "public, max-age=31536000, immutable")
    try store.put(item) { _ in }
    #expect(try store.list()["cover.jpg"]?.sha256 == item.sha256)
    #expect(try server.anonymous(.get, "/podcast/hosted/cover.jpg").body == bytes)
  }

  @Test func theDigestIndexSavesHeadsButNeverVouchesForChangedBytes() throws {
    let first = try store()
    let old = try upload("media/a.mp3", Self.randomBytes(10_000), type: "audio/mpeg", cache: "public")
    let other = try upload("media/b.mp3", Self.randomBytes(5_000), type: "audio/mpeg", cache: "public")
    try first.put(old) { _ in }
    try first.put(other) { _ in }
    try first.finish()
    let index = try server.anonymous(.get, "/podcast/show/.podium/s3-digests.json")
    #expect(index.status == 200)
    let decoded = DigestIndex(decoding: index.body)
    #expect(decoded.objects["media/a.mp3"]?.sha256 == old.sha256)
    #expect(decoded.objects["media/b.mp3"]?.sha256 == other.sha256)

    // Someone replaces a.mp3 behind Podium's back, with other bytes of the same size and no digest.
    let replaced = Self.randomBytes(10_000)
    #expect(try server.signed(.put, "/podcast/show/media/a.mp3", body: replaced).status == 200)
    let listed = try store().list()
    #expect(listed["media/a.mp3"]?.size == 10_000)
    #expect(listed["media/a.mp3"]?.sha256 == nil)
    #expect(listed["media/b.mp3"]?.sha256 == other.sha256)
    #expect(listed[".podium/s3-digests.json"] == nil)

    // A damaged index is ignored: digests come from the objects themselves.
    #expect(
      try server.signed(.put, "/podcast/show/.podium/s3-digests.json", body: Array("{not json".utf8)).status == 200)
    #expect(try store().list()["media/b.mp3"]?.sha256 == other.sha256)
  }

  @Test func refusalsNameTheObjectAndTheServersCodeButNeverTheSecret() throws {
    var messages: [String] = []
    let item = try upload("feed.xml", Array("<rss/>".utf8), type: "application/rss+xml", cache: "public, max-age=300")
    let wrongSecret = "wrong-" + UUID().uuidString

    let denied = try store(secret: wrongSecret)
    #expect(throws: ObjectStoreError.self) { try denied.put(item) { _ in } }
    do {
      try denied.put(item) { _ in }
    } catch {
      #expect(error.kind == .accessDenied)
      #expect(error.status == 403)
      #expect(error.code == "SignatureDoesNotMatch")
      #expect(error.key == "feed.xml")
      #expect(error.message.contains("feed.xml") && error.message.contains("AWS_SECRET_ACCESS_KEY"))
      messages.append(error.message)
    }
    do {
      _ = try store(accessKey: "nobody").list()
      Issue.record("an unknown access key was accepted")
    } catch {
      #expect(error.kind == .accessDenied)
      #expect(error.code == "InvalidAccessKeyId")
      messages.append(error.message)
    }
    do {
      _ = try store(bucket: "no-such-bucket").list()
      Issue.record("an absent bucket was listed")
    } catch {
      #expect(error.kind == .noSuchContainer)
      #expect(error.message.contains("no-such-bucket"))
      messages.append(error.message)
    }
    do {
      try store(bucket: "no-such-bucket").put(item) { _ in }
      Issue.record("an upload into an absent bucket succeeded")
    } catch {
      #expect(error.kind == .noSuchContainer)
      #expect(error.key == "feed.xml")
      messages.append(error.message)
    }
    // A session token goes with every request, signed: SeaweedFS then looks the access key up
    // among temporary credentials, where it is not.
    let token = "token-" + UUID().uuidString
    do {
      _ = try S3Store(
        bucket: "podcast", endpoint: server.endpoint, region: server.region,
        credentials: S3Credentials(accessKey: server.accessKey, secretKey: server.secretKey, sessionToken: token)
      ).list()
      Issue.record("a session token SeaweedFS never issued was accepted")
    } catch {
      #expect(error.kind == .accessDenied)
      #expect(!error.message.contains(token))
      messages.append(error.message)
    }
    let closed = try TestHTTPServer()
    let unreachable = try S3Store(
      bucket: "podcast", endpoint: "http://127.0.0.1:1", region: server.region,
      credentials: S3Credentials(accessKey: server.accessKey, secretKey: wrongSecret),
      limits: S3Store.Limits(attempts: 2, backoff: 0.01))
    _ = closed
    do {
      try unreachable.put(item) { _ in }
      Issue.record("an upload to a closed port succeeded")
    } catch {
      #expect(error.kind == .network)
      #expect(error.message.contains("127.0.0.1:1"))
      messages.append(error.message + (error.code ?? ""))
    }
    #expect(messages.count == 6)
    for message in messages {
      #expect(!message.contains(wrongSecret) && !message.contains(server.secretKey), "\(message)")
    }
    #expect(try store().head("feed.xml") == nil, "nothing was written with the wrong keys")
  }

  @Test func largeFilesGoUpInPartsWhole() throws {
    let store = try store(limits: S3Store.Limits(partSize: S3Store.Limits.minimumPartSize, backoff: 0.05))
    let bytes = Self.randomBytes(Int(S3Store.Limits.minimumPartSize) * 2 + 123_457)
    let item = try upload("media/long.mp4", bytes, type: "video/mp4", cache: "public, max-age=31536000, immutable")
    let sent = SentBytes()
    try store.put(item) { sent.record(item.key, $0) }
    #expect(sent.last(item.key) == item.size)
    let got = try server.anonymous(
      .get, "/podcast/show/media/long.mp4", responseHeaders: ["Content-Type", "Cache-Control", "ETag"])
    #expect(got.status == 200)
    #expect(got.body == bytes)
    #expect(got.headers["Content-Type"] == "video/mp4")
    #expect(got.headers["Cache-Control"] == "public, max-age=31536000, immutable")
    #expect(got.headers["ETag"]?.hasSuffix("-3\"") == true, "three parts: \(got.headers["ETag"] ?? "none")")
    #expect(try store.head(item.key)?.sha256 == item.sha256)
    #expect(try openUploads().isEmpty)
  }

  @Test func anInterruptedMultipartUploadLeavesNothingAndTheNextOneSucceeds() throws {
    let store = try store(limits: S3Store.Limits(partSize: S3Store.Limits.minimumPartSize, backoff: 0.05))
    let bytes = Self.randomBytes(Int(S3Store.Limits.minimumPartSize) * 2 + 1000)
    let item = try upload("media/long.mp4", bytes, type: "video/mp4", cache: "public")
    // The file is cut short once the first part has gone: the second part cannot be read whole.
    let cut = Cut(file: item.file, after: S3Store.Limits.minimumPartSize)
    do {
      try store.put(item) { cut.progress($0) }
      Issue.record("an upload of a file cut short succeeded")
    } catch {
      #expect(error.kind == .local)
      #expect(error.key == "media/long.mp4")
      #expect(error.message.contains("media/long.mp4"))
    }
    #expect(try store.head(item.key) == nil)
    #expect(try server.anonymous(.get, "/podcast/show/media/long.mp4").status == 404)
    #expect(try openUploads().isEmpty, "the failed upload was aborted")

    try Data(bytes).write(to: item.file)
    try store.put(item) { _ in }
    #expect(try server.anonymous(.get, "/podcast/show/media/long.mp4").body == bytes)
    #expect(try openUploads().isEmpty)
  }

  @Test func uploadsLeftByAKilledPublishAreAbortedByTheNextListing() throws {
    let begun = try server.signed(.post, "/podcast/show/media/half.mp4?uploads=", body: [])
    #expect(begun.status == 200)
    let outside = try server.signed(.post, "/podcast/elsewhere/x.bin?uploads=", body: [])
    #expect(outside.status == 200)
    #expect(Set(try openUploads()) == ["show/media/half.mp4", "elsewhere/x.bin"])
    _ = try store().list()
    #expect(try openUploads() == ["elsewhere/x.bin"], "only uploads under the store's prefix are Podium's")
  }

  @Test func crossOriginReadsAreAllowedFromAnyOrigin() throws {
    let store = try store()
    try store.put(try upload("index.html", Array("<p>hi</p>".utf8), type: "text/html", cache: "public")) { _ in }
    #expect(try store.allowCrossOriginReads() == .configured)
    let got = try server.anonymous(
      .get, "/podcast/show/index.html", headers: [("Origin", "https://www.example.org")],
      responseHeaders: ["Access-Control-Allow-Origin"])
    #expect(got.status == 200)
    #expect(["*", "https://www.example.org"].contains(got.headers["Access-Control-Allow-Origin"] ?? ""))
  }
}

/// The bytes each upload reported, from the progress callback.
final class SentBytes: @unchecked Sendable {
  private let lock = NSLock()
  private var values: [String: Int64] = [:]
  func record(_ key: String, _ bytes: Int64) { lock.withLock { values[key] = max(values[key] ?? 0, bytes) } }
  func last(_ key: String) -> Int64? { lock.withLock { values[key] } }
}

/// Truncates a file to `after` bytes once an upload has sent more than that.
final class Cut: @unchecked Sendable {
  let file: URL
  let after: Int64
  private let lock = NSLock()
  private var done = false

  init(file: URL, after: Int64) {
    self.file = file
    self.after = after
  }

  func progress(_ sent: Int64) {
    lock.withLock {
      guard !done, sent >= after else { return }
      done = true
      truncate(file.path, off_t(after))
    }
  }
}
