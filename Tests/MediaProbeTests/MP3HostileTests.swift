import Foundation
@testable import MediaProbe
import PodiumTestSupport
import Testing

/// Inputs built to break the MP3 parser. Each must end in a clear finding, quickly, reading and
/// allocating little, and never crash.
@Suite struct MP3HostileTests {
  static func probe(_ bytes: [UInt8], name: String = "hostile.mp3") -> MediaInfo {
    MediaProbe().probe(bytes: bytes, name: name)
  }

  @Test func id3TagClaiming200MBOnA1KBFile() {
    var generator = SeededRandom(seed: 1)
    let bytes = [0x49, 0x44, 0x33, 3, 0, 0] + MP3Bytes.syncsafe(200 * 1024 * 1024)
      + (0..<1014).map { _ in UInt8.random(in: 0...255, using: &generator) }
    let info = Self.probe(bytes)
    #expect(info.container == .mp3)
    #expect(info.duration == nil)
    #expect(info.findings.contains { $0.ruleID == "PROBE-TRUNCATED" && $0.message.contains("claims 209715210 bytes") })
    #expect(info.bytesRead < 8 * 1024)
  }

  @Test(arguments: [1, 2, 3, 4, 5])
  func randomBytesWithFrameSyncsSprinkledAreNotMP3(_ seed: UInt64) {
    var generator = SeededRandom(seed: seed)
    var bytes = (0..<65_536).map { _ in UInt8.random(in: 0...255, using: &generator) }
    for _ in 0..<500 {
      let at = Int.random(in: 0..<(bytes.count - 4), using: &generator)
      bytes.replaceSubrange(at..<at + 4, with: [0xFF, 0xFB, 0x90, 0x44])
    }
    bytes.replaceSubrange(0..<4, with: [0xFF, 0xFB, 0x90, 0x44])
    let info = Self.probe(bytes)
    #expect(info.container == nil)
    #expect(info.duration == nil)
    #expect(info.findings.map(\.ruleID) == ["PROBE-UNKNOWN-FORMAT"])
  }

  @Test func frameRunningPastTheEndAfterATag() {
    let tag = MP3Bytes.id3v2(major: 3, body: MP3Bytes.text("TIT2", "Cut"))
    let info = Self.probe(tag + Array(MP3Bytes.frame(kbps: 320).prefix(300)))
    #expect(info.container == .mp3)
    #expect(info.tags["title"] == "Cut")
    #expect(info.findings.map(\.ruleID) == ["PROBE-TRUNCATED"])
    #expect(info.findings.first?.message.contains("needs 1440 bytes and has only 300") == true)
  }

  /// CHAP frames nested 10,000 deep (each one's sub-frame is the next): only the top level is read.
  @Test func tenThousandNestedChapterFrames() {
    let depth = 10_000
    let inner = MP3Bytes.text("TIT2", "Innermost", major: 4)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(depth * 28 + inner.count)
    for level in 0..<depth {
      let bodySize = (depth - level) * 28 - 10 + inner.count
      bytes += Array("CHAP".utf8) + MP3Bytes.syncsafe(bodySize) + [0, 0] + [0x63, 0] + MP3Bytes.be32(level)
        + MP3Bytes.be32(level + 1) + MP3Bytes.be32(-1) + MP3Bytes.be32(-1)
    }
    bytes += inner
    let info = Self.probe(MP3Bytes.id3v2(major: 4, body: bytes) + MP3Bytes.frames(10))
    #expect(info.chapters == [MediaChapter(start: 0, end: 0.001)])
    #expect(info.duration == MP3Bytes.seconds(frames: 10))
  }

  @Test func tenThousandChapterFramesInARow() {
    var body: [UInt8] = []
    for index in 0..<10_000 { body += MP3Bytes.chapter("c\(index)", start: index * 1000, end: index * 1000 + 1000, title: "\(index)") }
    let info = Self.probe(MP3Bytes.id3v2(major: 4, body: body) + MP3Bytes.frames(10))
    #expect(info.chapters.count == 10_000)
    #expect(info.chapters.last == MediaChapter(start: 9999, end: 10_000, title: "9999"))
  }

  @Test func unsynchronisedTagOfNothingButFFZero() {
    let body = Array([[UInt8]](repeating: [0xFF, 0x00], count: 2048).joined())
    let info = Self.probe(MP3Bytes.id3v2(major: 3, flags: 0x80, body: body) + MP3Bytes.frames(10))
    #expect(info.findings.map(\.ruleID) == ["PROBE-MALFORMED"])
    #expect(info.findings.first?.message.contains("are not an ID3v2 frame") == true)
    #expect(info.duration == MP3Bytes.seconds(frames: 10))
  }

  @Test func frameSizePastTheTagEnd() {
    let frame = Array("TIT2".utf8) + MP3Bytes.be32(0x7FFF_FFFF) + [0, 0, 0] + Array("x".utf8)
    let info = Self.probe(MP3Bytes.id3v2(major: 3, body: frame) + MP3Bytes.frames(10))
    #expect(info.findings.map(\.ruleID) == ["PROBE-MALFORMED"])
    #expect(info.findings.first?.message.contains("claims 2147483647 bytes, past the tag's end") == true)
    #expect(info.duration == MP3Bytes.seconds(frames: 10))
  }

  @Test func extendedHeaderWithAnImpossibleSize() {
    let info = Self.probe(MP3Bytes.id3v2(major: 3, flags: 0x40, body: MP3Bytes.be32(0x7FFF_0000) + [0, 0]) + MP3Bytes.frames(5))
    #expect(info.findings.map(\.ruleID) == ["PROBE-MALFORMED"])
    #expect(info.duration == MP3Bytes.seconds(frames: 5))
  }

  @Test func apeFooterClaimingMoreThanTheFile() {
    let footer = Array("APETAGEX".utf8) + MP3Bytes.le32(2000) + MP3Bytes.le32(Int(UInt32.max)) + MP3Bytes.le32(1)
      + MP3Bytes.le32(0) + [UInt8](repeating: 0, count: 8)
    let info = Self.probe(MP3Bytes.frames(10) + footer)
    #expect(info.findings.map(\.ruleID) == ["PROBE-MALFORMED", "PROBE-GARBAGE"])
    #expect(info.duration == MP3Bytes.seconds(frames: 10))
  }

  static let tiny: [[UInt8]] = [
    [0xFF], [0xFF, 0xFB], [0xFF, 0xFB, 0x90], [0xFF, 0xFB, 0x90, 0x44], [0x49, 0x44, 0x33],
    [0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0], [0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0, 0],
    [0x49, 0x44, 0x33, 4, 0, 0x10, 0, 0, 0, 0], [0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0, 0, 0xFF, 0xFB],
    [0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0, 4, 0x54, 0x49, 0x54, 0x32],
  ]

  /// Files of 1 to 14 bytes: smaller than a frame, a tag header, or both.
  @Test(arguments: tiny)
  func filesSmallerThanAHeader(_ bytes: [UInt8]) {
    let info = Self.probe(bytes)
    #expect(!info.findings.isEmpty)
    #expect(info.bytesRead <= 1024)
  }

  /// A 1 GB sparse file: an ID3 tag, then zeros. The search for a first frame gives up after 4 MB.
  @Test func hugeFileOfZerosBehindATag() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("mp3-hostile-\(UUID().uuidString).mp3").path
    let tag = MP3Bytes.id3v2(major: 3, body: MP3Bytes.text("TIT2", "Zeros"))
    #expect(FileManager.default.createFile(atPath: path, contents: Data(tag)))
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(truncate(path, 1 << 30) == 0)
    let info = MediaProbe().probe(path: path)
    #expect(info.container == .mp3)
    #expect(info.findings.map(\.ruleID) == ["PROBE-MALFORMED"])
    #expect(info.bytesRead <= 5 * 1024 * 1024)
  }
}
