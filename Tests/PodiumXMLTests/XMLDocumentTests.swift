import Foundation
import Testing

@testable import PodiumXML

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite struct XMLDocumentTests {
  private static let itunes = "http://www.itunes.com/dtds/podcast-1.0.dtd"

  @Test func readsNamespacesAttributesAndDeclarations() throws {
    let document = try PodiumXML.XMLDocument(
      string: """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:itunes="\(Self.itunes)">
          <channel><itunes:category text="Arts"/><link>https://example.com/</link></channel>
        </rss>
        """)
    #expect(document.hasXMLDeclaration)
    #expect(document.declaredEncoding == "UTF-8")
    #expect(document.root.name == "rss")
    #expect(document.root.attribute("version") == "2.0")
    #expect(document.root.namespaceDeclarations == [.init(prefix: "itunes", uri: Self.itunes)])
    let channel = try #require(document.root.firstChild(named: "channel"))
    let category = try #require(channel.firstChild(named: "category", namespace: Self.itunes))
    #expect(category.prefix == "itunes")
    #expect(category.attribute("text") == "Arts")
    #expect(channel.firstChild(named: "link")?.text == "https://example.com/")
    #expect(channel.firstChild(named: "category") == nil)
  }

  @Test func decodesReferencesInAttributeValues() throws {
    let document = try PodiumXML.XMLDocument(string: #"<a x="1 &amp; 2 &#38; 3 &lt; &#233; &quot;q&quot;" y='&apos;'/>"#)
    #expect(document.root.attribute("x") == #"1 & 2 & 3 < é "q""#)
    #expect(document.root.attribute("y") == "'")
  }

  @Test func keepsAnUndeclaredPrefixInTheName() throws {
    let document = try PodiumXML.XMLDocument(string: "<rss><itunes:author p:x=\"1\">A</itunes:author></rss>")
    let author = try #require(document.root.children.first)
    #expect(author.name == "itunes:author")
    #expect(author.namespaceURI == nil)
    #expect(author.attributes == [.init(name: "p:x", value: "1")])
  }

  @Test func concatenatesTextAndCDATA() throws {
    let document = try PodiumXML.XMLDocument(string: "<d>a &amp; <![CDATA[<p>b</p>]]> &#233;<x/>c</d>")
    #expect(document.root.text == "a & <p>b</p> éc")
    #expect(document.declaredEncoding == nil)
    #expect(!document.hasXMLDeclaration)
  }

  @Test func recordsTheLineWhereEachStartTagBegins() throws {
    let document = try PodiumXML.XMLDocument(string: "<a>\n  <b/>\n\n  <c\n    x=\"1\"\n    y=\"2\"/>\n</a>")
    #expect(document.root.line == 1)
    #expect(document.root.children.map(\.line) == [2, 4])
  }

  @Test func countsLinesPastLibxml2sSixteenBitLimit() throws {
    let filler = String(repeating: "\n", count: 70_000)
    let document = try PodiumXML.XMLDocument(string: "<a>\(filler)<b/>\(filler)<c/></a>")
    #expect(document.root.children.map(\.line) == [70_001, 140_001])
  }

  @Test(arguments: [
    ("not xml at all", 1),
    ("<rss><channel></rss>", 1),
    ("<a>\n<b>\n</a>", 3),
    ("<rss>\n<title>Tom & Jerry</title></rss>", 2),
  ])
  func reportsTheFirstErrorAndItsLine(text: String, line: Int) {
    #expect {
      _ = try PodiumXML.XMLDocument(string: text)
    } throws: { error in
      guard let error = error as? XMLParseError, case .malformed = error.reason else { return false }
      return error.line == line
    }
  }

  @Test func refusesAnHTMLPage() {
    let page = """
      <!DOCTYPE html>
      <html><head><meta charset="utf-8"><title>Not a feed</title></head>
      <body><p>Hello<br>world</p></body></html>
      """
    #expect(throws: XMLParseError.self) { _ = try PodiumXML.XMLDocument(string: page) }
  }

  @Test func namesAnUndefinedHTMLEntity() {
    #expect(throws: XMLParseError(.undefinedEntity(message: "Entity 'nbsp' not defined"), line: 1)) {
      _ = try PodiumXML.XMLDocument(string: "<a>x&nbsp;y</a>")
    }
  }

  /// libxml2 says "Excessive depth in document: 256 use XML_PARSE_HUGE option", naming its own
  /// option; the message says what the document does instead.
  @Test func explainsNestingTooDeepInTheDocumentsTerms() throws {
    let deep = String(repeating: "<a>", count: 300) + String(repeating: "</a>", count: 300)
    let error = try #require(throws: XMLParseError.self) { _ = try PodiumXML.XMLDocument(string: deep) }
    #expect(error.description.contains("elements are nested more than 256 levels deep"))
    #expect(!error.description.contains("XML_PARSE_HUGE"))
  }

  static let notUTF8: Data = Data("<a>caf".utf8) + Data([0xE9]) + Data("</a>".utf8)
  static let longAttribute = Data(("<a b=\"" + String(repeating: "x", count: 10_000_001) + "\"/>").utf8)
  static let longName = Data(("<" + String(repeating: "n", count: 60_000) + "/>").utf8)
  static let hugeName = Data(("<" + String(repeating: "n", count: 10_500_000) + "/>").utf8)
  static let overLimits: [(Data, String)] = [
    (notUTF8, "the text is not UTF-8 at the bytes 0xE9"), (longAttribute, "far longer than any feed needs"),
    (longName, "a tag or attribute name is longer"), (hugeName, "a name or value is far longer"),
  ]

  /// Text that is not UTF-8, an attribute or a name longer than libxml2 reads: said in the
  /// document's terms, on one line, without libxml2's own ("indicate encoding !", "Huge input lookup").
  @Test(arguments: overLimits)
  func explainsLimitsAndEncodingInTheDocumentsTerms(document: Data, explanation: String) throws {
    let error = try #require(throws: XMLParseError.self) {
      _ = try PodiumXML.XMLDocument(data: document, maximumSize: 100_000_000)
    }
    let message = error.description
    #expect(message.contains(explanation), "\(message)")
    for libxml in ["\n", "indicate encoding", "Huge input", "AttValue", "NCName"] {
      #expect(!message.contains(libxml), "\(message)")
    }
  }

  @Test func reportsAStrayCDATAEnd() {
    #expect {
      _ = try PodiumXML.XMLDocument(string: "<a>x ]]> y</a>")
    } throws: { error in
      guard let error = error as? XMLParseError, case .misplacedCDATAEnd = error.reason else { return false }
      return true
    }
  }

  @Test(arguments: ["", "   \n  "])
  func refusesAnEmptyDocument(text: String) {
    #expect(throws: XMLParseError(.empty, line: 1)) { _ = try PodiumXML.XMLDocument(string: text) }
  }

  @Test func refusesABillionLaughs() {
    var declarations = "<!ENTITY lol0 \"lol\">\n"
    for level in 1...9 {
      let previous = String(repeating: "&lol\(level - 1);", count: 10)
      declarations += "<!ENTITY lol\(level) \"\(previous)\">\n"
    }
    let bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n\(declarations)]>\n<lolz>&lol9;</lolz>"
    #expect(throws: XMLParseError(.entityDeclaration(name: "lol0"), line: 3)) { _ = try PodiumXML.XMLDocument(string: bomb) }
  }

  @Test func refusesAnExternalFileEntityWithoutReadingTheFile() throws {
    let marker = "MARKER-\(UUID().uuidString)"
    let file = try TemporaryFile(contents: marker)
    let documents = [
      "<!DOCTYPE r [<!ENTITY x SYSTEM \"\(file.url.absoluteString)\">]><r>&x;</r>",
      "<!DOCTYPE r [<!ENTITY % x SYSTEM \"\(file.url.absoluteString)\"> %x;]><r/>",
    ]
    for text in documents {
      #expect {
        _ = try PodiumXML.XMLDocument(string: text)
      } throws: { error in
        guard let error = error as? XMLParseError, case .entityDeclaration("x") = error.reason else { return false }
        return !error.description.contains(marker)
      }
    }
  }

  @Test func neverLoadsAnExternalDTDOrItsEntities() throws {
    let marker = "MARKER-\(UUID().uuidString)"
    let dtd = try TemporaryFile(contents: "<!ENTITY marker \"\(marker)\">")
    let text = "<!DOCTYPE r SYSTEM \"\(dtd.url.absoluteString)\"><r a=\"1\">&marker;</r>"
    #expect(throws: XMLParseError(.entityReference(name: "marker"), line: 1)) { _ = try PodiumXML.XMLDocument(string: text) }
    let inAttribute = "<!DOCTYPE r SYSTEM \"\(dtd.url.absoluteString)\"><r a=\"&marker;\"/>"
    #expect(throws: XMLParseError(.entityReference(name: "marker"), line: 1)) {
      _ = try PodiumXML.XMLDocument(string: inAttribute)
    }
    let plain = try PodiumXML.XMLDocument(string: "<!DOCTYPE r SYSTEM \"\(dtd.url.absoluteString)\"><r>ok</r>")
    #expect(plain.root.text == "ok")
  }

  @Test func makesNoNetworkRequestForExternalEntities() throws {
    let server = try LoopbackListener()
    let url = "http://127.0.0.1:\(server.port)/x"
    let documents = [
      "<!DOCTYPE r [<!ENTITY x SYSTEM \"\(url)\">]><r>&x;</r>",
      "<!DOCTYPE r [<!ENTITY % x SYSTEM \"\(url)\"> %x;]><r/>",
      "<!DOCTYPE r SYSTEM \"\(url)\"><r/>",
    ]
    for text in documents { _ = try? PodiumXML.XMLDocument(string: text) }
    #expect(server.acceptedConnections() == 0)
  }

  @Test func refusesADocumentOverTheSizeLimitBeforeParsing() {
    let text = "<a>" + String(repeating: "x", count: 2_000) + "</a>"
    #expect(throws: XMLParseError(.tooLarge(size: 2_007, limit: 1_000))) {
      _ = try PodiumXML.XMLDocument(string: text, maximumSize: 1_000)
    }
    #expect(PodiumXML.XMLDocument.defaultMaximumSize == 16 * 1024 * 1024)
  }

  @Test func parsesConcurrently() async throws {
    let text = "<a>" + String(repeating: "<b x=\"1\">t</b>", count: 500) + "</a>"
    let counts = try await withThrowingTaskGroup(of: Int.self) { group in
      for _ in 0..<8 { group.addTask { try PodiumXML.XMLDocument(string: text).root.children.count } }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    #expect(counts == Array(repeating: 500, count: 8))
  }
}

/// A file in the temporary folder, removed when the value goes away.
private final class TemporaryFile {
  let url: URL

  init(contents: String) throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("podium-\(UUID().uuidString).txt")
    try Data(contents.utf8).write(to: url)
  }

  deinit { try? FileManager.default.removeItem(at: url) }
}

/// A non-blocking TCP socket listening on 127.0.0.1, to prove nobody connected to it.
private final class LoopbackListener {
  private let socketFD: Int32
  let port: UInt16

  struct SetupError: Error {}

  init() throws {
    #if canImport(Glibc)
      let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    #else
      let fd = socket(AF_INET, SOCK_STREAM, 0)
    #endif
    guard fd >= 0 else { throw SetupError() }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
        bind(fd, generic, length) == 0 && listen(fd, 8) == 0 && getsockname(fd, generic, &length) == 0
      }
    }
    guard bound, fcntl(fd, F_SETFL, O_NONBLOCK) == 0 else {
      close(fd)
      throw SetupError()
    }
    socketFD = fd
    port = UInt16(bigEndian: address.sin_port)
  }

  deinit { close(socketFD) }

  /// How many connections are waiting; accepting closes them at once.
  func acceptedConnections() -> Int {
    var count = 0
    while case let client = accept(socketFD, nil, nil), client >= 0 {
      close(client)
      count += 1
    }
    return count
  }
}

@Suite struct XMLDocumentLongTextTests {
  /// Long texts are shared between elements when equal; equal or not, each keeps its own value.
  @Test func longTextsKeepTheirOwnValues() throws {
    let notes = String(repeating: "<p>Notes é</p>\n", count: 40)
    let other = String(notes.dropLast(2)) + "!\n"
    let document = try PodiumXML.XMLDocument(
      string: """
        <item><description><![CDATA[\(notes)]]></description><encoded><![CDATA[\(notes)]]></encoded>\
        <summary><![CDATA[\(other)]]></summary><title>\(notes.replacingOccurrences(of: "<", with: "&lt;"))</title></item>
        """)
    let texts = document.root.children.map(\.text)
    #expect(texts == [notes, notes, other, notes])
    #expect(other.utf8.count == notes.utf8.count)
  }
}

/// The count of attributes per start tag that stops hostile tags before libxml2 reads them.
@Suite struct AttributeLimitTests {
  private func attributes(_ count: Int, name: String = "a") -> String {
    (0..<count).map { " \(name)\($0)=\"x\"" }.joined()
  }

  @Test func theLimitItselfIsAllowedAndOneMoreIsNot() throws {
    let limit = AttributeCounter.limit
    let fine = try PodiumXML.XMLDocument(string: "<root\(attributes(limit))/>")
    #expect(fine.root.attributes.count == limit)
    #expect(throws: XMLParseError(.tooManyAttributes(limit: limit), line: 2)) {
      _ = try PodiumXML.XMLDocument(string: "<root>\n<child\(attributes(limit + 1))/></root>")
    }
  }

  /// Namespace declarations count: libxml2 compares them with each other the same way.
  @Test func namespaceDeclarationsCount() {
    let declarations = (0...AttributeCounter.limit).map { " xmlns:p\($0)=\"urn:\($0)\"" }.joined()
    #expect(throws: XMLParseError(.tooManyAttributes(limit: AttributeCounter.limit), line: 1)) {
      _ = try PodiumXML.XMLDocument(string: "<root\(declarations)/>")
    }
  }

  /// The counter skips text, values and the insides of comments, CDATA sections and
  /// instructions to the byte that can end them: however libxml2's pieces split a terminator
  /// (`--->`, `]]]>`, a `?` before a `>` that is not its end), the same tags are counted, and the
  /// one over the limit is found at its line; hidden in a comment or CDATA, it is not one.
  @Test(arguments: [1, 2, 3, 4, 5, 7, 13, 64, 4_096])
  func piecesOfAnySizeCountAlike(size: Int) {
    let over = attributes(AttributeCounter.limit + 1)
    let before = """
      <?xml version="1.0"?>
      <root a='>' b="<!--">
      <!-- x -- y - > --->
      <![CDATA[ ]] ] > ]]]>
      <?pi ? > ??>
       text > = \(String(repeating: "x\n", count: 40))
      <!-- <hidden \(over)/> -->
      <![CDATA[<hidden \(over)/>]]>
      """
    let line = before.utf8.filter { $0 == 0x0A }.count + 2
    for (text, refused) in [(before + "\n<child\(over)/></root>", line), (before + "\n<child/></root>", nil)] {
      let bytes = Array(text.utf8)
      var counter = AttributeCounter()
      var start = 0
      while start < bytes.count, counter.refusedLine == nil {
        let end = min(bytes.count, start + size)
        bytes[start..<end].withUnsafeBytes { counter.scan($0) }
        start = end
      }
      #expect(counter.refusedLine == refused)
    }
  }

  /// Every run of three pieces of markup that open, end or half-end what the counter skips (a
  /// comment, CDATA, an instruction, a quoted value, a DOCTYPE), then a tag over the limit: read
  /// a byte at a time, two at a time or whole, the counter finds the same, so no split of the
  /// bytes across libxml2's reads can hide a tag from it or make one up.
  @Test func everySplitOfMarkupCountsAsTheWhole() {
    let pieces = [
      "<", ">", "!", "-", "]", "?", "'", "\"", "=", "\n", "<!--", "-->", "<![CDATA[", "]]>", "<?", "?>", "<a ",
      "<!DOCTYPE [",
    ]
    let over = Array("<child\(attributes(AttributeCounter.limit + 1))/>\n".utf8)
    func refusedLine(_ bytes: [UInt8], piece: Int) -> Int? {
      var counter = AttributeCounter()
      var start = 0
      while start < bytes.count, counter.refusedLine == nil {
        let end = min(bytes.count, start + piece)
        bytes[start..<end].withUnsafeBytes { counter.scan($0) }
        start = end
      }
      return counter.refusedLine
    }
    var refused = 0
    for first in pieces {
      for second in pieces {
        for third in pieces {
          let bytes = Array((first + second + third).utf8) + over
          let whole = refusedLine(bytes, piece: bytes.count)
          if whole != nil { refused += 1 }
          #expect(refusedLine(bytes, piece: 1) == whole, "\(first + second + third)")
          #expect(refusedLine(bytes, piece: 2) == whole, "\(first + second + third)")
        }
      }
    }
    // Most runs leave the tag where the counter sees it; some hide it in what they open.
    #expect(refused > pieces.count * pieces.count && refused < pieces.count * pieces.count * pieces.count)
  }

  /// `=` in text, comments, CDATA, processing instructions, quoted values and the DOCTYPE is no attribute.
  @Test func onlyStartTagsAreCounted() throws {
    let many = attributes(1_000)
    let text = """
      <?xml version="1.0"?>
      <!DOCTYPE root SYSTEM "urn:a=b>c=d">
      <?note \(many) ?>
      <root title="\(String(repeating: "=", count: 1_000))" other='>\(String(repeating: "=", count: 1_000))'>
      <!-- \(many) - -->
      <![CDATA[<child \(many)>]]]>
      a = b = c \(String(repeating: "= ", count: 1_000))
      <child/></root>
      """
    let document = try PodiumXML.XMLDocument(string: text)
    #expect(document.root.children.map(\.name) == ["child"])
    #expect(document.root.attributes.count == 2)
  }
}
