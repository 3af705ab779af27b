internal import CLibXML2

/// A page read back with libxml2's HTML parser, as a browser-like reader would see it: element
/// names, attribute values with references decoded, and text.
///
/// libxml2 2.9 knows HTML 4's elements: it reads `<img>`, `<meta>`, `<br>`, `<link>` and `<hr>`
/// as void, but not `<source>`, `<track>` or `<wbr>`; tests of those check the bytes.
struct ParsedHTML {
  struct Node {
    /// Lower case, as the parser reports it.
    let name: String
    let attributes: [(name: String, value: String)]
    let children: [Node]
    /// For a text node, its text; empty for an element.
    let text: String

    var isText: Bool { name.isEmpty }
    var elements: [Node] { children.filter { !$0.isText } }

    func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }

    /// All the text inside, in order.
    var textContent: String { isText ? text : children.map(\.textContent).joined() }

    /// This node and every element below it, in document order.
    var descendants: [Node] { [self] + elements.flatMap(\.descendants) }

    func first(_ name: String) -> Node? { descendants.first { $0.name == name } }
    func element(id: String) -> Node? { descendants.first { $0.attribute("id") == id } }
  }

  /// The `<html>` element.
  let root: Node
  /// The name the doctype gives, `html` for `<!doctype html>`; `nil` without one.
  let doctype: String?

  init(_ html: String) throws {
    var bytes = Array(html.utf8)
    let options = Int32(HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
    let document = bytes.withUnsafeMutableBufferPointer { buffer in
      buffer.baseAddress.flatMap { base in
        base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
          htmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", options)
        }
      }
    }
    guard let document else { throw ParseFailure() }
    defer { xmlFreeDoc(document) }
    doctype = xmlGetIntSubset(document).flatMap { $0.pointee.name.map { String(cString: $0) } }
    guard let root = xmlDocGetRootElement(document) else { throw ParseFailure() }
    self.root = Self.node(root)
  }

  struct ParseFailure: Error {}

  private static func node(_ pointer: xmlNodePtr) -> Node {
    let node = pointer.pointee
    switch node.type {
    case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
      return Node(name: "", attributes: [], children: [], text: node.content.map { String(cString: $0) } ?? "")
    default:
      var attributes: [(String, String)] = []
      var attribute = node.properties
      while let current = attribute {
        let name = String(cString: current.pointee.name)
        // The value's text nodes, references already decoded by the parser.
        var value = ""
        var text = current.pointee.children
        while let piece = text {
          value += piece.pointee.content.map { String(cString: $0) } ?? ""
          text = piece.pointee.next
        }
        attributes.append((name, value))
        attribute = current.pointee.next
      }
      var children: [Node] = []
      var child = node.children
      while let current = child {
        if current.pointee.type == XML_ELEMENT_NODE || current.pointee.type == XML_TEXT_NODE
          || current.pointee.type == XML_CDATA_SECTION_NODE
        {
          children.append(Self.node(current))
        }
        child = current.pointee.next
      }
      return Node(name: String(cString: node.name), attributes: attributes, children: children, text: "")
    }
  }
}
