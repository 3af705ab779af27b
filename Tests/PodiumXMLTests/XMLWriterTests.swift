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

  private static func document(into xml: XMLWriter? = nil, items: (XMLWriter) throws -> Void) throws -> Data {
    let xml = try xml ?? XMLWriter()
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

  /// A large feed is written into its file as it goes: the file holds the bytes a writer in
  /// memory returns, fragments included, whatever the sizes of the pieces.
  @Test(arguments: [0, 5, 3_000])
  func aFileGetsTheBytesOfAWriterInMemory(count: Int) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("podium-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let items = { (xml: XMLWriter) in
      try Self.writeItems(0..<count / 2, to: xml)
      try xml.append(fragments: [
        try XMLWriter.fragment(inside: ["rss", "channel"]) { try Self.writeItems(count / 2..<count, to: $0) },
      ], inside: ["rss", "channel"])
    }
    let expected = try Self.document(items: items)
    let path = folder.appendingPathComponent("feed.xml").path
    let writer = try XMLWriter(creatingFileAt: path)
    #expect(try Self.document(into: writer, items: items) == Data())
    #expect(writer.byteCount == expected.count)
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == expected)
    // Never over a file that is there already, nor through a folder that is not.
    #expect(throws: XMLWriterError.self) { _ = try XMLWriter(creatingFileAt: path) }
    #expect {
      _ = try XMLWriter(creatingFileAt: folder.appendingPathComponent("no/feed.xml").path)
    } throws: { error in
      guard let error = error as? XMLWriterError, case .io(_, let detail) = error.reason else { return false }
      return detail == "No such file or directory"
    }
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

  /// `line()` is the line the next element starts on: after a start tag still open, after a
  /// finished sibling, after text with line breaks; and in a fragment, counted from its first line.
  @Test func lineIsWhereTheNextElementStarts() throws {
    let xml = try XMLWriter()
    var starts: [(Int, String)] = []
    try xml.startDocument()
    try xml.startElement("rss")
    try xml.attribute("version", "2.0")
    starts.append((try xml.line(), "<channel>"))
    try xml.startElement("channel")
    starts.append((try xml.line(), "<title>"))
    try xml.element("title", "Show")
    starts.append((try xml.line(), "<description>"))
    try xml.cdataElement("description", "one\ntwo\nthree")
    var fragmentStarts: [(Int, String)] = []
    let fragment = try XMLWriter.fragment(inside: ["rss", "channel"]) { piece in
      for index in 0..<3 {
        fragmentStarts.append((try piece.line(), "<item>"))
        try piece.startElement("item")
        fragmentStarts.append((try piece.line(), "<title>Item \(index)"))
        try piece.element("title", "Item \(index)")
        try piece.cdataElement("description", "a\nb")
        try piece.endElement()
      }
    }
    let appendedAt = try xml.line()
    try xml.append(fragments: [fragment], inside: ["rss", "channel"])
    starts += fragmentStarts.map { ($0.0 - fragment.firstLine + appendedAt, $0.1) }
    #expect(try xml.line() == appendedAt + fragment.lineCount)
    starts.append((try xml.line(), "<link>"))
    try xml.element("link", "https://example.org/")
    let lines = String(decoding: try xml.finish(), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    for (line, text) in starts {
      #expect(lines[line - 1].drop { $0 == " " }.hasPrefix(text), "line \(line) is '\(lines[line - 1])', not \(text)")
    }
  }
}
