internal import CLibXML2

/// Parses an HTML fragment with libxml2's HTML parser and streams it to a visitor.
///
/// The parser runs with no network, no error output and the input's own encoding hints
/// (`<meta charset>`) ignored, since the text is always UTF-8. It reports elements through
/// its SAX callbacks instead of building a document: the same elements in the same order,
/// at about half the cost. Each call has its own parser context, so calls may run on many
/// threads at once.
enum HTMLFragmentParser {
  private static let options = Int32(
    HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
      | HTML_PARSE_NODEFDTD.rawValue | HTML_PARSE_IGNORE_ENC.rawValue | HTML_PARSE_RECOVER.rawValue)

  /// A leading `<body>` keeps text at the top level as it is; otherwise libxml2 wraps it in
  /// an implied `<p>`, and `<meta>` or `<style>` would move into a `<head>`.
  private static let prefix = Array("<body>".utf8)

  /// - Returns: the visitor after it has seen the whole fragment, or as much as it wanted.
  static func parse<Visitor: HTMLTreeVisitor>(_ html: String, with visitor: Visitor) -> Visitor {
    _ = libxmlInitialized
    var input = prefix
    input.reserveCapacity(prefix.count + html.utf8.count)
    input.append(contentsOf: html.utf8)
    // NUL ends the input for libxml2 in places; nothing in a fragment needs it.
    if containsNUL(input) { input.removeAll { $0 == 0 } }
    guard input.count <= Int(Int32.max), let context = htmlNewParserCtxt(), let handler = context.pointee.sax else {
      return visitor
    }
    defer { htmlFreeParserCtxt(context) }
    handler.pointee = Visitor.callbacks
    var state = HTMLParseState(visitor: visitor)
    withUnsafeMutablePointer(to: &state) { pointer in
      context.pointee._private = UnsafeMutableRawPointer(pointer)
      let document = input.withUnsafeBufferPointer { buffer in
        buffer.withMemoryRebound(to: CChar.self) { chars in
          htmlCtxtReadMemory(context, chars.baseAddress, Int32(chars.count), nil, "UTF-8", options)
        }
      }
      // Without a start-document callback libxml2 builds no document; free one just in case.
      if let document { xmlFreeDoc(document) }
      context.pointee._private = nil
    }
    return state.visitor
  }

  /// Looks at eight bytes at a time: a word has a zero byte exactly when
  /// `(word - 0x01…01) & ~word & 0x80…80` is not zero.
  private static func containsNUL(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBytes { raw in
      var offset = 0
      while offset + 8 <= raw.count {
        let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        if (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0 { return true }
        offset += 8
      }
      return raw[offset...].contains(0)
    }
  }
}
