internal import CLibXML2
import Foundation

/// Builds `XMLElement` values straight from libxml2's SAX events, so no libxml2 tree is ever
/// made, copied or freed: for a large feed that saves more time than the parse itself takes.
/// With a stream handler, the elements it streams are never built: their children go to it one by one.
struct TreeBuilder {
  private struct OpenElement {
    let qualifiedName: XMLElement.QualifiedName
    let attributes: [XMLElement.Attribute]
    let declarations: [XMLElement.NamespaceDeclaration]
    let line: Int
    /// Handed to the stream handler child by child, never built.
    let streamed: Bool
    var children: [XMLElement] = []
  }

  /// Where a streamed parse sends its pieces; `nil` builds the whole tree.
  var handler: (any XMLStreamHandler)?
  /// Whether the root element started, built or streamed.
  private(set) var sawRoot = false
  /// In a streamed read, what one element handed over whole may hold (`XMLStreamReader`).
  static let pieceElementLimit = XMLStreamReader.maximumElementsInPiece
  static let pieceTextLimit = XMLStreamReader.maximumTextInPiece
  private var pieceElements = 0
  private var pieceText = 0
  /// The line of an element past those limits; the parse is then stopped.
  private(set) var pieceOverLimitLine: Int?

  private var open: [OpenElement] = []
  /// One text buffer per depth, reused from element to element.
  private var texts: [[UInt8]] = []
  private(set) var root: XMLElement?
  /// libxml2 interns names in its dictionary: each pointer becomes a Swift string once.
  private var strings: [UnsafeRawPointer: String] = [:]
  /// And each local name, prefix and namespace becomes one shared qualified name.
  private var qualifiedNames: [NameKey: XMLElement.QualifiedName] = [:]

  private struct NameKey: Hashable {
    let localName: UnsafeRawPointer
    let prefix: UnsafeRawPointer?
    let uri: UnsafeRawPointer?
  }
  /// The last long text made, shared by the next element whose text is the same: a feed's
  /// `description` often repeats its `content:encoded`, kilobytes per item.
  private var lastLongText = ""

  mutating func start(_ event: StartElementEvent, line: Int) {
    let name = qualifiedName(event), attributes = attributes(event), declarations = declarations(event)
    var streamed = false
    if let handler, open.last?.streamed ?? true {
      let header = XMLElement(
        name, attributes: attributes, namespaceDeclarations: declarations, text: "", children: [], line: line)
      streamed = handler.shouldStream(header, depth: open.count)
    }
    if handler != nil, !streamed {
      if open.last?.streamed ?? true { (pieceElements, pieceText) = (0, 0) }
      pieceElements += 1
      if pieceElements > Self.pieceElementLimit, pieceOverLimitLine == nil { pieceOverLimitLine = line }
    }
    open.append(
      OpenElement(
        qualifiedName: name, attributes: attributes, declarations: declarations, line: line, streamed: streamed))
    sawRoot = true
    if texts.count < open.count { texts.append([]) }
  }

  mutating func end() {
    guard let element = open.popLast() else { return }
    let depth = open.count
    if element.streamed {
      handler?.end(depth: depth)
      return
    }
    let built = XMLElement(
      element.qualifiedName, attributes: element.attributes, namespaceDeclarations: element.declarations,
      text: makeText(texts[depth]), children: element.children, line: element.line)
    texts[depth].removeAll(keepingCapacity: true)
    if let handler, open.last?.streamed ?? true {
      handler.child(built, depth: depth)
    } else if depth == 0 {
      root = built
    } else {
      open[depth - 1].children.append(built)
    }
  }

  mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let last = open.last, !last.streamed else { return }
    if handler != nil {
      pieceText += bytes.count
      if pieceText > Self.pieceTextLimit, pieceOverLimitLine == nil { pieceOverLimitLine = last.line }
    }
    texts[open.count - 1].append(contentsOf: bytes)
  }

  private mutating func makeText(_ bytes: [UInt8]) -> String {
    guard bytes.count >= Self.sharedTextLength else { return String(decoding: bytes, as: UTF8.self) }
    let same = lastLongText.utf8.count == bytes.count
      && lastLongText.utf8.withContiguousStorageIfAvailable { last in
        bytes.withUnsafeBufferPointer { next in
          guard let a = last.baseAddress, let b = next.baseAddress else { return false }
          return memcmp(a, b, next.count) == 0
        }
      } == true
    if same { return lastLongText }
    lastLongText = String(decoding: bytes, as: UTF8.self)
    return lastLongText
  }

  /// Texts at least this long are compared with the last one before a new string is made.
  private static let sharedTextLength = 256

  private mutating func attributes(_ event: StartElementEvent) -> [XMLElement.Attribute] {
    guard event.attributeCount > 0, let fields = event.attributes else { return [] }
    var result: [XMLElement.Attribute] = []
    result.reserveCapacity(event.attributeCount)
    for index in 0..<event.attributeCount {
      // Five pointers per attribute: local name, prefix, URI, value start, value end.
      let base = index * 5
      guard let localName = fields[base], let start = fields[base + 3], let end = fields[base + 4] else { continue }
      let prefix = fields[base + 1].map { string($0) }
      let uri = fields[base + 2].map { string($0) }
      let name = uri == nil ? prefix.map { "\($0):\(string(localName))" } ?? string(localName) : string(localName)
      let value = Self.decodeAmpersands(UnsafeBufferPointer(start: start, count: end - start))
      result.append(.init(name: name, namespaceURI: uri, value: value))
    }
    return result
  }

  private mutating func declarations(_ event: StartElementEvent) -> [XMLElement.NamespaceDeclaration] {
    guard event.namespaceCount > 0, let pairs = event.namespaces else { return [] }
    return (0..<event.namespaceCount).map { index in
      .init(prefix: pairs[index * 2].map { string($0) }, uri: pairs[index * 2 + 1].map { string($0) } ?? "")
    }
  }

  /// Without entity substitution libxml2 hands over `&` in attribute values as `&#38;`, for the
  /// tree builder to decode; no other reference can remain, as other entities are refused.
  private static func decodeAmpersands(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    let raw = String(decoding: bytes, as: UTF8.self)
    guard bytes.contains(UInt8(ascii: "&")) else { return raw }
    return raw.split(separator: "&#38;", omittingEmptySubsequences: false).joined(separator: "&")
  }

  /// An element with an undeclared prefix keeps its qualified name (`itunes:author`), in no namespace.
  private mutating func qualifiedName(_ event: StartElementEvent) -> XMLElement.QualifiedName {
    let key = NameKey(
      localName: UnsafeRawPointer(event.localName), prefix: event.prefix.map(UnsafeRawPointer.init),
      uri: event.uri.map(UnsafeRawPointer.init))
    if let known = qualifiedNames[key] { return known }
    let name = string(event.localName)
    let prefix = event.prefix.map { string($0) }
    let uri = event.uri.map { string($0) }
    let made = XMLElement.QualifiedName(
      name: uri == nil ? prefix.map { "\($0):\(name)" } ?? name : name, namespaceURI: uri, prefix: prefix)
    qualifiedNames[key] = made
    return made
  }

  private mutating func string(_ pointer: UnsafePointer<xmlChar>) -> String {
    let key = UnsafeRawPointer(pointer)
    if let known = strings[key] { return known }
    let value = String(cString: pointer)
    strings[key] = value
    return value
  }
}

/// The arguments of libxml2's `startElementNs` callback.
struct StartElementEvent {
  let localName: UnsafePointer<xmlChar>
  let prefix: UnsafePointer<xmlChar>?
  let uri: UnsafePointer<xmlChar>?
  let namespaceCount: Int
  let namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
  let attributeCount: Int
  let attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
}
