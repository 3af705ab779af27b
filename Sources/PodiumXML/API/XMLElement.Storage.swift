extension XMLElement {
  /// The element's fields, boxed so copies of the element share them.
  @usableFromInline final class Storage: Sendable {
    @usableFromInline let fields: Fields

    init(_ fields: Fields) { self.fields = fields }
  }

  @usableFromInline struct Fields: Sendable, Hashable {
    @usableFromInline let name: String
    @usableFromInline let namespaceURI: String?
    @usableFromInline let prefix: String?
    @usableFromInline let attributes: [Attribute]
    @usableFromInline let namespaceDeclarations: [NamespaceDeclaration]
    @usableFromInline let text: String
    @usableFromInline let children: [XMLElement]
    @usableFromInline let line: Int
  }
}
