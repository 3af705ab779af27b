import CurlTransfer
import Foundation
import Identifiers

/// Signed requests to one bucket: retries with backoff when the server or the network fails,
/// and every other failure turned into an `ObjectStoreError` in the producer's terms. The keys
/// go to libcurl, which signs each request (SigV4); no message ever contains the secret.
struct S3Client: Sendable {
  struct Request {
    var method: CurlRequest.Method
    /// The full key (prefix included), or nil for the bucket itself.
    var key: String?
    var query: [(String, String)] = []
    var headers: [(name: String, value: String)] = []
    var body: CurlRequest.Body = .none
    /// `x-amz-content-sha256`: the body's SHA-256, so that the server checks it arrived intact,
    /// or `UNSIGNED-PAYLOAD` for a part read as it is sent.
    var payloadHash = S3Client.emptyPayloadHash
    var responseHeaders: [String] = []
    var bodyLimit = 1 << 20
    var action: S3Action
  }

  static let emptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

  let endpoint: S3Endpoint
  let region: String
  let credentials: S3Credentials
  let limits: S3Store.Limits
  let location: String
  let pool = CurlHandlePool()
  let tally = RequestTally()

  /// Sends `request`, trying again on 5xx, 429 and network failures; any other answer is returned.
  func send(_ request: Request, progress: ((Int64) -> Void)? = nil) throws(ObjectStoreError) -> CurlResponse {
    var attempt = 1
    while true {
      let result = once(request, progress: progress)
      let retry: Bool
      switch result {
      case .success(let response): retry = [429, 500, 502, 503, 504].contains(response.status)
      case .failure(let error):
        retry = ![.uploadSource, .unsupportedScheme, .unresolvableHost, .tls].contains(error.kind)
      }
      if !retry || attempt >= max(1, limits.attempts) {
        switch result {
        case .success(let response): return response
        case .failure(let error): throw transferError(error, request.action)
        }
      }
      Thread.sleep(forTimeInterval: limits.backoff * Double(1 << min(attempt - 1, 6)))
      attempt += 1
    }
  }

  /// Sends `request` and throws unless the server answered 2xx.
  @discardableResult
  func expectSuccess(_ request: Request, progress: ((Int64) -> Void)? = nil) throws(ObjectStoreError) -> CurlResponse {
    let response = try send(request, progress: progress)
    guard (200..<300).contains(response.status) else { throw failure(response, request.action) }
    return response
  }

  private func once(_ request: Request, progress: ((Int64) -> Void)?) -> Result<CurlResponse, CurlTransferError> {
    guard let handle = pool.take() else {
      return .failure(CurlTransferError(kind: .other, message: "libcurl could not create a transfer"))
    }
    defer { pool.give(handle) }
    tally.count(request.action)
    var headers = request.headers
    headers.append((name: "x-amz-content-sha256", value: request.payloadHash))
    if let token = credentials.sessionToken { headers.append((name: "x-amz-security-token", value: token)) }
    let uploads: Bool
    switch request.body {
    case .none: uploads = false
    case .bytes, .file: uploads = true
    }
    let curlRequest = CurlRequest(
      method: request.method, url: endpoint.url(key: request.key, query: request.query), headers: headers,
      body: request.body,
      signature: .init(region: region, accessKey: credentials.accessKey, secretKey: credentials.secretKey),
      responseHeaders: request.responseHeaders, bodyLimit: request.bodyLimit, connectTimeout: limits.connectTimeout,
      stallTimeout: limits.stallTimeout, totalTimeout: uploads ? nil : limits.requestTimeout,
      userAgent: "Podium/0.1 (+S3 publish)")
    return Result { () throws(CurlTransferError) in try handle.perform(curlRequest, progress: progress) }
  }

  /// The error for an answer that is not a success: the server's code, and what to do.
  func failure(_ response: CurlResponse, _ action: S3Action) -> ObjectStoreError {
    let (code, serverMessage) = S3XML.error(response.body)
    let status = response.status
    let what = action.describe(location)
    let answer = "HTTP \(status)" + (code.map { " \($0)" } ?? "")
    let kind: ObjectStoreError.Kind
    let advice: String
    switch (status, code) {
    case (404, "NoSuchBucket"?):
      kind = .noSuchContainer
      advice =
        "the bucket \"\(endpoint.bucket)\" does not exist at \(endpoint.display). Create it, or correct the bucket in podium.yaml (publish: bucket) or --to."
    case (401, _), (403, _):
      kind = .accessDenied
      advice = Self.accessAdvice(code, bucket: endpoint.bucket, region: region)
    case (_, "PermanentRedirect"?), (_, "AuthorizationHeaderMalformed"?), (_, "IllegalLocationConstraintException"?):
      kind = .server
      advice =
        "the bucket answers from another region or endpoint than \(region) at \(endpoint.display). Set the bucket's region (publish: region, or --region) and its endpoint."
    default:
      kind = .server
      let said = serverMessage.map { Self.printable($0) }.flatMap { $0.isEmpty ? nil : $0 }
      advice = "the server said " + (said.map { "\"\($0)\"" } ?? "nothing more") + "."
    }
    return redacted(
      ObjectStoreError(
        kind: kind, key: action.key, status: status, code: code, message: "\(what) failed (\(answer)): \(advice)"))
  }

  private static func accessAdvice(_ code: String?, bucket: String, region: String) -> String {
    switch code {
    case "SignatureDoesNotMatch"?:
      "the server refused the signature: the secret key does not belong to the access key. Check AWS_SECRET_ACCESS_KEY, and that the region (\(region)) is the bucket's."
    case "InvalidAccessKeyId"?:
      "the server does not know the access key. Check AWS_ACCESS_KEY_ID, and that the endpoint is the right service."
    case "ExpiredToken"?, "InvalidToken"?, "TokenRefreshRequired"?:
      "the session token is no longer valid. Renew the temporary credentials (AWS_SESSION_TOKEN and its keys)."
    case "RequestTimeTooSkewed"?:
      "this machine's clock is too far from the server's. Set the clock right (NTP) and publish again."
    default:
      "the keys were refused, or may not do this. Check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, and give them read, write and list rights on bucket \"\(bucket)\"."
    }
  }

  private func transferError(_ error: CurlTransferError, _ action: S3Action) -> ObjectStoreError {
    let what = action.describe(location)
    if error.kind == .uploadSource {
      return redacted(ObjectStoreError(kind: .local, key: action.key, message: "\(what) failed: \(error.message)."))
    }
    return redacted(
      ObjectStoreError(
        kind: .network, key: action.key, code: error.message,
        message:
          "\(what) failed: no answer from \(endpoint.display) (\(error.message)). Check the endpoint URL and the network, then publish again."
      ))
  }

  /// Belt and braces: no message carries the secret or the session token, whatever a server echoed.
  private func redacted(_ error: ObjectStoreError) -> ObjectStoreError {
    var error = error
    for secret in [credentials.secretKey, credentials.sessionToken].compactMap({ $0 }) where !secret.isEmpty {
      error.message = error.message.replacingOccurrences(of: secret, with: "[secret]")
      error.code = error.code?.replacingOccurrences(of: secret, with: "[secret]")
    }
    return error
  }

  /// A server's text without control characters, cut to a line's length.
  static func printable(_ text: String) -> String {
    let clean = String(
      text.unicodeScalars.filter { !$0.properties.isWhitespace || $0 == " " }.filter {
        $0.value >= 0x20 && $0.value != 0x7F
      }.map(Character.init))
    return clean.count > 300 ? String(clean.prefix(300)) + "…" : clean
  }

  static func sha256Bytes(_ bytes: [UInt8]) -> [UInt8] { ContentDigest.sha256(bytes) }

  /// Lower-case hex SHA-256 of `bytes`, for `x-amz-content-sha256`.
  static func sha256Hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef")
    return String(sha256Bytes(bytes).flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0F)]] })
  }
}
