public import Diagnostics

/// One URL to check, with what the catalogue says about it, so the answer can be compared.
public struct LinkRequest: Sendable, Hashable {
  public var url: String
  public var kind: Kind
  /// The declared size in bytes (an enclosure's `length`), compared with what the server reports.
  public var expectedLength: Int64?
  /// The declared MIME type, compared with the server's Content-Type.
  public var expectedType: String?
  /// Where the catalogue declares the URL, so findings point there instead of at the URL.
  public var location: SourceLocation?

  public init(
    url: String, kind: Kind, expectedLength: Int64? = nil, expectedType: String? = nil,
    location: SourceLocation? = nil
  ) {
    self.url = url
    self.kind = kind
    self.expectedLength = expectedLength
    self.expectedType = expectedType
    self.location = location
  }
}
