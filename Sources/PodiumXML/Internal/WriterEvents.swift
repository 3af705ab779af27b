#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

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
    open.append(Open(name: name, line: line))
  }

  mutating func attribute(_ name: String, _ value: String) {
    guard !unfaithful, let last = open.indices.last, !open[last].started else { return fail() }
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
    var plain: [(name: Name, value: String)] = []
    for (name, value) in open[last].attributes {
      guard let parts = split(name) else { return fail() }
      // libxml2 hands a declaration's `&` on as `&#38;`: not modelled.
      if parts.prefix == nil, parts.local == "xmlns" {
        guard !value.utf8.contains(UInt8(ascii: "&")) else { return fail() }
        declarations.append(.init(prefix: nil, uri: value))
      } else if parts.prefix == "xmlns" {
        // Declaring xml or xmlns, or a prefix as empty, is not well-formed in XML 1.0 namespaces.
        guard !value.isEmpty, parts.local != "xml", parts.local != "xmlns", !value.utf8.contains(UInt8(ascii: "&"))
        else { return fail() }
        declarations.append(.init(prefix: parts.local, uri: value))
      } else {
        plain.append((parts, value))
      }
    }
    for (index, declaration) in declarations.enumerated() where declarations[..<index].contains(where: { $0.prefix == declaration.prefix }) {
      return fail()
    }
    scopes.append(declarations)
    guard let qualifiedName = resolve(open[last].name) else { return fail() }
    var attributes: [XMLElement.Attribute] = []
    attributes.reserveCapacity(plain.count)
    for (name, value) in plain {
      var uri: String?
      if let prefix = name.prefix {
        guard let found = prefix == "xml" ? Self.xmlNamespace : namespace(of: prefix) else { return fail() }
        uri = found
      }
      // The same name twice, as written or once its prefix is resolved: not well-formed.
      guard !attributes.contains(where: { $0.name == name.local && $0.namespaceURI == uri }) else { return fail() }
      attributes.append(.init(name: name.local, namespaceURI: uri, value: value))
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

  /// A name's prefix and local part, and the qualified name it was last resolved to.
  private struct Name {
    let prefix: String?
    let local: String
    var resolved: XMLElement.QualifiedName?
  }

  /// Each name written, split once (`nil`: not one it vouches for): a feed writes the same few
  /// tens of names for every item.
  private var names: [String: Name?] = [:]

  private mutating func split(_ name: String) -> Name? {
    if let known = names[name] { return known }
    var made: Name?
    if Self.isName(name) {
      let bytes = Array(name.utf8)
      if let colon = bytes.firstIndex(of: UInt8(ascii: ":")) {
        made = Name(
          prefix: String(decoding: bytes[..<colon], as: UTF8.self),
          local: String(decoding: bytes[(colon + 1)...], as: UTF8.self))
      } else {
        made = Name(prefix: nil, local: name)
      }
    }
    names.updateValue(made, forKey: name)
    return made
  }

  /// The element's name in the scopes: a prefix must be declared (libxml2 reports an undeclared
  /// one, and keeps the qualified name: not modelled, so refused).
  private mutating func resolve(_ name: String) -> XMLElement.QualifiedName? {
    guard var parts = split(name) else { return nil }
    let uri: String?
    if let prefix = parts.prefix {
      guard prefix != "xml", let found = namespace(of: prefix) else { return nil }
      uri = found
    } else {
      let found = namespace(of: nil)
      uri = found?.isEmpty == true ? nil : found
    }
    if let known = parts.resolved, known.namespaceURI == uri { return known }
    let made = XMLElement.QualifiedName(name: parts.local, namespaceURI: uri, prefix: parts.prefix)
    parts.resolved = made
    names[name] = parts
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
    let hasReturn = text.utf8.withContiguousStorageIfAvailable { bytes in
      bytes.count > 0 && memchr(bytes.baseAddress!, 0x0D, bytes.count) != nil
    } ?? text.utf8.contains(0x0D)
    guard hasReturn else { return text }
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
    for byte in Array(name.utf8) {
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
