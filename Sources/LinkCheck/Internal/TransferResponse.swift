/// What one request got back. Strings are copied out of libcurl at once, since the handle is reused.
struct TransferResponse {
  enum Outcome {
    case complete
    /// More body than `bodyLimit` arrived and the transfer was aborted on purpose; headers are valid.
    case truncated
    case failed(LinkError)
  }

  var url: String
  var outcome: Outcome
  /// nil when no HTTP answer arrived.
  var status: Int?
  /// Where a redirect points, already resolved against `url` by libcurl.
  var redirectURL: String?
  var contentType: String?
  var contentLength: Int64?
  var contentRange: String?
  var startTransferTime: Double = 0
  var totalTime: Double = 0
  var body: [UInt8] = []

  /// A response for a request that was never made.
  static func failure(_ url: String, _ error: LinkError) -> TransferResponse {
    TransferResponse(url: url, outcome: .failed(error))
  }

  /// The redirect this answer asks for, if it is one.
  var redirect: Redirect? {
    guard let status, HTTPStatus.redirects.contains(status), let redirectURL, !redirectURL.isEmpty else {
      return nil
    }
    return Redirect(from: url, to: redirectURL, status: status)
  }
}
