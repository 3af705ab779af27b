extension XMLElement {
  /// One attribute, as written (libxml2 adds no defaults: DTD attributes are never loaded).
  public struct Attribute: Sendable, Hashable {
    /// The local name, without prefix.
    public let name: String
    public let namespaceURI: String?
    public let value: String

    public init(name: String, namespaceURI: String? = nil, value: String) {
      self.name = name
      self.namespaceURI = namespaceURI
      self.value = value
    }
  }
}
