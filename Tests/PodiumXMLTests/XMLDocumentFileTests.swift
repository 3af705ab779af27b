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

  /// A file that grows after its size was looked at is cut off at the limit as it is read, and
  /// the error gives what was read, over the limit: a pipe has no size to look at beforehand.
  @Test func aFileThatGrowsPastTheLimitWhileReadIsRefused() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("podium-\(UUID().uuidString).xml").path
    #expect(mkfifo(path, 0o600) == 0)
    defer { unlink(path) }
    // Under PIPE_BUF, so it is in the pipe whole before the reader sees any of it.
    let text = "<a>" + String(repeating: "x", count: 2_993) + "</a>"
    let writer = Thread {
      let descriptor = open(path, O_WRONLY)
      _ = text.utf8CString.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count - 1) }
      close(descriptor)
    }
    writer.start()
    #expect {
      _ = try PodiumXML.XMLDocument(contentsOfFile: path, maximumSize: 1_000)
    } throws: { error in
      guard let error = error as? XMLParseError, case .tooLarge(let size, let limit) = error.reason else { return false }
      return limit == 1_000 && size > limit
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
