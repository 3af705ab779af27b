/// A request that got no HTTP answer: no connection, a time-out, a local file that failed.
public struct CurlTransferError: Error, Sendable, Hashable, CustomStringConvertible {
  public var kind: CurlErrorKind
  /// libcurl's message, or the upload source's reason.
  public var message: String

  public init(kind: CurlErrorKind, message: String) {
    self.kind = kind
    self.message = message
  }

  public var description: String { message }
}
