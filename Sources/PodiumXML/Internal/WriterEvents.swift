/// What an ``XMLWriter`` writes, turned into the calls `XMLStreamReader` makes on a handler for
/// the bytes written: the same elements (names and namespaces resolved, attributes, namespace
/// declarations, text, the line each start tag is on), streamed or built whole as the handler
/// asks. A check of what the writer wrote can then run without parsing it again; the events are
/// the ones a parse gives (`WriterEventsTests` compares the two on hostile documents).
///
/// Only what it can vouch for is handed over: a name that is not a plain XML name, a prefix
/// not declared, an attribute twice, text beside child elements (whose white space the writer's
/// indentation would mix into), or bytes added that it did not see (fragments) make it
/// `unfaithful`, and the caller must then parse the bytes instead.
struct WriterEvents {
  private struct Open {
    let name: String
    let line: Int
    var attributes: [(name: String, value: String)] = []
    /// Whether the start tag was handed on (the handler asked, or the element is being built).
    var started = false
    var streamed = false
    var qualifiedName: XMLElement.QualifiedName?
    var resolvedAttributes: [XMLElement.Attribute] = []
    var declarations: [XMLElement.NamespaceDeclaration] = []
    var text = ""
    var hasText = false
    var children: [XMLElement] = []
    var childCount = 0

    init(name: String, line: Int) {
      self.name = name
      self.line = line
    }
  }

  let handler: any XMLStreamHandler
  /// Elements open in the writer when the stream began: streamed ancestors, never reported.
  private let baseDepth: Int
  private let indent: Bool
  private var open: [Open] = []
  /// The namespaces in scope, innermost last: those given for the ancestors, then each open
  /// element's declarations.
  private var scopes: [[XMLElement.NamespaceDeclaration]]
  private(set) var unfaithful = false
  private var rootEnded = false
  private var names: [NameKey: XMLElement.QualifiedName] = [:]

  private struct NameKey: Hashable {
    let name: String
    let uri: String?
  }

  static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

  init(handler: any XMLStreamHandler, inScope: [XMLElement.NamespaceDeclaration], openElements: Int, indent: Bool) {
    self.handler = handler
    baseDepth = openElements
    self.indent = indent
    scopes = [inScope]
  }

  /// The writer gave up on its stream: nothing more is handed on.
  mutating func fail() { unfaithful = true }

  mutating func start(_ name: String, line: Int) {
    guard !unfaithful else { return }
    if !open.isEmpty {
      startTag()
      // Text beside elements: the indentation would join it, in a way not modelled here.
      if open[open.count - 1].hasText { return fail() }
      open[open.count - 1].childCount += 1
    } else if baseDepth == 0, rootEnded {
      // A second root: not well-formed.
      return fail()
    }
    guard Self.isName(name) else { return fail() }
    open.append(Open(name: name, line: line))
  }

  mutating func attribute(_ name: String, _ value: String) {
    guard !unfaithful, let last = open.indices.last, !open[last].started else { return fail() }
    guard Self.isName(name), !open[last].attributes.contains(where: { $0.name == name }) else { return fail() }
    open[last].attributes.append((name, value))
  }

  /// - Parameter cdata: written as CDATA, where the writer leaves carriage returns as they are.
  mutating func text(_ value: String, cdata: Bool = false) {
    guard !unfaithful, let last = open.indices.last else { return fail() }
    startTag()
    guard !unfaithful else { return }
    if open[last].childCount > 0 { return fail() }
    open[last].hasText = true
    if !open[last].streamed { open[last].text += cdata ? Self.normalizingLineEnds(value) : value }
  }

  mutating func end() {
    guard !unfaithful else { return }
    guard !open.isEmpty else { return fail() }
    startTag()
    guard !unfaithful, let element = open.popLast() else { return }
    scopes.removeLast()
    let depth = baseDepth + open.count
    if open.isEmpty { rootEnded = true }
    if element.streamed { return handler.end(depth: depth) }
    guard let qualifiedName = element.qualifiedName else { return fail() }
    var text = element.text
    if element.childCount > 0, indent {
      // libxml2's indentation: a line feed after the start tag, each child on its own line
      // indented one step deeper, and the end tag indented at the element's own depth.
      let inner = String(repeating: "  ", count: depth + 1)
      text = "\n" + String(repeating: inner + "\n", count: element.childCount) + String(repeating: "  ", count: depth)
    }
    let built = XMLElement(
      qualifiedName, attributes: element.resolvedAttributes, namespaceDeclarations: element.declarations, text: text,
      children: element.children, line: element.line)
    if open.isEmpty || open[open.count - 1].streamed {
      handler.child(built, depth: depth)
    } else {
      open[open.count - 1].children.append(built)
    }
  }

  /// The start tag of the innermost open element is complete (a child, text or its end comes):
  /// its names are resolved and it is handed on, streamed or to be built.
  private mutating func startTag() {
    guard let last = open.indices.last, !open[last].started else { return }
    open[last].started = true
    var declarations: [XMLElement.NamespaceDeclaration] = []
    var plain: [(name: String, value: String)] = []
    for (name, value) in open[last].attributes {
      if name == "xmlns" {
        guard !value.contains("&") else { return fail() }
        declarations.append(.init(prefix: nil, uri: value))
      } else if name.hasPrefix("xmlns:") {
        let prefix = String(name.dropFirst(6))
        // Declaring xml or xmlns, or a prefix as empty, is not well-formed in XML 1.0 namespaces.
        guard !value.isEmpty, prefix != "xml", prefix != "xmlns" else { return fail() }
        // libxml2 hands a declaration's `&` on as `&#38;`: not modelled.
        guard !value.contains("&") else { return fail() }
        declarations.append(.init(prefix: prefix, uri: value))
      } else {
        plain.append((name, value))
      }
    }
    guard Set(declarations.map(\.prefix)).count == declarations.count else { return fail() }
    scopes.append(declarations)
    guard let qualifiedName = resolve(open[last].name) else { return fail() }
    var attributes: [XMLElement.Attribute] = []
    attributes.reserveCapacity(plain.count)
    var expanded = Set<NameKey>()
    for (name, value) in plain {
      guard let colon = name.firstIndex(of: ":") else {
        attributes.append(.init(name: name, namespaceURI: nil, value: value))
        guard expanded.insert(NameKey(name: name, uri: nil)).inserted else { return fail() }
        continue
      }
      let prefix = String(name[..<colon])
      guard let uri = prefix == "xml" ? Self.xmlNamespace : namespace(of: prefix) else { return fail() }
      let local = String(name[name.index(after: colon)...])
      guard expanded.insert(NameKey(name: local, uri: uri)).inserted else { return fail() }
      attributes.append(.init(name: local, namespaceURI: uri, value: value))
    }
    open[last].qualifiedName = qualifiedName
    open[last].resolvedAttributes = attributes
    open[last].declarations = declarations
    let parentStreamed = last == 0 || open[last - 1].streamed
    guard parentStreamed else { return }
    let header = XMLElement(
      qualifiedName, attributes: attributes, namespaceDeclarations: declarations, text: "", children: [],
      line: open[last].line)
    open[last].streamed = handler.shouldStream(header, depth: baseDepth + last)
  }

  /// The element's name in the scopes: a prefix must be declared (libxml2 reports an undeclared
  /// one, and keeps the qualified name: not modelled, so refused).
  private mutating func resolve(_ name: String) -> XMLElement.QualifiedName? {
    let prefix: String?, local: String, uri: String?
    if let colon = name.firstIndex(of: ":") {
      prefix = String(name[..<colon])
      local = String(name[name.index(after: colon)...])
      guard let found = prefix.flatMap({ $0 == "xml" ? nil : namespace(of: $0) }) else { return nil }
      uri = found
    } else {
      (prefix, local) = (nil, name)
      let found = namespace(of: nil)
      uri = found?.isEmpty == true ? nil : found
    }
    let key = NameKey(name: name, uri: uri)
    if let known = names[key] { return known }
    let made = XMLElement.QualifiedName(name: local, namespaceURI: uri, prefix: prefix)
    names[key] = made
    return made
  }

  /// The URI a prefix (`nil`: the default namespace) is bound to in the innermost scope declaring it.
  private func namespace(of prefix: String?) -> String? {
    for scope in scopes.reversed() {
      if let found = scope.last(where: { $0.prefix == prefix }) { return found.uri }
    }
    return nil
  }

  /// CDATA as a parser hands it on: libxml2's writer leaves a carriage return in a CDATA section
  /// as it is (in text and attribute values it writes `&#13;`), and XML's end-of-line handling
  /// makes `\r\n` and a lone `\r` a line feed (https://www.w3.org/TR/xml/#sec-line-ends).
  static func normalizingLineEnds(_ text: String) -> String {
    guard text.utf8.contains(0x0D) else { return text }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    var afterReturn = false
    for byte in text.utf8 {
      if byte == 0x0A, afterReturn {
        afterReturn = false
        continue
      }
      afterReturn = byte == 0x0D
      bytes.append(afterReturn ? 0x0A : byte)
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// A name of ASCII letters, digits, `-`, `_` and `.`, not starting with a digit, `-` or `.`,
  /// with at most one `:` between two such parts: every name Podium writes, and a subset of
  /// XML's `QName` (https://www.w3.org/TR/xml-names/#ns-qualnames) whose parse is plain.
  static func isName(_ name: String) -> Bool {
    var parts = 0
    var partStart = true
    for byte in name.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"):
        partStart = false
      case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."):
        if partStart { return false }
      case UInt8(ascii: ":"):
        if partStart { return false }
        parts += 1
        partStart = true
      default:
        return false
      }
    }
    return !partStart && parts <= 1
  }
}
