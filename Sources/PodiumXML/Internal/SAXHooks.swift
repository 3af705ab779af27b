internal import CLibXML2

/// The SAX handler of a parse: events go to the session's `TreeBuilder`, never into a
/// libxml2 tree.
///
/// - Entity declarations stop the parser at once: nothing is expanded or loaded.
/// - A reference to an entity that is not predefined is refused the same way.
/// - Errors go to the session instead of stderr, so the first one can be reported.
/// - Each element records the line its start tag begins on, with no 65,535 cap.
enum SAXHooks {
  static func install(on ctxt: xmlParserCtxtPtr) {
    guard let sax = ctxt.pointee.sax else { return }
    sax.pointee.startDocument = { _ in }
    sax.pointee.endDocument = { _ in }
    sax.pointee.internalSubset = nil
    sax.pointee.externalSubset = nil
    sax.pointee.comment = nil
    sax.pointee.processingInstruction = nil
    sax.pointee.entityDecl = { context, name, _, _, _, _ in SAXHooks.refuse(context, name, declared: true) }
    sax.pointee.unparsedEntityDecl = { context, name, _, _, _ in SAXHooks.refuse(context, name, declared: true) }
    sax.pointee.reference = { context, name in SAXHooks.refuse(context, name, declared: false) }
    sax.pointee.serror = { context, error in
      guard let error else { return }
      ParseSession.from(context)?.record(error.pointee)
    }
    sax.pointee.startElementNs = { context, localName, prefix, uri, nbNs, namespaces, nbAttributes, _, attributes in
      guard let ctxt = context?.assumingMemoryBound(to: xmlParserCtxt.self), let localName,
        let session = ParseSession.from(context)
      else { return }
      let event = StartElementEvent(
        localName: localName, prefix: prefix, uri: uri, namespaceCount: Int(nbNs), namespaces: namespaces,
        attributeCount: Int(nbAttributes), attributes: attributes)
      session.tree.start(event, line: SAXHooks.startLine(ctxt))
      if session.tree.pieceOverLimitLine != nil { xmlStopParser(ctxt) }
    }
    sax.pointee.endElementNs = { context, _, _, _ in ParseSession.from(context)?.tree.end() }
    let characters: charactersSAXFunc = { context, bytes, length in
      guard let bytes, length > 0, let session = ParseSession.from(context) else { return }
      session.tree.text(UnsafeBufferPointer(start: bytes, count: Int(length)))
      if session.tree.pieceOverLimitLine != nil, let ctxt = context?.assumingMemoryBound(to: xmlParserCtxt.self) {
        xmlStopParser(ctxt)
      }
    }
    sax.pointee.characters = characters
    sax.pointee.ignorableWhitespace = characters
    sax.pointee.cdataBlock = characters
  }

  fileprivate static func refuse(
    _ context: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?, declared: Bool
  ) {
    guard let ctxt = context?.assumingMemoryBound(to: xmlParserCtxt.self) else { return }
    let line = ctxt.pointee.input.map { Int($0.pointee.line) } ?? 0
    let entity = name.map { String(cString: $0) } ?? ""
    ParseSession.from(context)?.refuseEntity(named: entity, line: line, declared: declared)
    xmlStopParser(ctxt)
  }

  /// libxml2 reports the line of the tag's end; walk back to its `<` (attribute values cannot
  /// hold a raw `<`) so a start tag spread over several lines points at its first line.
  fileprivate static func startLine(_ ctxt: xmlParserCtxtPtr) -> Int {
    guard let input = ctxt.pointee.input else { return 0 }
    let line = Int(input.pointee.line)
    guard let base = input.pointee.base, var cursor = input.pointee.cur else { return line }
    var newlines = 0
    while cursor > base {
      cursor -= 1
      if cursor.pointee == UInt8(ascii: "<") { return line - newlines }
      if cursor.pointee == UInt8(ascii: "\n") { newlines += 1 }
    }
    return line
  }
}
