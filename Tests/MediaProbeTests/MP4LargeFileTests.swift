import Foundation
import Testing

@testable import MediaProbe

/// Long files, made as sparse files from the small fixtures: the probe reads box headers and
/// `moov`, never `mdat`, so its reads don't grow with the file.
@Suite struct MP4LargeFileTests {
  /// Writes `head` at the start and `tail` at `tailOffset` of a sparse file `size` bytes long.
  static func sparseFile(head: [UInt8], tail: [UInt8] = [], at tailOffset: Int64 = 0, size: Int64) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("mp4-\(UUID().uuidString).mp4")
    try Foundation.Data(head).write(to: url)
    let handle = try FileHandle(forWritingTo: url)
    defer { try? handle.close() }
    if !tail.isEmpty {
      try handle.seek(toOffset: UInt64(tailOffset))
      try handle.write(contentsOf: Foundation.Data(tail))
    }
    try handle.truncate(atOffset: UInt64(size))
    return url
  }

  /// A faststart MP4 whose `mdat` grows to the end of a 1 GB file (32-bit size) or a 5 GB
  /// one (64-bit size, written over the 8-byte `free` box ffmpeg leaves for it).
  @Test(arguments: [Int64(1) << 30, Int64(5) << 30]) func faststartFileOfAnySize(_ size: Int64) throws {
    var bytes = try MP4Fixture.bytes("h264-aac.mp4")
    let free = try MP4Fixture.offset(of: "free", in: bytes)
    if size > Int64(UInt32.max) {
      MP4Fixture.patch(&bytes, at: free, MP4Fixture.header("mdat", size: 1, largeSize: UInt64(size - Int64(free))))
    } else {
      let mdat = try MP4Fixture.offset(of: "mdat", in: bytes)
      MP4Fixture.patch(&bytes, at: mdat, MP4Fixture.u32(UInt32(size - Int64(mdat))))
    }
    let url = try Self.sparseFile(head: bytes, size: size)
    defer { try? FileManager.default.removeItem(at: url) }
    let info = MediaProbe().probe(path: url.path)
    #expect(info.size == size)
    #expect(info.findings.isEmpty)
    #expect(info.faststart == true)
    #expect(info.duration == 2)
    #expect(info.codecs == ["avc1.64000b", "mp4a.40.2"])
    #expect(info.bitrate == Int(size * 8 / 2))
    #expect(info.bytesRead <= 128 * 1024)
  }

  /// A 3 GB M4A with `moov` after `mdat`: two reads at the start, then `moov` at the end.
  @Test func moovAfterALargeMdat() throws {
    let bytes = try MP4Fixture.bytes("aac-moov-at-end.m4a")
    let free = try MP4Fixture.offset(of: "free", in: bytes)
    let mdat = try MP4Fixture.offset(of: "mdat", in: bytes)
    let moov = try MP4Fixture.offset(of: "moov", in: bytes)
    let mdatSize = Int64(3) << 30
    let head =
      Array(bytes[..<free]) + MP4Fixture.header("mdat", size: 1, largeSize: UInt64(mdatSize))
      + Array(bytes[(mdat + 8)..<moov])
    let tail = Array(bytes[moov...])
    let moovOffset = Int64(free) + mdatSize
    let url = try Self.sparseFile(head: head, tail: tail, at: moovOffset, size: moovOffset + Int64(tail.count))
    defer { try? FileManager.default.removeItem(at: url) }
    let info = MediaProbe().probe(path: url.path)
    #expect(info.duration == 2.5)
    #expect(info.faststart == false)
    #expect(info.findings.map(\.ruleID) == ["PROBE-FASTSTART"])
    #expect(info.findings.first?.message.contains("moov is at byte \(moovOffset) after mdat") == true)
    #expect(info.bytesRead <= 128 * 1024)
  }
}
