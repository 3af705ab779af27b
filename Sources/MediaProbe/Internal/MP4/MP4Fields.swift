/// Field layouts of small full boxes, shared by the parsers.
enum MP4Fields {
  /// A full box's one field: 64 bits in version 1, else 32 (`mehd`).
  static func versionedValue(_ reader: inout ByteReader) throws(ProbeFailure) -> UInt64 {
    let version = try reader.u8()
    try reader.skip(3)
    return version == 1 ? try reader.u64be() : UInt64(try reader.u32be())
  }

  /// Timescale and duration, as `mvhd` and `mdhd` lay them out in versions 0 and 1. A duration
  /// of all ones means unknown.
  static func timing(_ reader: inout ByteReader) throws(ProbeFailure) -> (timescale: UInt32, duration: UInt64?) {
    let version = try reader.u8()
    try reader.skip(3)
    if version == 1 {
      try reader.skip(16)
      let timescale = try reader.u32be()
      let duration = try reader.u64be()
      return (timescale, duration == .max ? nil : duration)
    }
    try reader.skip(8)
    let timescale = try reader.u32be()
    let duration = try reader.u32be()
    return (timescale, duration == .max ? nil : UInt64(duration))
  }

  /// `elst`: the empty edits at its start, then the first edit that shows media (an entry is
  /// 64-bit duration and media time in version 1, 32-bit in version 0, then a rate).
  static func edit(_ reader: inout ByteReader) throws(ProbeFailure) -> MP4Edit {
    let version = try reader.u8()
    try reader.skip(3)
    let count = try reader.u32be()
    var edit = MP4Edit()
    for _ in 0..<min(count, 8) {
      let duration = version == 1 ? try reader.u64be() : UInt64(try reader.u32be())
      let time = version == 1 ? Int64(bitPattern: try reader.u64be()) : Int64(Int32(bitPattern: try reader.u32be()))
      try reader.skip(4)
      guard time == -1 else {
        edit.mediaTime = max(0, time)
        edit.shown = duration > 0 ? duration : nil  // 0: to the end of the media (fragmented files)
        break
      }
      edit.delay &+= duration
    }
    return edit
  }

  /// `chpl`: a version 1 full box, 4 reserved bytes, a count, then each chapter's start in
  /// 100 ns units and its title, as ffmpeg, mp4v2 and mutagen read it.
  static func neroChapters(_ reader: inout ByteReader) throws(ProbeFailure) -> [MediaChapter] {
    let version = try reader.u8()
    try reader.skip(version == 0 ? 3 : 7)
    let count = Int(try reader.u8())
    var chapters: [MediaChapter] = []
    for _ in 0..<count {
      let start = try reader.u64be()
      let title = MP4Tags.text(try reader.bytes(Int(try reader.u8())))
      chapters.append(MediaChapter(start: Double(start) / 10_000_000, title: title))
    }
    return chapters
  }

  /// A track reference (`tref/chap`): track IDs to the end of the box.
  static func trackIDs(_ reader: inout ByteReader) throws(ProbeFailure) -> [UInt32] {
    var ids: [UInt32] = []
    while reader.remaining >= 4 { ids.append(try reader.u32be()) }
    return ids
  }

  /// A QuickTime text atom (`udta/©nam`): a 16-bit length, a 16-bit language, then the text.
  static func quickTimeText(_ reader: inout ByteReader) throws(ProbeFailure) -> String? {
    let length = Int(try reader.u16be())
    try reader.skip(2)
    return MP4Tags.text(try reader.bytes(min(length, reader.remaining)))
  }

  /// An iTunes `data` box: a type (1 UTF-8, 2 UTF-16, …), a locale, then the value.
  static func itemText(_ reader: inout ByteReader) throws(ProbeFailure) -> String? {
    let type = try reader.u32be() & 0xFF_FFFF
    try reader.skip(4)
    return MP4Tags.text(try reader.bytes(reader.remaining), type: type)
  }

  /// ISO 639-2/T packed in 15 bits, or nil for `und` and for QuickTime's Macintosh codes.
  static func language(_ packed: UInt16) -> String? {
    guard packed >= 0x400, packed != 0x7FFF else { return nil }
    let letters = [10, 5, 0].map { UInt8(truncatingIfNeeded: (packed >> $0) & 0x1F) + 0x60 }
    guard letters.allSatisfy({ (0x61...0x7A).contains($0) }) else { return nil }
    let code = String(decoding: letters, as: UTF8.self)
    return code == "und" ? nil : code
  }
}
