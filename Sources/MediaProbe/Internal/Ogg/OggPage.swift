/// One Ogg page header (RFC 3533 §6): the fixed 27 bytes and the segment table that gives the
/// body's length and where its packets end.
struct OggPage {
  static let fixedHeaderLength = 27
  /// The largest page: a full segment table and 255 segments of 255 bytes.
  static let maximumLength = 27 + 255 + 255 * 255

  let offset: Int64
  let headerType: UInt8
  /// Codec-defined position after the last packet that ends on this page; -1 when none does.
  let granule: Int64
  let serial: UInt32
  /// The segment table: a value below 255 ends a packet.
  let lacing: ArraySlice<UInt8>
  let bodyLength: Int

  var headerLength: Int { Self.fixedHeaderLength + lacing.count }
  var length: Int { headerLength + bodyLength }
  var end: Int64 { offset + Int64(length) }
  var continuesPacket: Bool { headerType & 0x01 != 0 }
  var beginsStream: Bool { headerType & 0x02 != 0 }
  var endsStream: Bool { headerType & 0x04 != 0 }

  /// Whether `bytes` start with a plausible page header: capture pattern, version 0, known flags.
  /// Needs only the fixed 27 bytes, so a cut-short segment table is still recognised.
  static func hasCapture(_ bytes: ArraySlice<UInt8>) -> Bool {
    let s = bytes.startIndex
    return bytes.count >= fixedHeaderLength && bytes[s] == 0x4F && bytes[s + 1] == 0x67 && bytes[s + 2] == 0x67
      && bytes[s + 3] == 0x53 && bytes[s + 4] == 0 && bytes[s + 5] & 0xF8 == 0
  }

  /// The segment count the fixed header announces, or nil if `bytes` is no page header.
  static func segmentCount(_ bytes: ArraySlice<UInt8>) -> Int? {
    hasCapture(bytes) ? Int(bytes[bytes.startIndex + 26]) : nil
  }

  /// Parses the header at the start of `bytes`; nil unless it is plausible and complete.
  init?(_ bytes: ArraySlice<UInt8>, offset: Int64) {
    guard let segments = Self.segmentCount(bytes), bytes.count >= Self.fixedHeaderLength + segments else {
      return nil
    }
    let s = bytes.startIndex
    var granule: UInt64 = 0
    for index in (6..<14).reversed() { granule = granule << 8 | UInt64(bytes[s + index]) }
    var serial: UInt32 = 0
    for index in (14..<18).reversed() { serial = serial << 8 | UInt32(bytes[s + index]) }
    self.offset = offset
    self.headerType = bytes[s + 5]
    self.granule = Int64(bitPattern: granule)
    self.serial = serial
    self.lacing = bytes[(s + Self.fixedHeaderLength)..<(s + Self.fixedHeaderLength + segments)]
    self.bodyLength = lacing.reduce(0) { $0 + Int($1) }
  }
}
