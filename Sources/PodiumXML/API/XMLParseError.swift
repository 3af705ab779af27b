/// Why a document was not parsed. `line` is 1-based where libxml2 knew it.
public struct XMLParseError: Error, Sendable, Hashable, CustomStringConvertible {
  public enum Reason: Sendable, Hashable {
    /// The document is bigger than the limit the caller set; nothing was parsed.
    case tooLarge(size: Int, limit: Int)
    /// The document has no bytes, or only whitespace.
    case empty
    /// Not well-formed XML; the message is libxml2's first error.
    case malformed(message: String)
    /// An entity such as `&nbsp;` that XML does not predefine and the document does not declare.
    case undefinedEntity(message: String)
    /// `]]>` outside a CDATA section, or a CDATA section that cannot end.
    case misplacedCDATAEnd(message: String)
    /// The DTD declares an entity. Refused before any expansion or loading, so entity bombs
    /// and external entities (`SYSTEM "file:…"`) never run.
    case entityDeclaration(name: String)
    /// A reference to an entity that is not one of XML's five predefined ones.
    case entityReference(name: String)
    /// libxml2 itself failed (out of memory, no parser context).
    case libxml(operation: String)
    /// A start tag has more attributes (namespace declarations included) than `limit`; refused
    /// before libxml2 reads it, as libxml2's duplicate check takes time quadratic in their number.
    case tooManyAttributes(limit: Int)
    /// In a streamed read, one element handed over whole (a feed's item) holds more than
    /// `elements` elements or `textBytes` bytes of text: refused, so memory stays bounded.
    case elementTooLarge(elements: Int, textBytes: Int)
    /// The file could not be opened or read; the detail is the system's reason.
    case unreadable(path: String, detail: String)
  }

  public let reason: Reason
  public let line: Int?

  public init(_ reason: Reason, line: Int? = nil) {
    self.reason = reason
    self.line = line
  }

  public var description: String {
    let place = line.map { "line \($0): " } ?? ""
    return place + explanation
  }

  private var explanation: String {
    switch reason {
    case .tooLarge(let size, let limit):
      "the document is \(size) bytes, over the \(limit)-byte limit; make it smaller or raise the limit"
    case .empty:
      "the document is empty; it must contain one root element"
    case .malformed(let message), .undefinedEntity(let message), .misplacedCDATAEnd(let message):
      "not well-formed XML: \(message)"
    case .entityDeclaration(let name):
      "the DTD declares the entity '\(name)', which is refused for safety; remove the declaration and write the text out"
    case .entityReference(let name):
      "the entity '&\(name);' is not one of XML's predefined entities; use a numeric reference or the character itself"
    case .tooManyAttributes(let limit):
      "a start tag has more than \(limit) attributes; no real document needs that many"
    case .elementTooLarge(let elements, let textBytes):
      "an element holds more than \(elements) elements or \(textBytes >> 20) MB of text; no real document needs that much"
    case .libxml(let operation):
      "libxml2 failed (\(operation))"
    case .unreadable(let path, let detail):
      "cannot read \(path): \(detail)"
    }
  }
}
