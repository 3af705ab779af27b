/// iTunes and QuickTime tag names, and their text.
enum MP4Tags {
  /// The longest tag text read; longer text is cut there.
  static var maximumLength: Int { 16 * 1024 }

  static let names: [MP4FourCC: String] = [
    MP4FourCC("©nam"): "title", MP4FourCC("©ART"): "artist", MP4FourCC("©alb"): "album",
    MP4FourCC("aART"): "albumArtist",
    MP4FourCC("©cmt"): "comment", MP4FourCC("©day"): "date", MP4FourCC("©gen"): "genre",
    MP4FourCC("desc"): "description",
    MP4FourCC("cprt"): "copyright", MP4FourCC("©too"): "encoder", MP4FourCC("©wrt"): "composer",
  ]

  /// Text as `data` boxes type it: 1 is UTF-8, 2 UTF-16; 0 (implicit) is read as UTF-8. Other
  /// types (numbers, pictures) are not text. Trailing NULs are dropped; nil when empty.
  static func text(_ bytes: ArraySlice<UInt8>, type: UInt32 = 1) -> String? {
    var bytes = bytes
    while bytes.last == 0 { bytes.removeLast() }
    let text: String
    switch type {
    case 0, 1: text = String(decoding: bytes, as: UTF8.self)
    case 2: text = utf16(bytes, bigEndian: true)
    default: return nil
    }
    return text.isEmpty ? nil : text
  }

  /// UTF-16 text, or UTF-8 when there is no byte order mark (QuickTime chapter titles).
  static func textWithByteOrderMark(_ bytes: ArraySlice<UInt8>) -> String? {
    if bytes.starts(with: [0xFE, 0xFF]) { return nonEmpty(utf16(bytes.dropFirst(2), bigEndian: true)) }
    if bytes.starts(with: [0xFF, 0xFE]) { return nonEmpty(utf16(bytes.dropFirst(2), bigEndian: false)) }
    return text(bytes)
  }

  private static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> String {
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2)
    var index = bytes.startIndex
    while index + 1 < bytes.endIndex {
      let high = UInt16(bytes[index])
      let low = UInt16(bytes[index + 1])
      units.append(bigEndian ? high << 8 | low : low << 8 | high)
      index += 2
    }
    while units.last == 0 { units.removeLast() }
    return String(decoding: units, as: UTF16.self)
  }

  private static func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }
}
