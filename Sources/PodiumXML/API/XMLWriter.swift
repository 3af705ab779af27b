import Foundation
internal import CLibXML2

/// Writes one XML document through libxml2's xmlTextWriter, so escaping is libxml2's job and
/// never string concatenation. Every call is checked; text that XML cannot carry is refused.
public final class XMLWriter {
  private let sink: XMLOutputSink
  private let writer: xmlTextWriterPtr
  private let indent: Bool
  /// Whether the last element's start tag is still open (`<name` written, `>` not yet): a child
  /// then starts on the next line, once libxml2 closes the tag.
  private var startTagOpen = false
  /// Where what is written goes as events too, when asked (``stream(into:inScope:lineShift:)``).
  private var events: WriterEvents?
  private var eventLineShift = 0

  /// Writes into memory; ``finish()`` returns the document.
  ///
  /// - Parameter indent: pretty-print with two spaces, for feeds people read in diffs.
  public convenience init(indent: Bool = true) throws {
    try self.init(sink: XMLOutputSink(), indent: indent)
  }

  /// Writes into a new file as the document goes, so a large one is never held in memory.
  /// The file must not exist yet; ``finish()`` closes it and throws if any write failed. A
  /// failed document leaves what was written: write into a folder that is thrown away on
  /// failure, as a build's staging folder is.
  public convenience init(creatingFileAt path: String, indent: Bool = true) throws {
    try self.init(sink: XMLOutputSink(creating: path), indent: indent)
  }

  init(sink: XMLOutputSink, indent: Bool) throws {
    self.sink = sink
    // Writers are made on several threads at once (fragments): libxml2's globals must be set up first.
    _ = libxmlInitialized
    // libxml2 hands its output to the sink in small chunks, so a large feed is held once, not
    // also in a libxml2 buffer that grows by doubling and is then copied.
    let context = Unmanaged.passUnretained(sink).toOpaque()
    guard let output = xmlOutputBufferCreateIO(XMLOutputSink.write, nil, context, nil) else {
      throw XMLWriterError(.libxml(operation: "xmlOutputBufferCreateIO"))
    }
    guard let writer = xmlNewTextWriter(output) else {
      xmlOutputBufferClose(output)
      throw XMLWriterError(.libxml(operation: "xmlNewTextWriter"))
    }
    self.writer = writer
    self.indent = indent
    if indent {
      xmlTextWriterSetIndent(writer, 1)
      xmlTextWriterSetIndentString(writer, "  ")
    }
  }

  deinit {
    xmlFreeTextWriter(writer)
  }

  /// `<?xml version="1.0" encoding="UTF-8"?>`
  public func startDocument() throws {
    try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "startDocument")
  }

  public func startElement(_ name: String) throws {
    if events != nil { events?.start(name, line: try line() + eventLineShift) }
    try check(xmlTextWriterStartElement(writer, name), "startElement(\(name))")
    startTagOpen = true
    openElements += 1
  }

  public func endElement() throws {
    try check(xmlTextWriterEndElement(writer), "endElement")
    startTagOpen = false
    openElements -= 1
    events?.end()
  }

  /// Elements started and not yet ended.
  private var openElements = 0

  /// From here on, hands what this writer writes to `handler` as `XMLStreamReader` would hand it
  /// a parse of the bytes: the elements open now are streamed ancestors, whose end is not
  /// reported. Check ``isStreamFaithful`` before using what the handler got.
  ///
  /// - Parameters:
  ///   - inScope: the namespaces declared on the elements open now (a fragment's writer has its
  ///     ancestors without them), outermost first.
  ///   - lineShift: added to every line, for elements whose lines are counted elsewhere (a
  ///     fragment's, in the writer it goes into).
  public func stream(
    into handler: some XMLStreamHandler, inScope: [XMLElement.NamespaceDeclaration] = [], lineShift: Int = 0
  ) {
    events = WriterEvents(handler: handler, inScope: inScope, openElements: openElements, indent: indent)
    eventLineShift = lineShift
  }

  /// Stops handing events on; returns whether everything handed on was as a parse would give it:
  /// `false` when something was written that the events can't vouch for (see `WriterEvents`), and
  /// the handler's events must not be used.
  @discardableResult public func stopStreaming() -> Bool {
    defer { events = nil }
    return isStreamFaithful
  }

  /// Whether the events handed on so far are those a parse of the bytes gives.
  public var isStreamFaithful: Bool { events.map { !$0.unfaithful } ?? false }

  /// The line (from 1) the next element will start on, so a writer's caller can map lines of
  /// the document back to what produced them. Flushes libxml2's buffer, so call it per element
  /// of interest, not per character of text.
  public func line() throws -> Int {
    try check(xmlTextWriterFlush(writer), "flush")
    return sink.newlines + 1 + (startTagOpen && indent ? 1 : 0)
  }

  public func attribute(_ name: String, _ value: String) throws {
    try validate(value, context: "attribute '\(name)'")
    try check(xmlTextWriterWriteAttribute(writer, name, value), "attribute(\(name))")
    events?.attribute(name, value)
  }

  public func text(_ value: String) throws {
    try validate(value, context: "text")
    try check(xmlTextWriterWriteString(writer, value), "text")
    startTagOpen = false
    events?.text(value)
  }

  /// Writes text as CDATA, splitting any `]]>` so the section can never end early.
  public func cdata(_ value: String) throws {
    try validate(value, context: "CDATA")
    events?.text(value, cdata: true)
    guard Self.containsCDATAEnd(value) else {
      try check(xmlTextWriterWriteCDATA(writer, value), "cdata")
      startTagOpen = false
      return
    }
    let parts = value.components(separatedBy: "]]>")
    for (index, part) in parts.enumerated() {
      var piece = part
      if index > 0 { piece = ">" + piece }
      if index < parts.count - 1 { piece += "]]" }
      try check(xmlTextWriterWriteCDATA(writer, piece), "cdata")
    }
    startTagOpen = false
  }

  /// `<name attr="…">text</name>` in one call.
  public func element(_ name: String, _ text: String? = nil, attributes: KeyValuePairs<String, String> = [:]) throws {
    try startElement(name)
    for (key, value) in attributes { try attribute(key, value) }
    if let text { try self.text(text) }
    try endElement()
  }

  /// An element whose text is CDATA.
  public func cdataElement(_ name: String, _ text: String) throws {
    try startElement(name)
    try cdata(text)
    try endElement()
  }

  /// Writes elements with a separate writer, as they come out inside `ancestors` after a
  /// sibling element, and returns their bytes. Fragments let the items of a large feed be
  /// written on several cores by libxml2 and then put together with ``append(fragments:)``.
  ///
  /// - Parameters:
  ///   - ancestors: the names of the open elements the fragment goes in, outermost first.
  ///   - indent: as for ``init(indent:)``; it must match the writer the fragment goes into.
  ///   - write: writes whole elements, leaving none open.
  /// - Returns: the bytes the elements would add to a writer at that point.
  public static func fragment(
    inside ancestors: [String], indent: Bool = true, _ write: (XMLWriter) throws -> Void
  ) throws -> XMLFragment {
    let xml = try XMLWriter(indent: indent)
    try xml.startDocument()
    for name in ancestors { try xml.startElement(name) }
    // A finished sibling leaves the parent's start tag closed and the next line to indent,
    // as it is in the writer the fragment goes into.
    try xml.element("fragment-start")
    let firstLine = try xml.line()
    let start = xml.sink.data.count
    try write(xml)
    try xml.check(xmlTextWriterFlush(xml.writer), "flush")
    return XMLFragment(
      bytes: xml.sink.data.subdata(in: start..<xml.sink.data.count), ancestors: ancestors, indent: indent,
      firstLine: firstLine, lineCount: xml.sink.newlines - (firstLine - 1))
  }

  /// Bytes a writer made earlier for the same place, as a fragment to add again: a build copies
  /// an item that did not change from the feed it wrote last, rather than write it once more
  /// (docs/architecture.md, "The build cache"). The caller vouches for the bytes (a build reads
  /// them from a file whose stamp it recorded when it wrote it); they are not parsed here.
  ///
  /// - Parameters:
  ///   - bytes: whole elements as ``fragment(inside:indent:_:)`` made them, each with its
  ///     indentation and the line feed after its end tag.
  ///   - ancestors: as for ``fragment(inside:indent:_:)``; the line counts start at 1.
  public static func fragment(copying bytes: Data, inside ancestors: [String], indent: Bool = true) -> XMLFragment {
    let lineCount = bytes.withUnsafeBytes { XMLText.lineFeeds(in: $0) }
    return XMLFragment(bytes: bytes, ancestors: ancestors, indent: indent, firstLine: 1, lineCount: lineCount)
  }

  /// Adds the bytes of ``fragment(inside:indent:_:)`` calls, in order. The writer must be
  /// where the fragments were made for: inside the same elements, after a child element.
  ///
  /// - Parameter ancestors: the names of this writer's open elements, outermost first; a fragment
  ///   written for other ancestors, or with other indentation, is refused.
  public func append(fragments: [XMLFragment], inside ancestors: [String]) throws {
    for fragment in fragments where fragment.ancestors != ancestors || fragment.indent != indent {
      throw XMLWriterError(.libxml(operation: "append a fragment written inside \(fragment.ancestors) into \(ancestors)"))
    }
    try check(xmlTextWriterFlush(writer), "flush")
    // Bytes the events did not see.
    if !fragments.isEmpty { events?.fail() }
    for fragment in fragments { fragment.bytes.withUnsafeBytes { sink.append($0) } }
  }

  /// Closes every open element and returns the document's bytes; a writer into a file closes
  /// the file and returns no bytes.
  @discardableResult public func finish() throws -> Data {
    while openElements > 0, events != nil { try endElement() }
    try check(xmlTextWriterEndDocument(writer), "endDocument")
    try check(xmlTextWriterFlush(writer), "flush")
    try sink.close()
    return sink.data
  }

  /// The document's size so far, in bytes.
  public var byteCount: Int { sink.count }

  /// Whether `]]>` occurs, found byte by byte (a CDATA section is a whole episode's notes).
  private static func containsCDATAEnd(_ value: String) -> Bool {
    value.utf8.withContiguousStorageIfAvailable { bytes in
      var index = 2
      while index < bytes.count {
        if bytes[index] == UInt8(ascii: ">"), bytes[index - 1] == UInt8(ascii: "]"), bytes[index - 2] == UInt8(ascii: "]") {
          return true
        }
        index += 1
      }
      return false
    } ?? value.contains("]]>")
  }

  /// The context and the operation below are made only for an error: a feed calls these for
  /// every element and attribute of every item, and most names would make a string on the heap.
  private func validate(_ value: String, context: @autoclosure () -> String) throws {
    if let bad = XMLText.firstDisallowedScalar(in: value) {
      throw XMLWriterError(.invalidCharacter(scalar: bad.value, context: context()))
    }
  }

  private func check(_ result: Int32, _ operation: @autoclosure () -> String) throws {
    // A write into the file failed (a full disk): libxml2 was not told, so this is where it stops.
    if let failure = sink.failure, let path = sink.path { throw XMLWriterError(.io(path: path, detail: failure)) }
    guard result < 0 else { return }
    throw XMLWriterError(.libxml(operation: operation()))
  }
}
