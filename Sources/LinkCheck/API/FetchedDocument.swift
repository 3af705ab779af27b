/// A document fetched for `podium lint URL`: the body and where it finally came from.
public struct FetchedDocument: Sendable, Hashable {
  public var requestedURL: String
  /// The URL that answered, after redirects.
  public var finalURL: String
  public var status: Int
  /// The Content-Type header as sent, parameters included (the charset matters to a parser).
  public var contentType: String?
  public var redirects: [Redirect]
  public var body: [UInt8]
  /// The Content-Range header of a 206 answer, as sent: which bytes of the file the body is.
  public var contentRange: String?

  /// The first and last byte `contentRange` says the body holds; nil without one, or for one
  /// that is not `bytes FIRST-LAST/…`.
  public var byteRange: ClosedRange<Int64>? { ContentRange.bytes(contentRange) }

  public init(
    requestedURL: String, finalURL: String, status: Int, contentType: String?, redirects: [Redirect],
    body: [UInt8], contentRange: String? = nil
  ) {
    self.requestedURL = requestedURL
    self.finalURL = finalURL
    self.status = status
    self.contentType = contentType
    self.redirects = redirects
    self.body = body
    self.contentRange = contentRange
  }
}
