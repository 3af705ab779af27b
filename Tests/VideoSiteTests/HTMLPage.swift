import CLibXML2
import Foundation

/// A page as libxml2's HTML parser reads it, the way a browser's parser would: elements with their
/// attributes and all the text inside them, so a test sees what is markup and what is text.
struct HTMLPage {
  struct Element {
    var name: String
    var attributes: [String: String]
    var text: String
    var children: [Element]

    /// This element and every element inside it, in document order.
    var all: [Element] { [self] + children.flatMap(\.all) }
  }

  let root: Element

  init(_ data: Data) throws {
    let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)
    let document = data.withUnsafeBytes { raw in
      htmlReadMemory(raw.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(raw.count), nil, "UTF-8", options)
    }
    guard let document else { throw CocoaError(.fileReadCorruptFile) }
    defer { xmlFreeDoc(document) }
    guard let node = xmlDocGetRootElement(document) else { throw CocoaError(.fileReadCorruptFile) }
    root = Self.element(node)
  }

  var elements: [Element] { root.all }

  func elements(named name: String) -> [Element] { elements.filter { $0.name == name } }

  private static func element(_ node: xmlNodePtr) -> Element {
    var attributes: [String: String] = [:]
    var attribute = node.pointee.properties
    while let current = attribute {
      attributes[String(cString: current.pointee.name)] = text(of: current.pointee.children)
      attribute = current.pointee.next
    }
    var children: [Element] = []
    var child = node.pointee.children
    while let current = child {
      if current.pointee.type == XML_ELEMENT_NODE { children.append(element(current)) }
      child = current.pointee.next
    }
    return Element(
      name: String(cString: node.pointee.name), attributes: attributes, text: text(of: node.pointee.children),
      children: children)
  }

  /// The text of `first` and its siblings, and of every element inside them.
  private static func text(of first: xmlNodePtr?) -> String {
    var text = ""
    var node = first
    while let current = node {
      switch current.pointee.type {
      case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
        if let content = current.pointee.content { text += String(cString: content) }
      case XML_ELEMENT_NODE:
        text += Self.text(of: current.pointee.children)
      default: break
      }
      node = current.pointee.next
    }
    return text
  }
}
