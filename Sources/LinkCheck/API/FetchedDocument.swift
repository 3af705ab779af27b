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

  public init(
    requestedURL: String, finalURL: String, status: Int, contentType: String?, redirects: [Redirect],
    body: [UInt8]
  ) {
    self.requestedURL = requestedURL
    self.finalURL = finalURL
    self.status = status
    self.contentType = contentType
    self.redirects = redirects
    self.body = body
  }
}
