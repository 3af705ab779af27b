/// One element of a parsed document, copied out of libxml2 into plain values.
///
/// Immutable and `Sendable`: nothing points back into libxml2, so elements can be kept,
/// shared between tasks and compared long after the parser is gone. The fields live in one
/// shared box, so copying an element (as every loop over `children` does) costs one retain.
public struct XMLElement: Sendable, Hashable {
  @usableFromInline let storage: Storage

  public init(
    name: String, namespaceURI: String? = nil, prefix: String? = nil, attributes: [Attribute] = [],
    namespaceDeclarations: [NamespaceDeclaration] = [], text: String = "", children: [XMLElement] = [],
    line: Int = 0
  ) {
    self.init(
      QualifiedName(name: name, namespaceURI: namespaceURI, prefix: prefix), attributes: attributes,
      namespaceDeclarations: namespaceDeclarations, text: text, children: children, line: line)
  }

  /// An element whose name the parser already made, shared with the other elements of that name.
  init(
    _ qualifiedName: QualifiedName, attributes: [Attribute], namespaceDeclarations: [NamespaceDeclaration],
    text: String, children: [XMLElement], line: Int
  ) {
    storage = Storage(
      Fields(
        qualifiedName: qualifiedName, attributes: attributes, namespaceDeclarations: namespaceDeclarations,
        text: text, children: children, line: line))
  }

  /// The local name, without prefix. An element whose prefix was never declared keeps its
  /// qualified name (`itunes:author`) and has no namespace.
  @inlinable public var name: String { storage.fields.qualifiedName.name }
  /// The namespace URI, or `nil` for an element in no namespace.
  @inlinable public var namespaceURI: String? { storage.fields.qualifiedName.namespaceURI }
  /// The prefix the document used, kept for messages and namespace checks.
  @inlinable public var prefix: String? { storage.fields.qualifiedName.prefix }
  @inlinable public var attributes: [Attribute] { storage.fields.attributes }
  /// `xmlns` and `xmlns:prefix` declarations made on this element.
  @inlinable public var namespaceDeclarations: [NamespaceDeclaration] { storage.fields.namespaceDeclarations }
  /// The text and CDATA of the direct children, concatenated, untrimmed.
  @inlinable public var text: String { storage.fields.text }
  @inlinable public var children: [XMLElement] { storage.fields.children }
  /// The 1-based line where the start tag begins.
  @inlinable public var line: Int { storage.fields.line }

  /// The value of the attribute with this local name, in this namespace (`nil`: no namespace).
  @inlinable public func attribute(_ name: String, namespace: String? = nil) -> String? {
    storage.fields.attributes.first { $0.name == name && $0.namespaceURI == namespace }?.value
  }

  /// The direct children with this local name, in this namespace (`nil`: no namespace).
  @inlinable public func children(named name: String, namespace: String? = nil) -> [XMLElement] {
    storage.fields.children.filter { $0.name == name && $0.namespaceURI == namespace }
  }

  /// The first direct child with this local name, in this namespace (`nil`: no namespace).
  @inlinable public func firstChild(named name: String, namespace: String? = nil) -> XMLElement? {
    storage.fields.children.first { $0.name == name && $0.namespaceURI == namespace }
  }

  public static func == (lhs: XMLElement, rhs: XMLElement) -> Bool {
    lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
  }

  public func hash(into hasher: inout Hasher) { hasher.combine(storage.fields) }
}
