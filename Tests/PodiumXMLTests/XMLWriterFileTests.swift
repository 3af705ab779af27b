import Foundation
import Testing

@testable import PodiumXML

/// A feed written into its file as it goes can fail halfway (a full disk): the writer must say
/// so, naming the file and the system's reason, not finish as if the document were whole.
@Suite struct XMLWriterFileTests {
  @Test func aFullDiskHalfwayIsAnErrorNamingTheFile() throws {
    let descriptor = open("/dev/full", O_WRONLY | O_CLOEXEC)
    try #require(descriptor >= 0)
    let xml = try XMLWriter(sink: XMLOutputSink(owning: descriptor, path: "feeds/show/feed.xml"), indent: true)
    let expected = XMLWriterError(.io(path: "feeds/show/feed.xml", detail: "No space left on device"))
    #expect(throws: expected) {
      try xml.startDocument()
      try xml.startElement("rss")
      // More than the sink keeps before it writes, so a write fails before the end.
      for index in 0..<20_000 { try xml.element("item", "Aflevering \(index)") }
      try xml.endElement()
      try xml.finish()
    }
  }
}
