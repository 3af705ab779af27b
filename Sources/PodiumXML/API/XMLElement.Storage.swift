extension XMLElement {
  /// The element's fields, boxed so copies of the element share them.
  @usableFromInline final class Storage: Sendable {
    @usableFromInline let fields: Fields

    init(_ fields: Fields) { self.fields = fields }
  }

  @usableFromInline struct Fields: Sendable, Hashable {
    @usableFromInline let qualifiedName: QualifiedName
    @usableFromInline let attributes: [Attribute]
    @usableFromInline let namespaceDeclarations: [NamespaceDeclaration]
    @usableFromInline let text: String
    @usableFromInline let children: [XMLElement]
    @usableFromInline let line: Int
  }

  /// An element's local name, namespace and prefix in one reference, which the parser shares
  /// between all elements of the same name: 40 bytes less per element than three strings, and
  /// a feed of a million items has a million elements.
  @usableFromInline final class QualifiedName: Sendable, Hashable {
    @usableFromInline let name: String
    @usableFromInline let namespaceURI: String?
    @usableFromInline let prefix: String?

    init(name: String, namespaceURI: String?, prefix: String?) {
      self.name = name
      self.namespaceURI = namespaceURI
      self.prefix = prefix
    }

    @usableFromInline static func == (lhs: QualifiedName, rhs: QualifiedName) -> Bool {
      lhs === rhs || (lhs.name == rhs.name && lhs.namespaceURI == rhs.namespaceURI && lhs.prefix == rhs.prefix)
    }

    @usableFromInline func hash(into hasher: inout Hasher) {
      hasher.combine(name)
      hasher.combine(namespaceURI)
      hasher.combine(prefix)
    }
  }
}
