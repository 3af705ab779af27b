import Foundation
import PodiumXML

/// One file sent as a multipart upload: begun, its parts sent one by one (each retried on its
/// own by the client), then completed, so the object appears whole at the end. Any failure on
/// the way aborts the upload, so its parts neither linger nor become visible.
/// https://docs.aws.amazon.com/AmazonS3/latest/userguide/mpuoverview.html
struct MultipartUpload {
  let client: S3Client
  /// The full key, prefix included.
  let key: String
  /// The key as the producer knows it, for messages.
  let displayKey: String
  let headers: [(name: String, value: String)]

  /// Uploads the file; returns the object's ETag when the server gave one.
  func run(file: String, size: Int64, partSize: Int64, progress: @escaping (Int64) -> Void) throws(ObjectStoreError)
    -> String?
  {
    let uploadID = try begin()
    do throws(ObjectStoreError) {
      var parts: [(number: Int, etag: String)] = []
      var sent: Int64 = 0
      var number = 1
      while sent < size {
        let length = min(partSize, size - sent)
        let done = sent
        let response = try client.expectSuccess(
          .init(
            method: .put, key: key, query: [("partNumber", String(number)), ("uploadId", uploadID)],
            body: .file(path: file, offset: sent, length: length), payloadHash: "UNSIGNED-PAYLOAD",
            responseHeaders: ["ETag"], action: .part(displayKey, number: number)),
          progress: { progress(done + $0) })
        guard let etag = response.headers["ETag"]?.trimmingCharacters(in: .whitespaces), !etag.isEmpty else {
          throw ObjectStoreError(
            kind: .server, key: displayKey, status: response.status,
            message:
              "\(S3Action.part(displayKey, number: number).describe(client.location)) failed: the server gave no ETag for the part."
          )
        }
        parts.append((number, etag))
        sent += length
        number += 1
      }
      return try complete(uploadID, parts)
    } catch {
      // The upload's own failure is what the producer needs; a failed abort is found and
      // retried by the next publish's `list()`.
      try? Self.abort(client: client, key: key, uploadID: uploadID, displayKey: displayKey)
      throw error
    }
  }

  /// Aborts an upload, discarding its parts.
  static func abort(client: S3Client, key: String, uploadID: String, displayKey: String) throws(ObjectStoreError) {
    let response = try client.send(
      .init(method: .delete, key: key, query: [("uploadId", uploadID)], action: .cleanUp(displayKey)))
    // 404 NoSuchUpload: already gone, which is what was wanted.
    guard (200..<300).contains(response.status) || response.status == 404 else {
      throw client.failure(response, .cleanUp(displayKey))
    }
  }

  private func begin() throws(ObjectStoreError) -> String {
    let action = S3Action.upload(displayKey)
    let response = try client.expectSuccess(
      .init(method: .post, key: key, query: [("uploads", "")], headers: headers, body: .bytes([]), action: action))
    guard let root = S3XML.parse(response.body), root.name == "InitiateMultipartUploadResult",
      let id = root.child("UploadId")?.trimmed, !id.isEmpty
    else {
      throw ObjectStoreError(
        kind: .server, key: displayKey, status: response.status,
        message: "\(action.describe(client.location)) failed: the server did not start a multipart upload.")
    }
    return id
  }

  private func complete(_ uploadID: String, _ parts: [(number: Int, etag: String)]) throws(ObjectStoreError) -> String?
  {
    let action = S3Action.upload(displayKey)
    let body: [UInt8]
    do {
      let writer = try XMLWriter(indent: false)
      try writer.startDocument()
      try writer.startElement("CompleteMultipartUpload")
      try writer.attribute("xmlns", "http://s3.amazonaws.com/doc/2006-03-01/")
      for part in parts {
        try writer.startElement("Part")
        try writer.element("PartNumber", String(part.number))
        try writer.element("ETag", part.etag)
        try writer.endElement()
      }
      try writer.endElement()
      body = Array(try writer.finish())
    } catch {
      throw ObjectStoreError(
        kind: .local, key: displayKey, message: "\(action.describe(client.location)) failed: \(error)")
    }
    let response = try client.expectSuccess(
      .init(
        method: .post, key: key, query: [("uploadId", uploadID)], headers: [("Content-Type", "application/xml")],
        body: .bytes(body), payloadHash: S3Client.sha256Hex(body), action: action))
    // S3 may answer 200 and still report an error in the body, once the parts are assembled.
    guard let root = S3XML.parse(response.body), root.name == "CompleteMultipartUploadResult" else {
      var failed = response
      failed.status = 500
      throw client.failure(failed, action)
    }
    return root.child("ETag").map { ETag.unquoted($0.trimmed) }
  }
}
