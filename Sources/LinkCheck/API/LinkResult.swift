/// What a server said about one URL. Facts only; `findings` judges them.
public struct LinkResult: Sendable, Hashable {
  public var request: LinkRequest
  /// The last URL requested: after redirects, or where the check stopped.
  public var finalURL: String
  /// The final answer's status: to HEAD, or to the ranged GET when HEAD was refused or the GET failed.
  public var status: Int?
  public var redirects: [Redirect]
  /// False when HEAD was answered 405 or 501 but GET worked; nil when never learnt.
  public var headAllowed: Bool?
  /// True when `Range: bytes=0-1` was answered 206 (or 416 for an empty file).
  public var rangeSupported: Bool?
  /// From HEAD's Content-Length, else the total in the 206's Content-Range.
  public var contentLength: Int64?
  public var contentType: String?
  /// Seconds from the first request to the first byte of the final answer, redirects included.
  public var timeToFirstByte: Double?
  public var error: LinkError?

  public init(
    request: LinkRequest, finalURL: String, status: Int? = nil, redirects: [Redirect] = [],
    headAllowed: Bool? = nil, rangeSupported: Bool? = nil, contentLength: Int64? = nil,
    contentType: String? = nil, timeToFirstByte: Double? = nil, error: LinkError? = nil
  ) {
    self.request = request
    self.finalURL = finalURL
    self.status = status
    self.redirects = redirects
    self.headAllowed = headAllowed
    self.rangeSupported = rangeSupported
    self.contentLength = contentLength
    self.contentType = contentType
    self.timeToFirstByte = timeToFirstByte
    self.error = error
  }
}
