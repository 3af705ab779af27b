import Foundation
import MediaProbe
import PodiumTestSupport
import Testing

/// A probe refuses anything that is not a regular file, saying what it is, before reading a byte:
/// a FIFO with no writer must not block, a device must not be read for ever.
@Suite struct SpecialFileTests {
  @Test(arguments: [
    ("fifo", "a FIFO (named pipe)"), ("folder", "a folder"), ("/dev/zero", "a character device"),
  ])
  func notARegularFileIsRefusedByName(kind: String, expected: String) throws {
    let folder = try TemporaryFolder()
    let path: String
    switch kind {
    case "fifo":
      path = folder.url.appendingPathComponent("pipe.mp3").path
      try #require(mkfifo(path, 0o600) == 0)
    case "folder":
      path = folder.url.appendingPathComponent("episode.mp3").path
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    default:
      path = kind  // Only its type is read: open without blocking, fstat, close.
    }
    let info = MediaProbe().probe(path: path)
    let finding = try #require(info.findings.first)
    #expect(info.findings.count == 1)
    #expect(finding.ruleID == "PROBE-UNREADABLE")
    #expect(finding.message.contains("is \(expected), not a regular file"), "\(finding.message)")
    #expect(!finding.message.contains("permission"))
    #expect(info.bytesRead == 0)
  }

  @Test func missingFileGivesTheSystemReason() throws {
    let folder = try TemporaryFolder()
    let info = MediaProbe().probe(path: folder.url.appendingPathComponent("absent.mp3").path)
    #expect(info.findings.map(\.ruleID) == ["PROBE-UNREADABLE"])
    #expect(info.findings.first?.message.contains("No such file or directory") == true)
  }
}
