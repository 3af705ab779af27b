/// What a document says about itself before its root element.
public struct XMLPrologue: Sendable, Hashable {
  /// Whether the document starts with an `<?xml …?>` declaration (after an optional BOM).
  public let hasXMLDeclaration: Bool
  /// The `encoding` named in the XML declaration, as written; `nil` when it names none.
  public let declaredEncoding: String?

  public init(hasXMLDeclaration: Bool, declaredEncoding: String?) {
    self.hasXMLDeclaration = hasXMLDeclaration
    self.declaredEncoding = declaredEncoding
  }
}
