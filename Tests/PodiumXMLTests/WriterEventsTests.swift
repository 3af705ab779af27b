import Foundation
import PodiumTestSupport
@testable import PodiumXML
import Testing

/// The events an ``XMLWriter`` hands a stream handler as it writes are those `XMLStreamReader`
/// gives for a parse of the bytes it wrote: the same calls, the same elements (names, namespaces,
/// attributes, declarations, text byte for byte, lines), on documents made at random from
/// hostile strings. What the events can't vouch for makes the stream unfaithful.
@Suite struct WriterEventsTests {
  /// Logs every call, elements spelt out byte for byte (Swift's `==` on strings would take
  /// canonically equivalent texts as equal).
  final class Log: XMLStreamHandler {
    let streams: (XMLElement, Int) -> Bool
    var entries: [String] = []

    init(streams: @escaping (XMLElement, Int) -> Bool) { self.streams = streams }

    func shouldStream(_ element: XMLElement, depth: Int) -> Bool {
      let streamed = streams(element, depth)
      entries.append("start \(depth) \(streamed) \(Self.dump(element))")
      return streamed
    }

    func child(_ element: XMLElement, depth: Int) { entries.append("child \(depth) \(Self.dump(element))") }
    func end(depth: Int) { entries.append("end \(depth)") }

    static func dump(_ element: XMLElement) -> String {
      let attributes = element.attributes.map { "\(bytes($0.name))|\(bytes($0.namespaceURI))=\(bytes($0.value))" }
      let declarations = element.namespaceDeclarations.map { "\(bytes($0.prefix))=\(bytes($0.uri))" }
      let children = element.children.map(dump).joined(separator: ",")
      return "<\(bytes(element.name))|\(bytes(element.namespaceURI))|\(bytes(element.prefix))@\(element.line) "
        + "a[\(attributes.joined(separator: ","))] ns[\(declarations.joined(separator: ","))] "
        + "t[\(bytes(element.text))] c[\(children)]>"
    }

    static func bytes(_ text: String?) -> String { text.map { $0.utf8.map(String.init).joined(separator: ".") } ?? "nil" }
  }

  /// Which elements a handler streams: none (the root comes whole), the root, or the root and its
  /// children that have children of their own named `channel` (a feed's shape).
  enum Streaming: String, CaseIterable, Sendable {
    case none, root, feed

    func streams(_ element: XMLElement, _ depth: Int) -> Bool {
      switch self {
      case .none: false
      case .root: depth == 0
      case .feed: depth == 0 || (depth == 1 && element.name == "channel" && element.namespaceURI == nil)
      }
    }
  }

  /// Strings XML can carry that are easy to get wrong: markup characters, entity-like text,
  /// CDATA's end, carriage returns and tabs (escaped by the writer, normalised by a parser if
  /// not), non-BMP scalars, combining marks, white space at the ends.
  static let hostile: [String] = [
    "", " ", "plain", "  spaced  ", "a & b", "<tag attr=\"v\">", "x > y", "&amp;", "&#38;", "&lt;&gt;", "&unknown;",
    "\"quoted\" and 'single'", "]]>", "]]]]>>", "a]]>b]]>c", "line\nbreak", "cr\rreturn", "crlf\r\nend", "\ttab\t",
    "\n\n\n", " \r\n \t ", "😀 𝄞 non-BMP", "e\u{301} combining", "\u{85}\u{2028}\u{2029}", "\u{7F}\u{80}\u{9F}",
    "\u{E000}\u{FFFD}", "\u{10FFFF}", "Ünïcødé ñ", "%20 %00", "<![CDATA[x]]>", "<!-- no -->", "<?pi x?>",
    String(repeating: "long ", count: 80), "\\ back \\slash",
  ]

  /// Names plain and prefixed: `itunes` and `podcast` declared on the root, `deep` on the
  /// elements that declare it, `xml` predefined (attributes only).
  static let elementNames = ["a", "b-c", "x.y", "_u", "title", "itunes:author", "podcast:person", "item", "channel"]
  static let attributeNames = ["href", "type", "is-perma", "itunes:order", "xml:lang", "podcast:role", "d"]

  struct Document {
    var random: SeededRandom
    let cdata: Bool

    mutating func pick<T>(_ values: [T]) -> T { values[Int.random(in: 0..<values.count, using: &random)] }
    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }

    mutating func write(_ xml: XMLWriter, depth: Int, deepDeclared: Bool) throws {
      var name = pick(Self.names(deepDeclared))
      if depth == 1, chance(30) { name = "channel" }
      try xml.startElement(name)
      var declared = deepDeclared
      if chance(10) {
        try xml.attribute("xmlns:deep", "urn:deep:" + pick(["1", "2"]))
        declared = true
      }
      if chance(5) { try xml.attribute("xmlns", pick(["urn:default", "http://example.com/ns?a=1"])) }
      var used = Set<String>()
      for _ in 0..<Int.random(in: 0...3, using: &random) {
        let attribute = pick(WriterEventsTests.attributeNames + (declared ? ["deep:x"] : []))
        guard used.insert(attribute).inserted else { continue }
        try xml.attribute(attribute, pick(WriterEventsTests.hostile))
      }
      if depth < 4, chance(55) {
        for _ in 0..<Int.random(in: 1...4, using: &random) { try write(xml, depth: depth + 1, deepDeclared: declared) }
      } else if chance(80) {
        for _ in 0..<Int.random(in: 1...2, using: &random) {
          let text = pick(WriterEventsTests.hostile)
          if cdata, chance(40) { try xml.cdata(text) } else { try xml.text(text) }
        }
      }
      try xml.endElement()
    }

    static func names(_ deep: Bool) -> [String] { WriterEventsTests.elementNames + (deep ? ["deep:item", "deep:x"] : []) }
  }

  /// Writes a random document with its events logged, and logs a parse of its bytes.
  static func logs(seed: UInt64, indent: Bool, streaming: Streaming) throws -> (written: [String], parsed: [String], faithful: Bool) {
    var document = Document(random: SeededRandom(seed: seed), cdata: seed % 2 == 0)
    let xml = try XMLWriter(indent: indent)
    let written = Log(streams: streaming.streams)
    try xml.startDocument()
    xml.stream(into: written)
    try xml.startElement("rss")
    try xml.attribute("xmlns:itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd")
    try xml.attribute("xmlns:podcast", "https://podcastindex.org/namespace/1.0")
    try xml.attribute("version", "2.0")
    for _ in 0..<Int.random(in: 1...5, using: &document.random) { try document.write(xml, depth: 1, deepDeclared: false) }
    try xml.endElement()
    let faithful = xml.stopStreaming()
    let data = try xml.finish()
    let parsed = Log(streams: streaming.streams)
    try XMLStreamReader().read(data, into: parsed)
    return (written.entries, parsed.entries, faithful)
  }

  @Test(arguments: Streaming.allCases, [true, false])
  func writtenEventsAreThoseOfAParseOfTheBytes(streaming: Streaming, indent: Bool) throws {
    for seed in UInt64(1)...120 {
      let (written, parsed, faithful) = try Self.logs(seed: seed, indent: indent, streaming: streaming)
      #expect(faithful, "seed \(seed)")
      #expect(written.count == parsed.count, "seed \(seed)")
      if written != parsed {
        for (a, b) in zip(written, parsed) where a != b {
          Issue.record("seed \(seed)\nwritten \(a)\nparsed  \(b)")
          break
        }
        return
      }
    }
  }

  /// Each hostile string, alone, as text, CDATA and an attribute value.
  @Test(arguments: hostile)
  func eachHostileStringGivesTheParsedEvents(text: String) throws {
    for form in 0..<3 {
      let xml = try XMLWriter()
      let written = Log(streams: Streaming.feed.streams)
      try xml.startDocument()
      xml.stream(into: written)
      try xml.startElement("rss")
      try xml.startElement("channel")
      try xml.startElement("title")
      switch form {
      case 0: try xml.text(text)
      case 1: try xml.cdata(text)
      default: try xml.attribute("value", text)
      }
      try xml.endElement()
      try xml.endElement()
      try xml.endElement()
      #expect(xml.stopStreaming())
      let parsed = Log(streams: Streaming.feed.streams)
      try XMLStreamReader().read(try xml.finish(), into: parsed)
      #expect(written.entries == parsed.entries, "form \(form) \(Array(text.utf8))")
    }
  }

  /// What the events don't model makes the stream unfaithful, rather than different.
  @Test(arguments: ["mixed", "undeclared", "duplicate", "bad name", "second root", "fragments", "ampersand"])
  func whatIsNotModelledIsNotVouchedFor(_ case: String) throws {
    let xml = try XMLWriter()
    try xml.startDocument()
    xml.stream(into: Log(streams: Streaming.root.streams))
    try xml.startElement("rss")
    switch `case` {
    case "mixed":
      try xml.startElement("a")
      try xml.text("text")
      try xml.element("b", "beside")
      try xml.endElement()
    case "undeclared": try xml.element("nowhere:a", "x")
    case "duplicate": try xml.element("a", attributes: ["href": "1", "href": "2"])
    case "bad name": try xml.element("a b", "x")
    // libxml2 hands `&` in a namespace name on as `&#38;`.
    case "ampersand": try xml.element("a", attributes: ["xmlns": "urn:a&b"])
    case "second root":
      try xml.endElement()
      try xml.startElement("rss")
    default:
      let fragment = try XMLWriter.fragment(inside: ["rss"]) { try $0.element("a", "x") }
      try xml.element("first")
      try xml.append(fragments: [fragment], inside: ["rss"])
    }
    #expect(!xml.stopStreaming())
  }
}
