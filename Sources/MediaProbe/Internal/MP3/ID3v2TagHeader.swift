/// The ten bytes in front of an ID3v2 tag (or, for ID3v2.4, the same ten bytes as a footer
/// behind it): version, flags and the syncsafe size of what follows.
struct ID3v2TagHeader: Equatable {
  /// Where the tag starts in the file.
  let offset: Int64
  /// 2, 3 or 4 for ID3v2.2, 2.3 and 2.4.
  let major: UInt8
  let flags: UInt8
  /// Bytes after the header, footer excluded.
  let size: Int64

  /// Reads a header ("ID3") or, with `footer`, a footer ("3DI") from ten bytes.
  init?(_ bytes: ArraySlice<UInt8>, offset: Int64, footer: Bool = false) {
    let magic: [UInt8] = footer ? [0x33, 0x44, 0x49] : [0x49, 0x44, 0x33]
    guard bytes.count >= 10 else { return nil }
    let start = bytes.startIndex
    guard bytes[start..<start + 3].elementsEqual(magic), bytes[start + 3] < 0xFF, bytes[start + 4] < 0xFF,
      bytes[(start + 6)..<(start + 10)].allSatisfy({ $0 < 0x80 })
    else { return nil }
    self.offset = offset
    major = bytes[start + 3]
    flags = bytes[start + 5]
    size = Self.syncsafe(bytes[(start + 6)..<(start + 10)])
  }

  var hasFooter: Bool { major == 4 && flags & 0x10 != 0 }
  /// Header, body and footer.
  var totalLength: Int64 { 10 + size + (hasFooter ? 10 : 0) }
  /// The whole tag is unsynchronised (in ID3v2.4 this means every frame is).
  var unsynchronised: Bool { flags & 0x80 != 0 }
  var hasExtendedHeader: Bool { major >= 3 && flags & 0x40 != 0 }
  /// ID3v2.2's compression flag: no compression scheme was ever defined, so such a tag is skipped.
  var compressed: Bool { major == 2 && flags & 0x40 != 0 }

  /// Seven bits a byte, most significant first, so no byte of the size looks like an MPEG sync.
  static func syncsafe(_ bytes: ArraySlice<UInt8>) -> Int64 {
    bytes.reduce(Int64(0)) { $0 << 7 | Int64($1 & 0x7F) }
  }
}
