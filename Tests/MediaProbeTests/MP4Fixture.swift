import Foundation
import Testing

@testable import MediaProbe

/// Fixtures and hand-built boxes for the MPEG-4 tests.
enum MP4Fixture {
  static func url(_ name: String) throws -> URL {
    try #require(Bundle.module.url(forResource: "Fixtures/mp4/\(name)", withExtension: nil))
  }

  static func bytes(_ name: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: try url(name)))
  }

  static func u16(_ value: UInt16) -> [UInt8] { [UInt8(value >> 8), UInt8(value & 0xFF)] }
  static func u32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (24 - 8 * $0)) } }
  static func u64(_ value: UInt64) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: value >> (56 - 8 * $0)) } }

  /// A box with a 32-bit size that fits its payload. `©` in the type is the byte 0xA9.
  static func box(_ type: String, _ payload: [UInt8] = []) -> [UInt8] {
    u32(UInt32(8 + payload.count)) + MP4FourCC(type).bytes + payload
  }

  /// A box header with any size field, for hostile sizes.
  static func header(_ type: String, size: UInt32, largeSize: UInt64? = nil) -> [UInt8] {
    u32(size) + MP4FourCC(type).bytes + (largeSize.map(u64) ?? [])
  }

  static let ftyp = box("ftyp", Array("isom".utf8) + u32(512) + Array("isomiso2mp41".utf8))

  /// `mvhd` version 0 with a timescale of 1000.
  static func mvhd(milliseconds: UInt32) -> [UInt8] {
    box("mvhd", [UInt8](repeating: 0, count: 12) + u32(1000) + u32(milliseconds) + [UInt8](repeating: 0, count: 80))
  }

  /// A track with only a media handler: enough to count as an audio track.
  static let audioTrack = box(
    "trak",
    box("mdia", box("hdlr", [UInt8](repeating: 0, count: 8) + Array("soun".utf8) + [UInt8](repeating: 0, count: 13))))

  /// The offset of the `index`th (from 0) box of `type` in `bytes`: where its size field starts.
  static func offset(of type: String, in bytes: [UInt8], index: Int = 0) throws -> Int {
    let pattern = Array(type.utf8)
    var found = -1
    var position = 4
    while position + 4 <= bytes.count {
      if Array(bytes[position..<position + 4]) == pattern {
        found += 1
        if found == index { return position - 4 }
      }
      position += 1
    }
    throw MP4TestError.missing(type)
  }

  static func patch(_ bytes: inout [UInt8], at offset: Int, _ value: [UInt8]) {
    bytes.replaceSubrange(offset..<offset + value.count, with: value)
  }

  static func rules(_ info: MediaInfo) -> [String] { info.findings.map(\.ruleID) }

  static func probe(_ bytes: [UInt8], name: String = "test.mp4", limits: ProbeLimits = ProbeLimits()) -> MediaInfo {
    MediaProbe(limits: limits).probe(bytes: bytes, name: name)
  }
}

enum MP4TestError: Error { case missing(String) }
