@testable import MediaProbe
import Testing

@Suite struct DispatcherTests {
  @Test func emptyFileIsAFinding() {
    let info = MediaProbe().probe(bytes: [], name: "empty.mp3")
    #expect(info.findings.map(\.ruleID) == ["PROBE-EMPTY"])
  }

  @Test func randomBytesAreUnknown() {
    var generator = SystemRandomNumberGenerator()
    let bytes = (0..<4096).map { _ in UInt8.random(in: 0...0x7F, using: &generator) }
    let info = MediaProbe().probe(bytes: bytes, name: "noise.bin")
    #expect(info.container == nil)
    #expect(info.findings.contains { $0.ruleID == "PROBE-UNKNOWN-FORMAT" })
  }

  @Test func byteReaderNeverReadsPastTheEnd() throws {
    var reader = ByteReader([1, 2, 3])
    #expect(try reader.u16be() == 0x0102)
    #expect(throws: ProbeFailure.self) { try reader.u16be() }
    #expect(throws: ProbeFailure.self) { try reader.skip(-1) }
    #expect(try reader.u8() == 3)
  }
}
