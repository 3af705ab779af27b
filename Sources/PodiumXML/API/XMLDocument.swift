import Foundation

/// A parsed, read-only XML document, safe to use on feeds from anywhere.
///
/// libxml2 parses with the network off, without entity substitution and without loading any DTD;
/// a document that declares entities, or refers to one XML does not predefine, is refused, so
/// entity bombs and external entities give an error instead of expansion or file and network reads.
/// The tree is copied into Swift values and libxml2's memory is freed before `init` returns.
public struct XMLDocument: Sendable, Hashable {
  /// Larger documents are refused before parsing: 16 MB.
  public static let defaultMaximumSize = 16 * 1024 * 1024

  public let root: XMLElement
  /// Whether the document starts with an `<?xml …?>` declaration (after an optional BOM).
  public let hasXMLDeclaration: Bool
  /// The `encoding` named in the XML declaration, as written; `nil` when it names none.
  public let declaredEncoding: String?

  /// Parses a document from its bytes.
  ///
  /// - Parameters:
  ///   - data: the document, in the encoding its declaration (or BOM) names; UTF-8 by default.
  ///   - maximumSize: the largest document, in bytes, that will be parsed at all.
  /// - Throws: `XMLParseError` with libxml2's first error and its line.
  public init(data: Data, maximumSize: Int = XMLDocument.defaultMaximumSize) throws(XMLParseError) {
    self = try LibXMLReader(maximumSize: maximumSize).read(data)
  }

  /// Parses a file, read in pieces as the parser goes, so a large document is never in memory
  /// twice (once as bytes, once parsed).
  ///
  /// - Throws: `XMLParseError`; a file that can't be opened or read is `.unreadable`, with the
  ///   system's reason.
  public init(contentsOfFile path: String, maximumSize: Int = XMLDocument.defaultMaximumSize) throws(XMLParseError) {
    self = try LibXMLReader(maximumSize: maximumSize).read(contentsOfFile: path)
  }

  /// Parses a document held in a string (encoded as UTF-8).
  public init(string: String, maximumSize: Int = XMLDocument.defaultMaximumSize) throws(XMLParseError) {
    try self.init(data: Data(string.utf8), maximumSize: maximumSize)
  }

  init(root: XMLElement, hasXMLDeclaration: Bool, declaredEncoding: String?) {
    self.root = root
    self.hasXMLDeclaration = hasXMLDeclaration
    self.declaredEncoding = declaredEncoding
  }
}
