import CurlTransfer
import Foundation

/// A bucket of any S3-compatible service (AWS S3, Cloudflare R2, Backblaze B2, Ceph RGW, MinIO,
/// Garage, SeaweedFS), spoken to with the S3 API only, every request signed by libcurl with AWS
/// Signature Version 4.
///
/// Each object carries its SHA-256 as `x-amz-meta-sha256`; a small index object
/// (`.podium/s3-digests.json` under the prefix, written by `finish()`) repeats them so that
/// `list()` learns every digest from one listing instead of a HEAD per object. Files larger than
/// the part size go up as multipart uploads, each part retried on its own; a failed one is
/// aborted, and `list()` aborts uploads left unfinished under the prefix by an earlier run, so no
/// half object is ever visible and no parts linger. Podium owns the prefix it publishes to.
public final class S3Store: ObjectStore, @unchecked Sendable {
  public let location: String
  let client: S3Client
  /// "" or a path ending in `/`.
  let prefix: String
  private let limits: Limits
  private let lock = NSLock()
  /// What this store learnt of the bucket (listing, HEADs, uploads), for the index.
  private var known: [String: DigestIndex.Entry] = [:]
  /// The index as `list()` read it, so that `finish()` writes it only when it would change.
  private var indexRead: [String: DigestIndex.Entry]?

  /// - Parameters:
  ///   - bucket: the bucket's name (3 to 63 lower-case letters, digits, dots and hyphens).
  ///   - prefix: a folder in the bucket the publication goes under, or "" for its root.
  ///   - endpoint: the service's URL, `https://host[:port]`.
  ///   - region: the bucket's region, part of every signature (`us-east-1` where the service has none).
  ///   - addressing: bucket in the path or in the host name.
  ///   - credentials: usually `S3Credentials.fromEnvironment(ProcessInfo.processInfo.environment)`.
  /// - Throws: `ObjectStoreError` (`local`) when a setting cannot be right, saying which.
  public init(
    bucket: String, prefix: String = "", endpoint: String, region: String = "us-east-1",
    addressing: Addressing = .path, credentials: S3Credentials, limits: Limits = Limits()
  ) throws(ObjectStoreError) {
    guard (3...63).contains(bucket.count),
      bucket.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "." || $0 == "-") })
    else {
      throw ObjectStoreError(
        kind: .local, code: "InvalidBucketName",
        message: "The bucket name \"\(bucket)\" is not valid: use 3 to 63 lower-case letters, digits, dots and hyphens."
      )
    }
    guard !region.isEmpty, region.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
    else {
      throw ObjectStoreError(
        kind: .local, code: "InvalidRegion",
        message: "The region \"\(region)\" is not valid: write it like eu-west-1 or auto.")
    }
    let endpointParts = try S3Endpoint.parse(endpoint, bucket: bucket, addressing: addressing)
    let segments = prefix.split(separator: "/", omittingEmptySubsequences: true)
    guard !segments.contains(where: { $0 == "." || $0 == ".." }),
      !prefix.contains(where: { $0.isASCII && $0.asciiValue! < 0x20 })
    else {
      throw ObjectStoreError(
        kind: .local, code: "InvalidPrefix",
        message: "The prefix \"\(prefix)\" is not valid: use folder names separated by /.")
    }
    self.prefix = segments.isEmpty ? "" : segments.joined(separator: "/") + "/"
    self.limits = limits
    location = "s3://\(bucket)" + (self.prefix.isEmpty ? "" : "/" + self.prefix.dropLast())
    client = S3Client(
      endpoint: endpointParts, region: region, credentials: credentials, limits: limits, location: location)
  }

  public func list() throws(ObjectStoreError) -> [String: StoredObject] {
    try abortUnfinishedUploads()
    let listed = try listAll()
    let index = try loadIndex()
    var found: [String: StoredObject] = [:]
    var unknown: [String] = []
    var entries: [String: DigestIndex.Entry] = [:]
    for (key, entry) in listed where key != DigestIndex.key {
      if let etag = entry.etag, let indexed = index.objects[key], indexed.size == entry.size, indexed.etag == etag {
        found[key] = StoredObject(key: key, size: entry.size, sha256: indexed.sha256, etag: etag)
        entries[key] = indexed
      } else if isUsableKey(key) {
        unknown.append(key)
      } else {
        // Not Podium's (no Podium key looks like this), and not one libcurl can address as it is.
        found[key] = StoredObject(key: key, size: entry.size, etag: entry.etag)
      }
    }
    lock.withLock {
      known.merge(entries) { $1 }
      indexRead = index.objects
    }
    for (key, object) in try headAll(unknown.sorted()) { found[key] = object }
    return found
  }

  public func head(_ key: String) throws(ObjectStoreError) -> StoredObject? {
    try checkKey(key)
    let response = try client.send(
      .init(
        method: .head, key: prefix + key, responseHeaders: ["Content-Length", "ETag", "x-amz-meta-sha256"],
        action: .head(key)))
    if response.status == 404 { return nil }
    guard (200..<300).contains(response.status) else { throw client.failure(response, .head(key)) }
    let size = response.headers["Content-Length"].flatMap { Int64($0.trimmingCharacters(in: .whitespaces)) } ?? 0
    let sha256 = response.headers["x-amz-meta-sha256"].map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
      .flatMap { Self.isSHA256($0) ? $0 : nil }
    let etag = response.headers["ETag"].map { ETag.unquoted($0.trimmingCharacters(in: .whitespaces)) }
    if let etag { remember(key, DigestIndex.Entry(size: size, etag: etag, sha256: sha256)) }
    return StoredObject(key: key, size: size, sha256: sha256, etag: etag)
  }

  public func put(_ upload: ObjectUpload, progress: @Sendable (Int64) -> Void) throws(ObjectStoreError) {
    try checkKey(upload.key)
    let action = S3Action.upload(upload.key)
    let sha256 = upload.sha256.lowercased()
    guard Self.isSHA256(sha256) else {
      throw ObjectStoreError(
        kind: .local, key: upload.key,
        message: "\(action.describe(location)) failed: \"\(upload.sha256)\" is not a SHA-256 digest.")
    }
    for (name, value) in [("Content-Type", upload.contentType), ("Cache-Control", upload.cacheControl)]
    where value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
      throw ObjectStoreError(
        kind: .local, key: upload.key,
        message: "\(action.describe(location)) failed: its \(name) holds a control character.")
    }
    let actualSize = (try? FileManager.default.attributesOfItem(atPath: upload.file.path)[.size] as? NSNumber)?
      .int64Value
    guard let actualSize else {
      throw ObjectStoreError(
        kind: .local, key: upload.key, message: "\(action.describe(location)) failed: cannot read \(upload.file.path).")
    }
    guard actualSize == upload.size else {
      throw ObjectStoreError(
        kind: .local, key: upload.key,
        message:
          "\(action.describe(location)) failed: \(upload.file.path) has \(actualSize) bytes, not the \(upload.size) it had when it was planned; build again."
      )
    }
    let headers: [(name: String, value: String)] = [
      ("Content-Type", upload.contentType), ("Cache-Control", upload.cacheControl), ("x-amz-meta-sha256", sha256),
    ]
    let result = withoutActuallyEscaping(progress) { progress in
      // A part or a file sent again after a failure starts over; the count reported never goes back.
      var highest: Int64 = 0
      return Result { () throws(ObjectStoreError) in
        try send(upload, sha256: sha256, headers: headers) { sent in
          guard sent > highest else { return }
          highest = sent
          progress(sent)
        }
      }
    }
    if let etag = try result.get() {
      remember(upload.key, DigestIndex.Entry(size: upload.size, etag: etag, sha256: sha256))
    }
  }

  /// Sends the file in one request, or in parts when it is larger than the part size; returns its ETag.
  private func send(
    _ upload: ObjectUpload, sha256: String, headers: [(name: String, value: String)],
    progress: @escaping (Int64) -> Void
  ) throws(ObjectStoreError) -> String? {
    let partSize = partSize(for: upload.size)
    if upload.size > partSize {
      return try MultipartUpload(client: client, key: prefix + upload.key, displayKey: upload.key, headers: headers)
        .run(file: upload.file.path, size: upload.size, partSize: partSize, progress: progress)
    } else {
      let response = try client.expectSuccess(
        .init(
          method: .put, key: prefix + upload.key, headers: headers,
          body: .file(path: upload.file.path, offset: 0, length: upload.size), payloadHash: sha256,
          responseHeaders: ["ETag"], action: .upload(upload.key)),
        progress: progress)
      return response.headers["ETag"].map { ETag.unquoted($0.trimmingCharacters(in: .whitespaces)) }
    }
  }

  /// Writes the digest index, so that the next `list()` needs no HEAD for what is known now:
  /// what this store learnt from its `list()` (call it first, as a publish does) and its uploads.
  /// An index that would not change (nothing uploaded, nothing looked up) is not written again.
  public func finish() throws(ObjectStoreError) {
    let (entries, read) = lock.withLock { (known, indexRead) }
    guard entries != read else { return }
    let body = DigestIndex(objects: entries).encoded()
    try client.expectSuccess(
      .init(
        method: .put, key: prefix + DigestIndex.key,
        headers: [("Content-Type", "application/json"), ("Cache-Control", "no-store")], body: .bytes(body),
        payloadHash: S3Client.sha256Hex(body), action: .writeIndex))
  }

  public func allowCrossOriginReads() throws(ObjectStoreError) -> CrossOriginOutcome {
    try CrossOriginRule(client: client).apply()
  }

  /// The requests this store has sent so far.
  public var requestsSent: Requests { client.tally.value }
}

extension S3Store {
  /// The part size for a file of `size` bytes: the configured one, at least S3's minimum, and
  /// large enough that no file needs more than 10,000 parts.
  func partSize(for size: Int64) -> Int64 {
    max(limits.partSize, Limits.minimumPartSize, (size + 9_999) / 10_000)
  }

  static func isSHA256(_ text: String) -> Bool {
    text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
  }

  private func remember(_ key: String, _ entry: DigestIndex.Entry) {
    lock.withLock { known[key] = entry }
  }

  /// Refuses a key S3 or libcurl would read differently from Podium: empty, absolute, with `.`,
  /// `..` or empty folder names (libcurl would collapse them), control characters, or the index's own.
  private func checkKey(_ key: String) throws(ObjectStoreError) {
    guard isUsableKey(key) else {
      throw ObjectStoreError(kind: .local, key: key, message: "The key \"\(key)\" cannot be an object in \(location).")
    }
  }

  private func isUsableKey(_ key: String) -> Bool {
    let segments = key.split(separator: "/", omittingEmptySubsequences: false)
    return !key.isEmpty && key != DigestIndex.key && (prefix + key).utf8.count <= 1024
      && !segments.contains { $0.isEmpty || $0 == "." || $0 == ".." }
      && !key.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
  }

  /// Every object under the prefix, by key relative to it, from ListObjectsV2 pages of 1,000.
  private func listAll() throws(ObjectStoreError) -> [String: ListObjectsPage.Entry] {
    var listed: [String: ListObjectsPage.Entry] = [:]
    var token: String?
    var seen: Set<String> = []
    var emptyPages = 0
    repeat {
      var query = [("list-type", "2"), ("max-keys", "1000")]
      if !prefix.isEmpty { query.append(("prefix", prefix)) }
      if let token { query.append(("continuation-token", token)) }
      let response = try client.expectSuccess(
        .init(method: .get, key: nil, query: query, bodyLimit: S3XML.maximumSize, action: .list))
      guard let page = ListObjectsPage(response.body) else {
        throw ObjectStoreError(
          kind: .server, status: response.status,
          message:
            "\(S3Action.list.describe(location)) failed: the answer is not an S3 listing. Check that the endpoint is an S3 API."
        )
      }
      for entry in page.entries where entry.key.hasPrefix(prefix) {
        let key = String(entry.key.dropFirst(prefix.count))
        listed[key] = ListObjectsPage.Entry(key: key, size: entry.size, etag: entry.etag)
      }
      token = page.continuationToken
      emptyPages = page.entries.isEmpty ? emptyPages + 1 : 0
      // A listing that never ends (repeated pages, or pages without keys) is a broken server.
      if let token, !seen.insert(token).inserted || emptyPages > 100 {
        throw ObjectStoreError(
          kind: .server,
          message: "\(S3Action.list.describe(location)) failed: the server's listing does not end (repeated or empty pages).")
      }
    } while token != nil
    return listed
  }

  /// The digest index, or an empty one when there is none or it cannot be read as one.
  private func loadIndex() throws(ObjectStoreError) -> DigestIndex {
    let response = try client.send(
      .init(method: .get, key: prefix + DigestIndex.key, bodyLimit: DigestIndex.maximumSize, action: .readIndex))
    guard response.status == 200, !response.overflowed else { return DigestIndex() }
    return DigestIndex(decoding: response.body)
  }

  /// HEADs `keys` a few at a time: objects the index does not vouch for.
  private func headAll(_ keys: [String]) throws(ObjectStoreError) -> [String: StoredObject] {
    guard !keys.isEmpty else { return [:] }
    let results = HeadResults(count: keys.count)
    DispatchQueue.concurrentPerform(iterations: min(8, keys.count)) { worker in
      var index = worker
      while index < keys.count, !results.failed {
        results.set(index, Result { () throws(ObjectStoreError) in try head(keys[index]) })
        index += min(8, keys.count)
      }
    }
    var found: [String: StoredObject] = [:]
    for (index, result) in results.all.enumerated() {
      switch result {
      case .success(let object?): found[keys[index]] = object
      case .success(nil), nil: continue
      case .failure(let error): throw error
      }
    }
    return found
  }

  /// Aborts multipart uploads under the prefix that an earlier, interrupted publish left.
  private func abortUnfinishedUploads() throws(ObjectStoreError) {
    var marker: (keyMarker: String, uploadIDMarker: String)?
    var pages = 0
    repeat {
      var query = [("uploads", "")]
      if !prefix.isEmpty { query.append(("prefix", prefix)) }
      if let marker { query += [("key-marker", marker.keyMarker), ("upload-id-marker", marker.uploadIDMarker)] }
      let response = try client.send(
        .init(method: .get, key: nil, query: query, bodyLimit: S3XML.maximumSize, action: .listUploads))
      // A service that does not offer the listing, or keys that may not use it: nothing can be
      // cleaned up, and the uploads themselves are refused or succeed on their own.
      let code = S3XML.error(response.body).code
      if response.status == 501 || (response.status == 403 && (code == "AccessDenied" || code == nil)) { return }
      guard (200..<300).contains(response.status) else { throw client.failure(response, .listUploads) }
      guard let page = MultipartUploadsPage(response.body) else { return }
      for upload in page.uploads where upload.key.hasPrefix(prefix) {
        try MultipartUpload.abort(
          client: client, key: upload.key, uploadID: upload.uploadID,
          displayKey: String(upload.key.dropFirst(prefix.count)))
      }
      marker = page.next
      pages += 1
    } while marker != nil && pages < 1000
  }
}

/// Results of HEADs made on several threads, each written once under the lock.
private final class HeadResults: @unchecked Sendable {
  private let lock = NSLock()
  private var results: [Result<StoredObject?, ObjectStoreError>?]
  private var anyFailed = false

  init(count: Int) { results = Array(repeating: nil, count: count) }

  var failed: Bool { lock.withLock { anyFailed } }
  var all: [Result<StoredObject?, ObjectStoreError>?] { lock.withLock { results } }

  func set(_ index: Int, _ result: Result<StoredObject?, ObjectStoreError>) {
    lock.withLock {
      results[index] = result
      if case .failure = result { anyFailed = true }
    }
  }
}
