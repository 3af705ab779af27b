import Foundation
import Testing

@testable import PodiumXML

/// A file is read in pieces as libxml2 asks for them (the build checks its own 28 MB feed that
/// way); what comes out must be what parsing the same bytes in memory gives, error or document.
@Suite struct XMLDocumentFileTests {
  static let documents: [String] = [
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\"><channel>"
      + "<itunes:author>A &amp; B</itunes:author><description><![CDATA[<p>x ]] y</p>]]></description></channel></rss>",
    "<a>no declaration, emoji 🎙️ and עברית</a>",
    // Longer than any one read, so texts and tags cross the pieces' edges.
    "<a>" + String(repeating: "<b x=\"1&amp;2\">tekst &lt; meer<![CDATA[ruw & <vet>]]></b>\n", count: 20_000) + "</a>",
    "",
    "  \n\t ",
    "<a><b></a>",
    "<!DOCTYPE r [<!ENTITY x \"boem\">]><r>&x;</r>",
    "<r>&nbsp;</r>",
    "\u{FEFF}<?xml version=\"1.0\"?><r/>",
  ]

  @Test(arguments: documents.indices)
  func aFileParsesAsItsBytesDo(index: Int) throws {
    let text = Self.documents[index]
    let file = try Self.write(text)
    defer { try? FileManager.default.removeItem(at: file) }
    let fromMemory = Result { () throws(XMLParseError) in try PodiumXML.XMLDocument(string: text) }
    let fromFile = Result { () throws(XMLParseError) in try PodiumXML.XMLDocument(contentsOfFile: file.path) }
    #expect(fromFile == fromMemory)
  }

  @Test func refusesAFileOverTheSizeLimitBeforeParsing() throws {
    let file = try Self.write("<a>" + String(repeating: "x", count: 2_000) + "</a>")
    defer { try? FileManager.default.removeItem(at: file) }
    #expect(throws: XMLParseError(.tooLarge(size: 2_007, limit: 1_000))) {
      _ = try PodiumXML.XMLDocument(contentsOfFile: file.path, maximumSize: 1_000)
    }
  }

  @Test func aMissingFileIsAnErrorNamingIt() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("nowhere-\(UUID().uuidString).xml").path
    #expect(throws: XMLParseError(.unreadable(path: path, detail: "No such file or directory"))) {
      _ = try PodiumXML.XMLDocument(contentsOfFile: path)
    }
  }

  private static func write(_ text: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("podium-\(UUID().uuidString).xml")
    try Data(text.utf8).write(to: url)
    return url
  }
}
