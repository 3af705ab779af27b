/// The header of one ID3v2 frame: a three-letter (ID3v2.2) or four-letter id, the body's size and,
/// from ID3v2.3 on, flags that say how the body is stored.
struct ID3v2FrameHeader {
  let id: String
  let bodySize: Int
  let headerLength: Int
  /// Compressed or encrypted: nothing here can read the body, so the frame is skipped.
  let unreadable: Bool
  /// Bytes between the header and the frame's data: group id, encryption method, data length.
  let prefixLength: Int
  /// ID3v2.4 unsynchronisation of this frame (or of the whole tag).
  let unsynchronised: Bool

  static func length(major: UInt8) -> Int { major == 2 ? 6 : 10 }

  /// - Parameters:
  ///   - syncsafeSize: ID3v2.4 sizes are syncsafe, but iTunes wrote plain ones; the reader decides.
  ///   - tagUnsynchronised: the ID3v2.4 tag header says every frame is unsynchronised.
  init?(_ bytes: ArraySlice<UInt8>, major: UInt8, syncsafeSize: Bool = true, tagUnsynchronised: Bool = false) {
    let idLength = major == 2 ? 3 : 4
    headerLength = Self.length(major: major)
    guard bytes.count >= headerLength else { return nil }
    let start = bytes.startIndex
    let idBytes = bytes[start..<start + idLength]
    guard Self.isFrameID(idBytes) else { return nil }
    id = String(decoding: idBytes, as: UTF8.self)
    let sizeBytes = bytes[(start + idLength)..<(start + idLength * 2)]
    bodySize =
      major == 4 && syncsafeSize
      ? Int(ID3v2TagHeader.syncsafe(sizeBytes)) : sizeBytes.reduce(0) { $0 << 8 | Int($1) }
    let format = major == 2 ? 0 : bytes[start + 9]
    var prefix = 0
    if major == 4 {
      unreadable = format & 0x0C != 0
      unsynchronised = format & 0x02 != 0 || tagUnsynchronised
      prefix = (format & 0x40 != 0 ? 1 : 0) + (format & 0x04 != 0 ? 1 : 0) + (format & 0x01 != 0 ? 4 : 0)
    } else {
      unreadable = format & 0xC0 != 0
      unsynchronised = false
      prefix = (format & 0x80 != 0 ? 4 : 0) + (format & 0x40 != 0 ? 1 : 0) + (format & 0x20 != 0 ? 1 : 0)
    }
    prefixLength = min(prefix, bodySize)
  }

  /// Frame ids are upper-case letters and digits.
  static func isFrameID(_ bytes: ArraySlice<UInt8>) -> Bool {
    bytes.allSatisfy { (0x41...0x5A).contains($0) || (0x30...0x39).contains($0) }
  }

  /// Whether `bytes` (at least four of them) in an ID3v2.4 size field have a high bit set, which a
  /// syncsafe size never has: then the writer used a plain size.
  static func hasPlainSize(_ bytes: ArraySlice<UInt8>) -> Bool {
    bytes.dropFirst(4).prefix(4).contains { $0 >= 0x80 }
  }
}
