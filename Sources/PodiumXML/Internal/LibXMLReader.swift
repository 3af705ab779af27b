internal import CLibXML2
import Foundation

/// One parse: a fresh parser context, safe options, SAX hooks that build Swift values.
struct LibXMLReader {
  /// Network off. Never NOENT (entity substitution), DTDLOAD, DTDATTR, DTDVALID (which load
  /// and apply DTDs) or HUGE (which lifts libxml2's own limits on depth and text size).
  static let options = Int32(XML_PARSE_NONET.rawValue)

  let maximumSize: Int

  func read(_ data: Data) throws(XMLParseError) -> XMLDocument {
    _ = libxmlInitialized
    guard data.count <= maximumSize, data.count <= Int(Int32.max) else {
      throw XMLParseError(.tooLarge(size: data.count, limit: maximumSize))
    }
    guard data.contains(where: { !Self.isWhitespace($0) }) else { throw XMLParseError(.empty, line: 1) }
    guard let ctxt = xmlNewParserCtxt() else { throw XMLParseError(.libxml(operation: "xmlNewParserCtxt")) }
    defer { xmlFreeParserCtxt(ctxt) }
    let session = ParseSession()
    return try withExtendedLifetime(session) { () throws(XMLParseError) -> XMLDocument in
      ctxt.pointee._private = Unmanaged.passUnretained(session).toOpaque()
      xmlCtxtUseOptions(ctxt, Self.options)
      SAXHooks.install(on: ctxt)
      // Read through a callback rather than xmlCtxtReadMemory, which would first copy the
      // whole document into a buffer of its own (28 MB for a 10,000-episode feed); this way
      // libxml2 holds a few kilobytes at a time.
      let doc = data.withUnsafeBytes { bytes in
        let source = MemorySource(bytes)
        return withExtendedLifetime(source) {
          xmlCtxtReadIO(
            ctxt, MemorySource.read, nil, Unmanaged.passUnretained(source).toOpaque(), nil, nil, Self.options)
        }
      }
      xmlFreeDoc(doc)  // Always nil, as the hooks build no tree; freed in case a hook was bypassed.
      return try document(ctxt: ctxt, session: session, data: data)
    }
  }

  private func document(ctxt: xmlParserCtxtPtr, session: ParseSession, data: Data) throws(XMLParseError)
    -> XMLDocument
  {
    if let refused = session.refusedEntity {
      let reason: XMLParseError.Reason =
        refused.declared ? .entityDeclaration(name: refused.name) : .entityReference(name: refused.name)
      throw XMLParseError(reason, line: refused.line)
    }
    guard ctxt.pointee.wellFormed != 0, let root = session.tree.root else {
      throw Self.failure(session.firstError, ctxt: ctxt)
    }
    return XMLDocument(
      root: root, hasXMLDeclaration: Self.startsWithDeclaration(data),
      declaredEncoding: ctxt.pointee.encoding.map { String(cString: $0) })
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
      return XMLParseError(.malformed(message: first.message), line: line)
    }
  }

  private static func isWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }

  /// `<?xml` at the very start, after a BOM if there is one.
  private static func startsWithDeclaration(_ data: Data) -> Bool {
    let prefixes: [[UInt8]] = [
      Array("<?xml".utf8), [0xEF, 0xBB, 0xBF] + Array("<?xml".utf8),
      [0xFF, 0xFE, 0x3C, 0x00, 0x3F, 0x00], [0xFE, 0xFF, 0x00, 0x3C, 0x00, 0x3F],
    ]
    return prefixes.contains { data.starts(with: $0) }
  }
}

/// Hands libxml2 a document in memory in the pieces it asks for.
private final class MemorySource {
  private let bytes: UnsafeRawBufferPointer
  private var offset = 0

  init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

  static let read: xmlInputReadCallback = { context, buffer, length in
    guard let context, let buffer, length >= 0 else { return -1 }
    let source = Unmanaged<MemorySource>.fromOpaque(context).takeUnretainedValue()
    let count = min(Int(length), source.bytes.count - source.offset)
    guard count > 0, let base = source.bytes.baseAddress else { return 0 }
    UnsafeMutableRawPointer(buffer).copyMemory(from: base + source.offset, byteCount: count)
    source.offset += count
    return Int32(count)
  }
}
