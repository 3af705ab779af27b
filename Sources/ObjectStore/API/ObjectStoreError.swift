/// A store's refusal or failure, in the producer's terms: which object, what the server said,
/// and what to do.
public struct ObjectStoreError: Error, Sendable, Hashable, CustomStringConvertible {
  public enum Kind: Sendable, Hashable {
    /// The credentials were missing or refused (HTTP 401/403).
    case accessDenied
    /// The bucket (or folder) does not exist.
    case noSuchContainer
    /// The server answered with an error not covered above.
    case server
    /// No answer: connection refused, a name that does not resolve, a time-out.
    case network
    /// A local file could not be read, or a folder could not be written.
    case local
  }

  public var kind: Kind
  /// The object concerned, if any.
  public var key: String?
  /// The HTTP status, when a server answered.
  public var status: Int?
  /// The server's error code (`SignatureDoesNotMatch`, `NoSuchBucket`, …) or the system's message.
  public var code: String?
  /// A sentence saying what happened and what to do.
  public var message: String

  public init(kind: Kind, key: String? = nil, status: Int? = nil, code: String? = nil, message: String) {
    self.kind = kind
    self.key = key
    self.status = status
    self.code = code
    self.message = message
  }

  public var description: String { message }
}
