import Foundation
import PodiumXML
import Testing

@Suite struct XMLWriterTests {
  /// Items with text, CDATA, attributes that need escaping, empty elements and nesting.
  private static func writeItems(_ range: Range<Int>, to xml: XMLWriter) throws {
    for index in range {
      try xml.startElement("item")
      try xml.element("title", "Item \(index) & <more> é")
      try xml.cdataElement("description", "<p>Notes \(index)</p>\n<p>a ]]> b</p>")
      try xml.element("enclosure", attributes: ["url": "https://example.org/\(index).mp3?a=1&b=\"2\"", "length": "1"])
      if index.isMultiple(of: 2) {
        try xml.startElement("podcast:transcript")
        try xml.attribute("url", "https://example.org/é.vtt")
        try xml.endElement()
      }
      try xml.endElement()
    }
  }

  private static func document(items: (XMLWriter) throws -> Void) throws -> Data {
    let xml = try XMLWriter()
    try xml.startDocument()
    try xml.startElement("rss")
    try xml.attribute("version", "2.0")
    try xml.startElement("channel")
    try xml.element("title", "Show")
    try items(xml)
    try xml.endElement()
    try xml.endElement()
    return try xml.finish()
  }

  @Test(arguments: [0, 1, 7])
  func fragmentsGiveTheSameBytesAsOneWriter(count: Int) throws {
    let whole = try Self.document { try Self.writeItems(0..<count, to: $0) }
    let pieced = try Self.document { xml in
      let runs = stride(from: 0, to: count, by: 3).map { $0..<min($0 + 3, count) }
      try xml.append(fragments: try runs.map { run in
        try XMLWriter.fragment(inside: ["rss", "channel"]) { try Self.writeItems(run, to: $0) }
      }, inside: ["rss", "channel"])
    }
    #expect(String(decoding: pieced, as: UTF8.self) == String(decoding: whole, as: UTF8.self))
    #expect(try PodiumXML.XMLDocument(data: pieced).root.firstChild(named: "channel")?.children.count == count + 1)
  }

  /// A fragment goes only where it was written for, with the same indentation.
  @Test(arguments: [(["rss"], true), (["rss", "channel"], false)])
  func fragmentsForAnotherPlaceAreRefused(ancestors: [String], indent: Bool) throws {
    let fragment = try XMLWriter.fragment(inside: ancestors, indent: indent) { try Self.writeItems(0..<1, to: $0) }
    #expect(throws: XMLWriterError.self) {
      _ = try Self.document { xml in try xml.append(fragments: [fragment], inside: ["rss", "channel"]) }
    }
  }

  @Test func cdataNeverEndsEarly() throws {
    let xml = try XMLWriter(indent: false)
    try xml.cdataElement("a", "x ]]> y ]]]]>> z]]>")
    let data = try xml.finish()
    let document = try PodiumXML.XMLDocument(data: data)
    #expect(document.root.text == "x ]]> y ]]]]>> z]]>")
  }

  @Test(arguments: ["a\u{1}b", "\u{FFFE}", "ok\u{FFFF}", "\u{0B}"])
  func refusesCharactersXMLCannotCarry(text: String) throws {
    let xml = try XMLWriter()
    #expect(throws: XMLWriterError.self) { try xml.element("a", text) }
  }

  @Test(arguments: ["tab\tnew\nline\rreturn", "\u{FF01}\u{FFFD}\u{EFFF}", "é😀\u{7F}", ""])
  func allowsEveryOtherCharacter(text: String) {
    #expect(XMLText.firstDisallowedScalar(in: text) == nil)
  }
}
