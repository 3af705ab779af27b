import Foundation
import PodiumXML

/// The bucket's CORS rule: GET and HEAD from any origin, so that a website can embed the video
/// index's web component and read feeds, posters and captions from the bucket.
/// https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketCors.html
struct CrossOriginRule {
  let client: S3Client

  static let exposedHeaders = ["Content-Length", "Content-Range", "Content-Type", "ETag", "Last-Modified"]
  static let maxAge = 3600

  /// Sets the rule, or says what to configure when the service does not let Podium.
  func apply() throws(ObjectStoreError) -> CrossOriginOutcome {
    let body: [UInt8]
    do {
      body = try Self.document()
    } catch {
      throw ObjectStoreError(
        kind: .local, message: "\(S3Action.crossOrigin.describe(client.location)) failed: \(error)")
    }
    let hash = S3Client.sha256Hex(body)
    let response = try client.send(
      .init(
        method: .put, key: nil, query: [("cors", "")],
        headers: [
          ("Content-Type", "application/xml"),
          // PutBucketCors requires an integrity check of the body: this or Content-MD5.
          ("x-amz-checksum-sha256", Data(S3Client.sha256Bytes(body)).base64EncodedString()),
        ],
        body: .bytes(body), payloadHash: hash, action: .crossOrigin))
    if (200..<300).contains(response.status) { return .configured }
    let error = client.failure(response, .crossOrigin)
    switch error.kind {
    case .noSuchContainer: throw error
    case .accessDenied, .server, .network, .local:
      if response.status >= 500 && response.status != 501 { throw error }
      return .notPossible(instructions: instructions(error))
    }
  }

  static func document() throws -> [UInt8] {
    let writer = try XMLWriter(indent: false)
    try writer.startDocument()
    try writer.startElement("CORSConfiguration")
    try writer.attribute("xmlns", "http://s3.amazonaws.com/doc/2006-03-01/")
    try writer.startElement("CORSRule")
    try writer.element("AllowedOrigin", "*")
    try writer.element("AllowedMethod", "GET")
    try writer.element("AllowedMethod", "HEAD")
    try writer.element("AllowedHeader", "*")
    for header in exposedHeaders { try writer.element("ExposeHeader", header) }
    try writer.element("MaxAgeSeconds", String(maxAge))
    try writer.endElement()
    try writer.endElement()
    return Array(try writer.finish())
  }

  private func instructions(_ error: ObjectStoreError) -> String {
    let bucket = client.endpoint.bucket
    let json =
      #"{"CORSRules":[{"AllowedOrigins":["*"],"AllowedMethods":["GET","HEAD"],"AllowedHeaders":["*"],"ExposeHeaders":["#
      + Self.exposedHeaders.map { "\"\($0)\"" }.joined(separator: ",") + #"],"MaxAgeSeconds":\#(Self.maxAge)}]}"#
    return """
      Podium could not set the bucket's cross-origin rule (\(error.message)) Websites that embed the video index \
      need it. Allow GET and HEAD from any origin (*), with any request header, exposing \
      \(Self.exposedHeaders.joined(separator: ", ")), in your provider's console for bucket "\(bucket)", or with \
      the AWS CLI: aws s3api put-bucket-cors --endpoint-url \(client.endpoint.display) --bucket \(bucket) \
      --cors-configuration '\(json)'. Behind a CDN, let it pass the Origin header and the Access-Control headers through.
      """
  }
}
