internal import CLibXML2
import Foundation

/// One parse: a fresh parser context, safe options, SAX hooks that build Swift values.
struct LibXMLReader {
  /// Network off. Never NOENT (entity substitution), DTDLOAD, DTDATTR, DTDVALID (which load
  /// and apply DTDs) or HUGE (which lifts libxml2's own limits on depth and text size).
  static let options = Int32(XML_PARSE_NONET.rawValue)

  let maximumSize: Int

  func read(_ data: Data) throws(XMLParseError) -> XMLDocument {
    guard data.count <= Int(Int32.max) else { throw XMLParseError(.tooLarge(size: data.count, limit: maximumSize)) }
    return try document(parse(data, handler: nil))
  }

  /// Reads a file in pieces as libxml2 asks for them, so the document is never held whole.
  func read(contentsOfFile path: String) throws(XMLParseError) -> XMLDocument {
    try document(parse(contentsOfFile: path, sizeLimit: min(maximumSize, Int(Int32.max)), handler: nil))
  }

  /// Streams a document to `handler` instead of building its tree.
  func stream(_ data: Data, into handler: any XMLStreamHandler) throws(XMLParseError) -> XMLPrologue {
    try parse(data, handler: handler).prologue
  }

  func stream(contentsOfFile path: String, into handler: any XMLStreamHandler) throws(XMLParseError) -> XMLPrologue {
    try parse(contentsOfFile: path, sizeLimit: maximumSize, handler: handler).prologue
  }

  private func document(_ parsed: (root: XMLElement?, prologue: XMLPrologue)) throws(XMLParseError) -> XMLDocument {
    guard let root = parsed.root else { throw XMLParseError(.malformed(message: "the document has no root element")) }
    return XMLDocument(
      root: root, hasXMLDeclaration: parsed.prologue.hasXMLDeclaration,
      declaredEncoding: parsed.prologue.declaredEncoding)
  }

  private func parse(_ data: Data, handler: (any XMLStreamHandler)?) throws(XMLParseError) -> (
    root: XMLElement?, prologue: XMLPrologue
  ) {
    guard data.count <= maximumSize else { throw XMLParseError(.tooLarge(size: data.count, limit: maximumSize)) }
    // Read through a callback rather than xmlCtxtReadMemory, which would first copy the
    // whole document into a buffer of its own (28 MB for a 10,000-episode feed); this way
    // libxml2 holds a few kilobytes at a time.
    let result = data.withUnsafeBytes { bytes in
      Result { () throws(XMLParseError) in try parse(InputSource(bytes), handler: handler) }
    }
    return try result.get()
  }

  private func parse(contentsOfFile path: String, sizeLimit: Int, handler: (any XMLStreamHandler)?) throws(
    XMLParseError
  ) -> (root: XMLElement?, prologue: XMLPrologue) {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw XMLParseError(.unreadable(path: path, detail: String(cString: strerror(errno)))) }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      throw XMLParseError(.unreadable(path: path, detail: String(cString: strerror(errno))))
    }
    let size = Int(status.st_size)
    guard size <= sizeLimit else { throw XMLParseError(.tooLarge(size: size, limit: maximumSize)) }
    return try parse(InputSource(descriptor: descriptor, path: path, limit: sizeLimit), handler: handler)
  }

  private func parse(_ source: InputSource, handler: (any XMLStreamHandler)?) throws(XMLParseError) -> (
    root: XMLElement?, prologue: XMLPrologue
  ) {
    _ = libxmlInitialized
    guard let ctxt = xmlNewParserCtxt() else { throw XMLParseError(.libxml(operation: "xmlNewParserCtxt")) }
    defer { xmlFreeParserCtxt(ctxt) }
    let session = ParseSession()
    session.tree.handler = handler
    return try withExtendedLifetime(session) { () throws(XMLParseError) -> (root: XMLElement?, prologue: XMLPrologue) in
      ctxt.pointee._private = Unmanaged.passUnretained(session).toOpaque()
      xmlCtxtUseOptions(ctxt, Self.options)
      SAXHooks.install(on: ctxt)
      let doc = withExtendedLifetime(source) {
        xmlCtxtReadIO(ctxt, InputSource.read, nil, Unmanaged.passUnretained(source).toOpaque(), nil, nil, Self.options)
      }
      xmlFreeDoc(doc)  // Always nil, as the hooks build no tree; freed in case a hook was bypassed.
      if source.overLimit { throw XMLParseError(.tooLarge(size: source.count, limit: maximumSize)) }
      if let line = session.tree.pieceOverLimitLine {
        throw XMLParseError(
          .elementTooLarge(elements: TreeBuilder.pieceElementLimit, textBytes: TreeBuilder.pieceTextLimit), line: line)
      }
      if let line = source.attributes.refusedLine {
        throw XMLParseError(.tooManyAttributes(limit: AttributeCounter.limit), line: line)
      }
      if let failure = source.readFailure {
        throw XMLParseError(.unreadable(path: source.path ?? "", detail: String(cString: strerror(failure))))
      }
      guard source.sawContent else { throw XMLParseError(.empty, line: 1) }
      return try checked(ctxt: ctxt, session: session, source: source)
    }
  }

  private func checked(ctxt: xmlParserCtxtPtr, session: ParseSession, source: InputSource) throws(XMLParseError)
    -> (root: XMLElement?, prologue: XMLPrologue)
  {
    if let refused = session.refusedEntity {
      let reason: XMLParseError.Reason =
        refused.declared ? .entityDeclaration(name: refused.name) : .entityReference(name: refused.name)
      throw XMLParseError(reason, line: refused.line)
    }
    guard ctxt.pointee.wellFormed != 0, session.tree.sawRoot else {
      throw Self.failure(session.firstError, ctxt: ctxt)
    }
    let prologue = XMLPrologue(
      hasXMLDeclaration: Self.startsWithDeclaration(source.head),
      declaredEncoding: ctxt.pointee.encoding.map { String(cString: $0) })
    return (session.tree.root, prologue)
  }

  private static func failure(_ first: ParseSession.FirstError?, ctxt: xmlParserCtxtPtr) -> XMLParseError {
    guard let first else {
      let last = ctxt.pointee.lastError
      let message = last.message.map { String(cString: $0) } ?? "the document has no root element"
      return XMLParseError(.malformed(message: message), line: last.line > 0 ? Int(last.line) : nil)
    }
    let line = first.line > 0 ? first.line : nil
    switch first.code {
    case Int32(XML_ERR_UNDECLARED_ENTITY.rawValue):
      return XMLParseError(.undefinedEntity(message: first.message), line: line)
    case Int32(XML_ERR_MISPLACED_CDATA_END.rawValue), Int32(XML_ERR_CDATA_NOT_FINISHED.rawValue):
      return XMLParseError(.misplacedCDATAEnd(message: first.message), line: line)
    default:
      return XMLParseError(.malformed(message: explained(first.message)), line: line)
    }
  }

  /// libxml2's words where they name its own options or internals rather than the document's
  /// mistake; a finding is one line, so libxml2's own line breaks go too.
  private static func explained(_ message: String) -> String {
    let depth = "Excessive depth in document: "
    if message.hasPrefix(depth) {
      let limit = message.dropFirst(depth.count).prefix { $0.isNumber }
      return "elements are nested more than \(limit.isEmpty ? "256" : limit) levels deep, far more than any feed needs"
    }
    if message.hasPrefix("Input is not proper UTF-8") {
      // "…, indicate encoding !\nBytes: 0xE9 0x3C 0x2F 0x74"
      let bytes = message.components(separatedBy: "Bytes:").dropFirst().first?.trimmingCharacters(in: .whitespaces)
      return "the text is not UTF-8" + (bytes.map { " at the bytes \($0)" } ?? "")
        + "; save the file as UTF-8, or name its encoding in the XML declaration (<?xml version=\"1.0\" encoding=\"…\"?>)"
    }
    if message.hasPrefix("AttValue length too long") {
      return "an attribute value is longer than 10,000,000 characters, far longer than any feed needs"
    }
    if message.hasPrefix("Name too long") {
      return "a tag or attribute name is longer than 50,000 characters, far longer than any feed needs"
    }
    if message.contains("Huge input lookup") {
      return "a name or value is far longer than any feed needs, so the document was not read further"
    }
    return message.split(whereSeparator: \.isNewline).joined(separator: " ")
  }

  /// `<?xml` at the very start, after a BOM if there is one.
  private static func startsWithDeclaration(_ head: [UInt8]) -> Bool {
    let prefixes: [[UInt8]] = [
      Array("<?xml".utf8), [0xEF, 0xBB, 0xBF] + Array("<?xml".utf8),
      [0xFF, 0xFE, 0x3C, 0x00, 0x3F, 0x00], [0xFE, 0xFF, 0x00, 0x3C, 0x00, 0x3F],
    ]
    return prefixes.contains { head.starts(with: $0) }
  }
}

/// Hands libxml2 a document, from memory or from a file, in the pieces it asks for, and notes
/// what the checks after the parse need: the first bytes, and whether any was not whitespace.
private final class InputSource {
  private enum Origin {
    case memory(UnsafeRawBufferPointer)
    case file(Int32)
  }

  private let origin: Origin
  private let limit: Int
  /// Bytes handed over so far.
  private(set) var count = 0
  private(set) var head: [UInt8] = []
  private(set) var sawContent = false
  /// A file that grew past the limit while it was read.
  private(set) var overLimit = false
  /// Watches each start tag's attributes before libxml2 reads them.
  private(set) var attributes = AttributeCounter()
  /// The `errno` of a read that failed.
  private(set) var readFailure: Int32?
  /// The file's path, for messages.
  let path: String?

  init(_ bytes: UnsafeRawBufferPointer) {
    origin = .memory(bytes)
    limit = bytes.count
    path = nil
  }

  init(descriptor: Int32, path: String, limit: Int) {
    origin = .file(descriptor)
    self.path = path
    self.limit = limit
  }

  static let read: xmlInputReadCallback = { context, buffer, length in
    guard let context, let buffer, length >= 0 else { return -1 }
    let source = Unmanaged<InputSource>.fromOpaque(context).takeUnretainedValue()
    return Int32(source.fill(UnsafeMutableRawBufferPointer(start: buffer, count: Int(length))))
  }

  private func fill(_ buffer: UnsafeMutableRawBufferPointer) -> Int {
    guard let target = buffer.baseAddress else { return 0 }
    var filled: Int
    switch origin {
    case .memory(let bytes):
      filled = min(buffer.count, bytes.count - count)
      guard filled > 0, let base = bytes.baseAddress else { return 0 }
      target.copyMemory(from: base + count, byteCount: filled)
    case .file(let descriptor):
      repeat { filled = Foundation.read(descriptor, target, buffer.count) } while filled < 0 && errno == EINTR
      if filled < 0 { readFailure = errno }
      guard filled > 0 else { return filled }
      guard count + filled <= limit else {
        // Counted, so the error gives a size over the limit, not what was read before.
        count += filled
        overLimit = true
        return -1
      }
    }
    let piece = UnsafeRawBufferPointer(start: target, count: filled)
    note(piece)
    count += filled
    // libxml2 never sees a tag with too many attributes: the parse stops as a failed read.
    attributes.scan(piece)
    return attributes.refusedLine == nil ? filled : -1
  }

  private func note(_ bytes: UnsafeRawBufferPointer) {
    if head.count < 8 { head += bytes.prefix(8 - head.count) }
    if !sawContent { sawContent = bytes.contains { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) } }
  }
}
