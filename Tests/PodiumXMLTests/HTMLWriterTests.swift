import PodiumXML
import Testing

/// Pages written by HTMLWriter, read back with libxml2's HTML parser: hostile text and attribute
/// values come back as they went in, and calls that would make HTML read differently are refused.
@Suite struct HTMLWriterTests {
  /// Values that break naive writers, and what a reader gets back (characters XML can't carry dropped).
  static let hostile: [(String, String)] = [
    ("<script>alert(1)</script>", "<script>alert(1)</script>"),
    ("\" onmouseover=\"alert(1)", "\" onmouseover=\"alert(1)"),
    ("' onfocus='alert(1)", "' onfocus='alert(1)"),
    ("Tom & Jerry", "Tom & Jerry"),
    ("&amp; &lt; &#60; &#x3C; &nbsp", "&amp; &lt; &#60; &#x3C; &nbsp"),
    ("</p></body><p id=\"x\">", "</p></body><p id=\"x\">"),
    ("<!-- --> <![CDATA[ ]]> <?php ?>", "<!-- --> <![CDATA[ ]]> <?php ?>"),
    ("</style></script></title></textarea>", "</style></script></title></textarea>"),
    ("javascript:alert(1)", "javascript:alert(1)"),
    ("coöperatie 🚲 עברית 日本", "coöperatie 🚲 עברית 日本"),
    ("bell\u{07}nul\u{0}esc\u{1B}", "bellnulesc"),
    ("\u{FFFE}x\u{FFFF}", "x"),
    ("tab\tline\nfeed", "tab\tline\nfeed"),
    ("", ""),
  ]

  @Test(arguments: hostile)
  func textComesBackAsWritten(value: String, expected: String) throws {
    let html = HTMLWriter()
    html.startDocument()
    try html.startElement("html")
    try html.startElement("body")
    try html.element("p", "[" + value + "]", attributes: ["id": "t"])
    try html.element("h1", "after")
    let page = try ParsedHTML(try html.finish())
    #expect(page.root.element(id: "t")?.textContent == "[" + expected + "]")
    // Nothing the value held became an element, or ended the paragraph early.
    #expect(page.root.descendants.map(\.name) == ["html", "body", "p", "h1"])
  }

  @Test(arguments: hostile)
  func attributeValueComesBackAsWritten(value: String, expected: String) throws {
    let html = HTMLWriter()
    try html.startElement("body")
    try html.startElement("a")
    try html.attribute("id", "t")
    try html.attribute("href", value)
    try html.attribute("title", "[" + value + "]")
    try html.attribute("data-x", value)
    try html.text("link")
    try html.endElement()
    let page = try ParsedHTML(try html.finish())
    let link = try #require(page.root.element(id: "t"))
    #expect(link.attributes.map(\.name) == ["id", "href", "title", "data-x"])
    #expect(link.attribute("title") == "[" + expected + "]")
    #expect(link.attribute("data-x") == expected)
    #expect(link.textContent == "link")
  }

  @Test func writesTheDoctypeAndVoidElementsWithoutEndTags() throws {
    let html = HTMLWriter()
    html.startDocument()
    try html.startElement("html")
    try html.attribute("lang", "nl")
    try html.newline()
    try html.startElement("head")
    try html.element("meta", attributes: ["charset": "utf-8"])
    try html.element("link", attributes: ["rel": "canonical", "href": "https://x.example/?a=1&b=2"])
    try html.endElement()
    try html.startElement("body")
    try html.startElement("video")
    try html.attribute("controls")
    try html.attribute("preload", "none")
    try html.attribute("width", 640)
    try html.element("source", attributes: ["src": "v.mp4", "type": "video/mp4"])
    try html.startElement("track")
    try html.attribute("kind", "chapters")
    try html.attribute("src", "c.vtt")
    try html.attribute("default")
    try html.endElement()
    try html.endElement()
    try html.element("img", attributes: ["src": "p.jpg", "alt": ""])
    try html.element("p", "after")
    let written = try html.finish()
    #expect(written == """
      <!doctype html>
      <html lang="nl">
      <head><meta charset="utf-8"><link rel="canonical" href="https://x.example/?a=1&amp;b=2"></head>\
      <body><video controls preload="none" width="640"><source src="v.mp4" type="video/mp4">\
      <track kind="chapters" src="c.vtt" default></video><img src="p.jpg" alt=""><p>after</p></body></html>
      """)
    let page = try ParsedHTML(written)
    #expect(page.doctype == "html")
    #expect(page.root.attribute("lang") == "nl")
    #expect(page.root.first("head")?.elements.map(\.name) == ["meta", "link"])
    #expect(page.root.first("link")?.attribute("href") == "https://x.example/?a=1&b=2")
    // The image is void: the paragraph is its sibling, not its child.
    #expect(page.root.first("body")?.elements.map(\.name) == ["video", "img", "p"])
    #expect(page.root.first("img")?.attribute("alt") == "")
  }

  @Test func scriptAndStyleContentIsWrittenAsItIs() throws {
    let css = "a>b{content:\"&amp; <i>\"}"
    let json = HTMLEscaping.scriptJSON(#"{"t":"</script><!-- & -->"}"#)
    let html = HTMLWriter()
    try html.startElement("html")
    try html.startElement("head")
    try html.element("style", css)
    try html.element("script", json, attributes: ["type": "application/ld+json"])
    try html.element("script", attributes: ["src": "embed.js"])
    let written = try html.finish()
    #expect(written.contains("<style>" + css + "</style>"))
    #expect(written.contains("<script src=\"embed.js\"></script>"))
    let head = try #require(try ParsedHTML(written).root.first("head"))
    #expect(head.elements.map(\.name) == ["style", "script", "script"])
    #expect(head.elements[0].textContent == css)
    #expect(head.elements[1].textContent == json)
  }

  /// Raw text that would end its element early, or (in a script) hide the end tag from the parser.
  @Test(arguments: [
    ("script", ["</script>alert(1)"], "</script"),
    ("script", ["x</SCRIPT >"], "</script"),
    ("script", ["x</scr", "ipt>"], "</script"),
    ("script", ["<!--<script>"], "<!--"),
    ("style", ["a{}</style><script>alert(1)</script>"], "</style"),
    ("style", ["a{}</Style"], "</style"),
  ])
  func rawTextThatEndsItsElementIsRefused(element: String, pieces: [String], found: String) throws {
    let html = HTMLWriter()
    try html.startElement(element)
    var error: HTMLWriterError?
    for piece in pieces {
      do { try html.text(piece) } catch let thrown as HTMLWriterError { error = thrown }
    }
    #expect(error == HTMLWriterError(.rawTextEnd(element: element, found: found)))
  }

  @Test func styleMayHoldAScriptEndTagAndScriptAStyleOne() throws {
    let html = HTMLWriter()
    try html.element("style", "a::after{content:'</script>'}")
    try html.element("script", "var s = '</style>'")
    #expect(try html.finish() == "<style>a::after{content:'</script>'}</style><script>var s = '</style>'</script>")
  }

  @Test func sanitizedHTMLGoesInAsItIs() throws {
    let notes = HTMLSanitizer().sanitize("<p>Een <b>vet</b> & <script>alert(1)</script></p>")
    let html = HTMLWriter()
    try html.startElement("div")
    try html.attribute("class", "notes")
    try html.sanitizedHTML(notes)
    #expect(try html.finish() == "<div class=\"notes\">" + notes.html + "</div>")
  }

  @Test func finishClosesWhatIsOpen() throws {
    let html = HTMLWriter()
    try html.startElement("main")
    try html.startElement("p")
    try html.text("x")
    try html.startElement("img")
    #expect(try html.finish() == "<main><p>x<img></p></main>")
  }

  /// Mistakes in the code that writes a page: each is refused, none writes a broken page.
  @Test(arguments: ["a b", "a\"b", "a'b", "a=b", "a>", "a/", "", "1a", "-a", "é", "on click", "a\u{0}b"])
  func namesHTMLWouldReadDifferentlyAreRefused(name: String) throws {
    let html = HTMLWriter()
    #expect(throws: HTMLWriterError(.invalidName(name))) { try html.startElement(name) }
    try html.startElement("p")
    #expect(throws: HTMLWriterError(.invalidName(name))) { try html.attribute(name, "x") }
    #expect(throws: HTMLWriterError(.invalidName(name))) { try html.attribute(name) }
  }

  @Test func misplacedCallsAreRefused() throws {
    let html = HTMLWriter()
    #expect(throws: HTMLWriterError(.noOpenElement)) { try html.endElement() }
    #expect(throws: HTMLWriterError(.attributeOutsideStartTag("id"))) { try html.attribute("id", "x") }
    try html.startElement("p")
    try html.attribute("class", "a")
    #expect(throws: HTMLWriterError(.duplicateAttribute("CLASS"))) { try html.attribute("CLASS", "b") }
    try html.text("x")
    #expect(throws: HTMLWriterError(.attributeOutsideStartTag("id"))) { try html.attribute("id", "x") }
    try html.startElement("img")
    #expect(throws: HTMLWriterError(.contentInVoidElement("img"))) { try html.text("x") }
    #expect(throws: HTMLWriterError(.contentInVoidElement("img"))) { try html.startElement("b") }
    #expect(throws: HTMLWriterError(.contentInVoidElement("img"))) { try html.newline() }
    try html.endElement()
    try html.startElement("script")
    #expect(throws: HTMLWriterError(.markupInRawText("script"))) { try html.sanitizedHTML("<b>x</b>") }
    #expect(throws: HTMLWriterError(.invalidCharacter(scalar: 7, element: "script"))) { try html.text("a\u{07}") }
  }
}
