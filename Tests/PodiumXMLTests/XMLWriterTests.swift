import Foundation
import PodiumXML
import Testing

@Suite struct XMLWriterTests {
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
