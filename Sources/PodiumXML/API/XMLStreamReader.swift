import Foundation

/// Reads a document of any size in pieces, with the same safety as `XMLDocument` (no entity
/// expansion, no DTD loading, no network, bounded names, attributes and depth, the same errors),
/// handing it to an `XMLStreamHandler` instead of building the tree. Memory is what the handler
/// keeps, plus the largest element it takes whole, never the document.
public struct XMLStreamReader: Sendable {
  /// What one element handed over whole (a feed's item) may hold, nested elements and text: a
  /// real item has tens of elements and kilobytes of text; past these the read stops with
  /// `XMLParseError.Reason.elementTooLarge`, so a hostile item can't take memory without end.
  public static let maximumElementsInPiece = 100_000
  public static let maximumTextInPiece = 64 * 1024 * 1024

  /// The largest document read, in bytes; `nil` for no limit.
  public let maximumSize: Int?

  public init(maximumSize: Int? = nil) {
    self.maximumSize = maximumSize
  }

  /// Streams a document held in memory.
  ///
  /// - Throws: `XMLParseError`, as `XMLDocument(data:)` does; what the handler got before the
  ///   error is then incomplete, and is best dropped.
  @discardableResult
  public func read(_ data: Data, into handler: some XMLStreamHandler) throws(XMLParseError) -> XMLPrologue {
    try LibXMLReader(maximumSize: maximumSize ?? Int.max).stream(data, into: handler)
  }

  /// Streams a file, read in pieces as the parser goes.
  ///
  /// - Throws: `XMLParseError`; a file that can't be opened or read is `.unreadable`.
  @discardableResult
  public func read(contentsOfFile path: String, into handler: some XMLStreamHandler) throws(XMLParseError)
    -> XMLPrologue
  {
    try LibXMLReader(maximumSize: maximumSize ?? Int.max).stream(contentsOfFile: path, into: handler)
  }
}

extension XMLDocument {
  public var prologue: XMLPrologue {
    XMLPrologue(hasXMLDeclaration: hasXMLDeclaration, declaredEncoding: declaredEncoding)
  }

  /// Hands a parsed document to a handler as `XMLStreamReader` would have, so the checks written
  /// for streams also run on a tree.
  public func stream(into handler: some XMLStreamHandler) {
    Self.stream(root, depth: 0, into: handler)
  }

  private static func stream(_ element: XMLElement, depth: Int, into handler: some XMLStreamHandler) {
    let header = XMLElement(
      element.storage.fields.qualifiedName, attributes: element.attributes,
      namespaceDeclarations: element.namespaceDeclarations, text: "", children: [], line: element.line)
    guard handler.shouldStream(header, depth: depth) else { return handler.child(element, depth: depth) }
    for child in element.children { stream(child, depth: depth + 1, into: handler) }
    handler.end(depth: depth)
  }
}
