/// A buffered stretch of a file for walking JPEG segments, PNG chunks and RIFF chunks. It reads
/// again only when a header falls outside the bytes it holds, so a walk costs a few `pread` calls
/// rather than one per header, and never holds more than one read.
struct ImageWindow<Source: ByteSource> {
  let source: Source
  private var buffer: [UInt8] = []
  private var start: Int64 = 0

  init(_ source: Source) { self.source = source }

  var fileSize: Int64 { source.size }

  /// Makes `count` bytes at `offset` available to the accessors.
  ///
  /// - Parameters:
  ///   - offset: Where the bytes start in the file.
  ///   - count: How many are needed now.
  ///   - readAhead: How many to read when it must read, so the next headers come free.
  /// - Returns: Whether the file holds them all.
  /// - Throws: `ProbeFailure` when the read budget is spent or reading fails.
  mutating func load(_ offset: Int64, count: Int, readAhead: Int = 4096) throws(ProbeFailure) -> Bool {
    guard offset >= 0, count >= 0 else { return false }
    if offset >= start, offset + Int64(count) <= start + Int64(buffer.count) { return true }
    guard offset <= fileSize - Int64(count) else { return false }
    buffer = try source.read(at: offset, count: max(count, readAhead))
    start = offset
    return buffer.count >= count
  }

  /// Where the content starting with `signature` begins: at 0, or after ID3v2 tags that a
  /// careless tool put in front of it (the dispatcher detects formats behind such tags).
  ///
  /// - Returns: The offset, or nil when the signature is at neither place.
  mutating func contentStart(signature: [UInt8]) throws(ProbeFailure) -> Int64? {
    if try load(0, count: signature.count), matches(signature, at: 0) { return 0 }
    let start = try ID3v2Skip.contentStart(of: source)
    guard start > 0, try load(start, count: signature.count), matches(signature, at: start) else { return nil }
    return start
  }

  /// The byte at `offset`, or 0 outside what `load` made available (never a trap).
  func u8(_ offset: Int64) -> UInt8 {
    let index = offset - start
    guard index >= 0, index < Int64(buffer.count) else { return 0 }
    return buffer[Int(index)]
  }

  func u16be(_ offset: Int64) -> Int { Int(u8(offset)) << 8 | Int(u8(offset + 1)) }
  func u32be(_ offset: Int64) -> Int { u16be(offset) << 16 | u16be(offset + 2) }
  func u16le(_ offset: Int64) -> Int { Int(u8(offset)) | Int(u8(offset + 1)) << 8 }
  func u24le(_ offset: Int64) -> Int { u16le(offset) | Int(u8(offset + 2)) << 16 }
  func u32le(_ offset: Int64) -> Int { u16le(offset) | u16le(offset + 2) << 16 }

  /// Whether the bytes at `offset` are `expected` (ASCII, for chunk types and signatures).
  func matches(_ expected: [UInt8], at offset: Int64) -> Bool {
    for (index, byte) in expected.enumerated() where u8(offset + Int64(index)) != byte { return false }
    return true
  }

  /// Four bytes as text, for messages about chunk types.
  func fourCC(_ offset: Int64) -> String {
    let bytes = (0..<4).map { u8(offset + Int64($0)) }
    guard bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else {
      return bytes.map(ImageProblem.hex).joined(separator: " ")
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
