/// A box type or sample entry format: four bytes compared as one integer, so walking boxes
/// builds no strings.
struct MP4FourCC: Hashable, Sendable, CustomStringConvertible {
  let rawValue: UInt32

  init(_ rawValue: UInt32) { self.rawValue = rawValue }

  /// From text such as `moov` or `©nam`; `©` is the byte 0xA9, as in QuickTime.
  init(_ text: String) {
    var value: UInt32 = 0
    for scalar in text.unicodeScalars.prefix(4) { value = value << 8 | (scalar.value & 0xFF) }
    self.rawValue = value
  }

  init(_ bytes: ArraySlice<UInt8>) {
    self.rawValue = bytes.prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
  }

  var bytes: [UInt8] { [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: rawValue >> $0) } }

  /// Letters, digits, space and `©`: what real box types are made of.
  var isPrintable: Bool {
    bytes.allSatisfy { (0x20...0x7E).contains($0) || $0 == 0xA9 }
  }

  /// The type as text for messages, with unprintable bytes as `\xNN`.
  var description: String {
    bytes.map { byte in
      switch byte {
      case 0xA9: "©"
      case 0x20...0x7E: String(UnicodeScalar(byte))
      default: "\\x" + MP4Hex.byte(byte, uppercase: true)
      }
    }.joined()
  }

  /// The text for a codec string: the type without trailing spaces, or nil when not printable.
  var codecName: String? {
    guard isPrintable else { return nil }
    let text = description
    return text.hasSuffix(" ") ? String(text.reversed().drop { $0 == " " }.reversed()) : text
  }
}

extension MP4FourCC {
  static let ftyp = MP4FourCC("ftyp"), moov = MP4FourCC("moov"), mdat = MP4FourCC("mdat"), free = MP4FourCC("free")
  static let skip = MP4FourCC("skip"), wide = MP4FourCC("wide"), moof = MP4FourCC("moof"), sidx = MP4FourCC("sidx")
  static let uuid = MP4FourCC("uuid"), mvhd = MP4FourCC("mvhd"), trak = MP4FourCC("trak"), udta = MP4FourCC("udta")
  static let meta = MP4FourCC("meta"), mvex = MP4FourCC("mvex"), mehd = MP4FourCC("mehd"), tkhd = MP4FourCC("tkhd")
  static let tref = MP4FourCC("tref"), chap = MP4FourCC("chap"), mdia = MP4FourCC("mdia"), mdhd = MP4FourCC("mdhd")
  static let hdlr = MP4FourCC("hdlr"), minf = MP4FourCC("minf"), stbl = MP4FourCC("stbl"), stsd = MP4FourCC("stsd")
  static let stts = MP4FourCC("stts"), stsz = MP4FourCC("stsz"), stz2 = MP4FourCC("stz2"), stsc = MP4FourCC("stsc")
  static let stco = MP4FourCC("stco"), co64 = MP4FourCC("co64"), chpl = MP4FourCC("chpl"), ilst = MP4FourCC("ilst")
  static let data = MP4FourCC("data"), covr = MP4FourCC("covr"), wave = MP4FourCC("wave"), esds = MP4FourCC("esds")
  static let sinf = MP4FourCC("sinf"), frma = MP4FourCC("frma")
}
