/// Writes an HTML5 page or fragment in the HTML syntax
/// (https://html.spec.whatwg.org/multipage/syntax.html), as ``XMLWriter`` writes XML: element by
/// element, so no page is put together from strings. Text and attribute values go through the
/// one escaping path (``HTMLEscaping``, which the sanitiser's output uses too); `<script>` and
/// `<style>` content is written as it is, and refused if it could end its element early.
///
/// libxml2's HTML serialiser is not used: it knows HTML 4, so it writes `<source>` and `<track>`
/// with end tags, `controls` as `controls="controls"`, and rewrites URLs in `href` and `src`.
///
/// Nothing is indented: ``newline()`` puts a line break where the page wants one.
///
/// ```swift
/// let html = HTMLWriter()
/// html.startDocument()
/// try html.startElement("video")
/// try html.attribute("controls")
/// try html.attribute("poster", posterURL)
/// try html.element("track", attributes: ["kind": "chapters", "src": chaptersURL])
/// try html.endElement()
/// let page = try html.finish()
/// ```
public final class HTMLWriter {
  private struct OpenElement {
    let name: String
    let kind: HTMLElementKind
    /// Where the element's content starts in the output, once its start tag is closed.
    var contentStart = 0
  }

  private var output = HTMLOutput(capacity: 4096)
  private var open: [OpenElement] = []
  /// The attributes of the start tag being written (`<name` written, `>` not yet), lower case;
  /// `nil` when no start tag is open.
  private var startTagAttributes: [String]?

  public init() {}

  /// `<!doctype html>` and a line break. The doctype is case-insensitive; lower case is what
  /// Podium has always written.
  public func startDocument() {
    append("<!doctype html>\n")
  }

  public func startElement(_ name: String) throws {
    try beforeContent()
    try Self.check(name: name)
    append("<")
    append(name)
    open.append(OpenElement(name: name, kind: HTMLElementKind(name)))
    startTagAttributes = []
  }

  /// `name="value"` in the start tag just started, the value escaped.
  public func attribute(_ name: String, _ value: String) throws {
    try startAttribute(name)
    append("=\"")
    var value = value
    value.withUTF8 { output.appendAttributeValue($0) }
    append("\"")
  }

  public func attribute(_ name: String, _ value: Int) throws {
    try attribute(name, String(value))
  }

  /// A boolean attribute, written as its name alone (`controls`, `defer`, `default`).
  public func attribute(_ name: String) throws {
    try startAttribute(name)
  }

  /// Ends the innermost open element: `</name>`, or nothing for a void element such as `<img>`.
  public func endElement() throws {
    guard let element = open.last else { throw HTMLWriterError(.noOpenElement) }
    closeStartTag()
    open.removeLast()
    guard element.kind != .void else { return }
    append("</")
    append(element.name)
    append(">")
  }

  /// Text, escaped; inside `<script>` or `<style>` written as it is, and refused if the content
  /// so far would end the element early.
  public func text(_ value: String) throws {
    try beforeContent()
    var value = value
    guard let element = open.last, element.kind == .rawText else {
      value.withUTF8 { output.text($0) }
      return
    }
    if let bad = XMLText.firstDisallowedScalar(in: value) {
      throw HTMLWriterError(.invalidCharacter(scalar: bad.value, element: element.name))
    }
    value.withUTF8 { output.bytes.append($0) }
    try checkRawText(element)
  }

  /// A line break between elements, to keep the page readable in a diff.
  public func newline() throws {
    try beforeContent()
    output.bytes.append(0x0A)
  }

  /// `<name attr="…">text</name>`, or `<name attr="…">` for a void element, in one call.
  public func element(_ name: String, _ text: String? = nil, attributes: KeyValuePairs<String, String> = [:]) throws {
    try startElement(name)
    for (key, value) in attributes { try attribute(key, value) }
    if let text { try self.text(text) }
    try endElement()
  }

  /// HTML that ``HTMLSanitizer`` wrote (show notes), put in as it is: it is already escaped,
  /// with only the elements and attributes the sanitiser allows.
  public func sanitizedHTML(_ html: String) throws {
    try beforeContent()
    if let element = open.last, element.kind == .rawText { throw HTMLWriterError(.markupInRawText(element.name)) }
    var html = html
    html.withUTF8 { output.bytes.append($0) }
  }

  public func sanitizedHTML(_ html: SanitizedHTML) throws {
    try sanitizedHTML(html.html)
  }

  /// Closes every open element and returns the page or fragment.
  public func finish() throws -> String {
    while !open.isEmpty { try endElement() }
    return String(decoding: output.bytes.bytes(), as: UTF8.self)
  }

  private func startAttribute(_ name: String) throws {
    guard var names = startTagAttributes else { throw HTMLWriterError(.attributeOutsideStartTag(name)) }
    try Self.check(name: name)
    let lower = name.lowercased()
    // The HTML parser keeps the first of two and drops the other without a word.
    guard !names.contains(lower) else { throw HTMLWriterError(.duplicateAttribute(name)) }
    names.append(lower)
    startTagAttributes = names
    append(" ")
    append(name)
  }

  /// Closes an open start tag; content may not go into a void element.
  private func beforeContent() throws {
    closeStartTag()
    if let element = open.last, element.kind == .void { throw HTMLWriterError(.contentInVoidElement(element.name)) }
  }

  private func closeStartTag() {
    guard startTagAttributes != nil else { return }
    append(">")
    startTagAttributes = nil
    open[open.count - 1].contentStart = output.bytes.count
  }

  /// Raw text ends at `</script` or `</style` in any case, whatever follows
  /// (https://html.spec.whatwg.org/multipage/parsing.html#script-data-end-tag-name-state); in a
  /// script, `<!--` followed by `<script` makes a later `</script>` not end it
  /// (https://html.spec.whatwg.org/multipage/scripting.html#restrictions-for-contents-of-script-elements).
  /// The whole content so far is checked, so text written in pieces can't split the sequence.
  private func checkRawText(_ element: OpenElement) throws {
    let content = String(decoding: output.bytes.bytes(from: element.contentStart), as: UTF8.self).lowercased()
    let name = element.name.lowercased()
    for forbidden in ["</" + name] + (name == "script" ? ["<!--"] : []) where content.contains(forbidden) {
      throw HTMLWriterError(.rawTextEnd(element: element.name, found: forbidden))
    }
  }

  private func append(_ string: StaticString) {
    output.bytes.append(string)
  }

  private func append(_ string: String) {
    var string = string
    string.withUTF8 { output.bytes.append($0) }
  }

  /// ASCII letters, then letters, digits, `-`, `_`, `:` and `.`: every name Podium writes,
  /// custom elements (`podium-embed`) and `data-`, `aria-` and `http-equiv` attributes included,
  /// and nothing the tokenizer would split or end a tag on.
  private static func check(name: String) throws {
    let bytes = Array(name.utf8)
    let punctuation: [UInt8] = Array("-_:.".utf8)
    guard let first = bytes.first, first.isASCIILetter,
      bytes.allSatisfy({ $0.isASCIILetter || (0x30...0x39).contains($0) || punctuation.contains($0) })
    else { throw HTMLWriterError(.invalidName(name)) }
  }
}

extension UInt8 {
  fileprivate var isASCIILetter: Bool { (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self) }
}
