/// One HTTP request, as a job asks the pool for it. Redirects are followed by the job, hop by hop,
/// so that every hop can be recorded and an https→http hop refused before it is made.
struct TransferRequest {
  enum Method { case head, get, post }

  var url: String
  var method: Method
  /// The `Range` header's value without `bytes=`, e.g. "0-1".
  var range: String?
  /// Body bytes kept; the transfer is aborted when more arrive.
  var bodyLimit: Int
  /// Also refuse up front a body whose declared Content-Length exceeds `bodyLimit`.
  var refuseLargerBody = false
  /// Ask for gzip/brotli; `bodyLimit` still counts decoded bytes, so a compression bomb is cut off.
  var acceptEncoding = false
  /// Extra request headers, `Name: value`, such as a token.
  var headers: [String] = []
  /// The body of a POST, sent as `application/x-www-form-urlencoded`.
  var body: [UInt8]?
  /// When the job's first request started, for the elapsed time in a timeout.
  var started: ContinuousClock.Instant
  /// When the job's time budget runs out, across all its requests.
  var deadline: ContinuousClock.Instant
}
