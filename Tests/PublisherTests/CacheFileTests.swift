import Foundation
import PodiumTestSupport
@testable import Publisher
import Testing

/// A cache file is read mapped, its checksum taken a piece at a time (``CacheFile/read(_:from:)``):
/// a value of several pieces reads back whole, and a change anywhere in it, in any piece, or a
/// file cut short, is refused.
struct CacheFileTests {
  struct Stored: Codable, Equatable {
    var name: String
    var bytes: [UInt8]
    var numbers: [Int]
  }

  /// Over three pieces of the checksum, and an odd count of bytes left over after the last.
  static let value = Stored(
    name: "show", bytes: (0..<(3 << 20) + 13).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) },
    numbers: Array(0..<1_000))

  @Test(arguments: [0, 1, 2, 3])
  func aValueOfSeveralPiecesReadsBack(share: Int) throws {
    let folder = try TemporaryFolder()
    let file = folder.url.appendingPathComponent("record")
    var value = Self.value
    value.bytes = Array(value.bytes.prefix(value.bytes.count * share / 3))
    #expect(CacheFile.write(value, to: file))
    #expect(try CacheFile.read(Stored.self, from: file) == value)
  }

  /// Written a field at a time (over several pieces of the checksum), a value has the bytes of
  /// its whole encoding, and reads back.
  @Test func aValueWrittenAFieldAtATimeHasTheBytesOfItsWholeEncoding() throws {
    let folder = try TemporaryFolder()
    let (whole, byField) = (folder.url.appendingPathComponent("whole"), folder.url.appendingPathComponent("fields"))
    let value = Self.value
    #expect(CacheFile.write(value, to: whole))
    #expect(
      CacheFile.write(
        fields: [
          ("name", { try CacheEncoder.encode(value.name) }), ("bytes", { value.bytes }),
          ("numbers", { try CacheEncoder.encode(value.numbers) }),
        ], to: byField))
    #expect(try Data(contentsOf: byField) == Data(contentsOf: whole))
    #expect(try CacheFile.read(Stored.self, from: byField) == value)
    struct Refused: Error {}
    #expect(!CacheFile.write(fields: [("name", { throw Refused() })], to: byField), "a field that can't be encoded")
    #expect(try CacheFile.read(Stored.self, from: byField) == value, "the file is left as it was")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == ["fields", "whole"])
  }

  /// Large byte arrays, whose pages are given back as each is copied out of the mapping, read
  /// back whole, as does what is decoded after them; read twice, and decoded from memory too.
  @Test func largeByteArraysReadBackWhileTheirPagesAreGivenBack() throws {
    struct Two: Codable, Equatable {
      var first: [UInt8]
      var second: [UInt8]
      var name: String
    }
    let value = Two(first: Self.value.bytes, second: Self.value.bytes.reversed().dropLast(4099), name: "after")
    let folder = try TemporaryFolder()
    let file = folder.url.appendingPathComponent("record")
    #expect(CacheFile.write(value, to: file))
    #expect(try CacheFile.read(Two.self, from: file) == value)
    #expect(try CacheFile.read(Two.self, from: file) == value)
    let encoded = try CacheEncoder.encode(value)
    #expect(try CacheDecoder.decode(Two.self, from: encoded) == value)
    #expect(try CacheDecoder.decode(Two.self, from: encoded) == value)
  }

  /// One byte changed: in the header, in the first, a middle or the last piece, or in the
  /// bytes left over after the last whole word.
  @Test(arguments: [16, 30, 1 << 20, (2 << 20) + 5, -9, -1])
  func aChangedByteIsRefused(at offset: Int) throws {
    let folder = try TemporaryFolder()
    let file = folder.url.appendingPathComponent("record")
    #expect(CacheFile.write(Self.value, to: file))
    var bytes = try Data(contentsOf: file)
    bytes[offset < 0 ? bytes.count + offset : offset] ^= 0x20
    try bytes.write(to: file)
    #expect(throws: CacheFile.Problem.unreadable) { try CacheFile.read(Stored.self, from: file) }
  }

  @Test(arguments: [0, 10, 24, 1 << 20])
  func aFileCutShortIsRefused(to length: Int) throws {
    let folder = try TemporaryFolder()
    let file = folder.url.appendingPathComponent("record")
    #expect(CacheFile.write(Self.value, to: file))
    try Data(try Data(contentsOf: file).prefix(length)).write(to: file)
    #expect(throws: CacheFile.Problem.unreadable) { try CacheFile.read(Stored.self, from: file) }
  }

  @Test func aMissingFileOrALinkIsNotRead() throws {
    let folder = try TemporaryFolder()
    let file = folder.url.appendingPathComponent("record")
    #expect(throws: CacheFile.Problem.missing) { try CacheFile.read(Stored.self, from: file) }
    let real = folder.url.appendingPathComponent("real")
    #expect(CacheFile.write(Self.value, to: real))
    try FileManager.default.createSymbolicLink(at: file, withDestinationURL: real)
    #expect(throws: CacheFile.Problem.unreadable) { try CacheFile.read(Stored.self, from: file) }
    try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("folder"), withIntermediateDirectories: false)
    #expect(throws: CacheFile.Problem.unreadable) {
      try CacheFile.read(Stored.self, from: folder.url.appendingPathComponent("folder"))
    }
  }
}
