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

  /// libxml2 prints "I/O error : write error" (or "flush error") on stderr when its output
  /// callback fails: a line that names neither the file nor the cause. The writer's error says
  /// both, and nothing else may reach the terminal.
  @Test func aFullDiskPrintsNothingOfLibxml2() throws {
    let descriptor = open("/dev/full", O_WRONLY | O_CLOEXEC)
    try #require(descriptor >= 0)
    let xml = try XMLWriter(sink: XMLOutputSink(owning: descriptor, path: "feeds/show/feed.xml"), indent: true)
    let printed = try Self.standardError {
      #expect(throws: XMLWriterError(.io(path: "feeds/show/feed.xml", detail: "No space left on device"))) {
        try xml.startDocument()
        try xml.startElement("rss")
        for index in 0..<20_000 { try xml.element("item", "Aflevering \(index)") }
        try xml.finish()
      }
    }
    #expect(!printed.contains("I/O error"), "libxml2 printed: \(printed)")
    #expect(XMLWriterError(.io(path: "feeds/show/feed.xml", detail: "No space left on device")).description
      == "cannot write feeds/show/feed.xml: No space left on device")
  }

  /// What the process writes to file descriptor 2 while `body` runs, through a pipe.
  static func standardError(_ body: () throws -> Void) throws -> String {
    var ends: [Int32] = [0, 0]
    try #require(pipe(&ends) == 0)
    let saved = dup(2)
    dup2(ends[1], 2)
    close(ends[1])
    defer { close(ends[0]) }
    do {
      try body()
    } catch {
      dup2(saved, 2)
      close(saved)
      throw error
    }
    fflush(nil)
    dup2(saved, 2)
    close(saved)
    _ = fcntl(ends[0], F_SETFL, O_NONBLOCK)
    var bytes = [UInt8](repeating: 0, count: 65_536)
    let count = read(ends[0], &bytes, bytes.count)
    return String(decoding: bytes.prefix(max(count, 0)), as: UTF8.self)
  }
}
