/// The keys S3 requests are signed with. They come only from the environment, never from the
/// catalogue, and are never printed: `description` and `dump` show neither key.
public struct S3Credentials: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
  CustomReflectable
{
  public var accessKey: String
  public var secretKey: String
  /// A temporary session's token, sent as `x-amz-security-token`.
  public var sessionToken: String?

  public init(accessKey: String, secretKey: String, sessionToken: String? = nil) {
    self.accessKey = accessKey
    self.secretKey = secretKey
    self.sessionToken = sessionToken
  }

  /// `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and the optional `AWS_SESSION_TOKEN`.
  ///
  /// - Throws: `ObjectStoreError` (`accessDenied`) naming the variables that are missing.
  public static func fromEnvironment(_ environment: [String: String]) throws(ObjectStoreError) -> S3Credentials {
    let access = environment["AWS_ACCESS_KEY_ID"].flatMap { $0.isEmpty ? nil : $0 }
    let secret = environment["AWS_SECRET_ACCESS_KEY"].flatMap { $0.isEmpty ? nil : $0 }
    guard let access, let secret else {
      let missing = [access == nil ? "AWS_ACCESS_KEY_ID" : nil, secret == nil ? "AWS_SECRET_ACCESS_KEY" : nil]
        .compactMap { $0 }.joined(separator: " and ")
      throw ObjectStoreError(
        kind: .accessDenied, code: "MissingCredentials",
        message:
          "No credentials for the bucket: set \(missing) in the environment (Podium never reads keys from the catalogue)."
      )
    }
    let token = environment["AWS_SESSION_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
    return S3Credentials(accessKey: access, secretKey: secret, sessionToken: token)
  }

  public var description: String { "S3Credentials(keys from the environment, not shown)" }
  public var debugDescription: String { description }
  public var customMirror: Mirror { Mirror(self, children: [:]) }
}
