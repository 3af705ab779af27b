extension XMLElement {
  /// An `xmlns:prefix="uri"` (or default `xmlns="uri"`) declaration, kept so checks can
  /// compare the URI a document declared with the one a spec requires.
  public struct NamespaceDeclaration: Sendable, Hashable {
    /// `nil` for the default namespace.
    public let prefix: String?
    public let uri: String

    public init(prefix: String?, uri: String) {
      self.prefix = prefix
      self.uri = uri
    }
  }
}
