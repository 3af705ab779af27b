/// A server's answer to a `CurlRequest`: every status counts as an answer, errors included.
public struct CurlResponse: Sendable, Hashable {
  public var status: Int
  /// The headers the request asked for, by the name it used, when the server sent them.
  public var headers: [String: String]
  public var body: [UInt8]
  /// Whether the body was longer than the request's limit and was cut off.
  public var overflowed: Bool

  public init(status: Int, headers: [String: String], body: [UInt8], overflowed: Bool) {
    self.status = status
    self.headers = headers
    self.body = body
    self.overflowed = overflowed
  }
}
