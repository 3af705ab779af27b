/// Builds MPEG audio frames and ID3/APE tags in memory, so tests can make any layout, however
/// large or broken, without committing files.
enum MP3Bytes {
  /// Samples per MPEG-1 Layer III frame, and the sample rate of `frame`.
  static let samplesPerFrame = 1152
  static let sampleRate = 32_000
  /// Seconds in `frames` frames of `frame`, 36 ms each, computed as the probe does.
  static func seconds(frames: Int) -> Double { Double(frames * samplesPerFrame) / Double(sampleRate) }
  private static let layer3Kilobits = [32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320]

  /// One MPEG-1 Layer III frame at 32 kHz (144 bytes at 32 kb/s, 4.5 bytes per kb/s), silent.
  static func frame(kbps: Int = 32, mono: Bool = true) -> [UInt8] {
    let index = (layer3Kilobits.firstIndex(of: kbps) ?? 0) + 1
    let header: [UInt8] = [0xFF, 0xFB, UInt8(index << 4) | 0x08, mono ? 0xC4 : 0x44]
    return header + [UInt8](repeating: 0, count: kbps * 9 / 2 - 4)
  }

  /// `count` frames, alternating through `kbps`.
  static func frames(_ count: Int, kbps: [Int] = [32]) -> [UInt8] {
    let templates = kbps.map { frame(kbps: $0) }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(count * (templates.map(\.count).max() ?? 0))
    for index in 0..<count { bytes += templates[index % templates.count] }
    return bytes
  }

  /// A first frame (32 kb/s, mono) holding a Xing or Info header and, with `delay`, a LAME tag;
  /// with `crc`, the frame is CRC-protected and the header sits two bytes later.
  static func xingFrame(
    _ tag: String = "Xing", frames: Int?, bytes: Int?, delay: Int? = nil, padding: Int = 0, encoder: String = "LAME3.100",
    crc: Bool = false
  ) -> [UInt8] {
    var frame = frame()
    if crc { frame[1] = 0xFA }
    let offset = crc ? 23 : 21
    var fields: [UInt8] = Array(tag.utf8)
    fields += be32((frames == nil ? 0 : 1) | (bytes == nil ? 0 : 2))
    if let frames { fields += be32(frames) }
    if let bytes { fields += be32(bytes) }
    if let delay {
      fields += Array(encoder.utf8.prefix(9)) + [UInt8](repeating: 0, count: 12)
      fields += [UInt8(delay >> 4), UInt8((delay & 0xF) << 4 | padding >> 8), UInt8(padding & 0xFF)]
    }
    frame.replaceSubrange(offset..<offset + fields.count, with: fields)
    return frame
  }

  /// A first frame holding Fraunhofer's VBRI header.
  static func vbriFrame(frames: Int, bytes: Int) -> [UInt8] {
    var frame = frame()
    let fields = Array("VBRI".utf8) + [0, 1, 0, 0, 0, 50] + be32(bytes) + be32(frames)
    frame.replaceSubrange(36..<36 + fields.count, with: fields)
    return frame
  }

  /// A whole ID3v2 tag around `body`.
  static func id3v2(major: UInt8, flags: UInt8 = 0, body: [UInt8], padding: Int = 0) -> [UInt8] {
    let content = body + [UInt8](repeating: 0, count: padding)
    var tag: [UInt8] = [0x49, 0x44, 0x33, major, 0, flags] + syncsafe(content.count) + content
    if major == 4, flags & 0x10 != 0 { tag += [0x33, 0x44, 0x49, major, 0, flags] + syncsafe(content.count) }
    return tag
  }

  /// One ID3v2 frame: the header for `major` (syncsafe sizes in 2.4), then `body`.
  static func id3Frame(_ id: String, _ body: [UInt8], major: UInt8 = 3, flags: UInt8 = 0) -> [UInt8] {
    switch major {
    case 2: Array(id.utf8) + [UInt8(body.count >> 16 & 0xFF), UInt8(body.count >> 8 & 0xFF), UInt8(body.count & 0xFF)] + body
    case 4: Array(id.utf8) + syncsafe(body.count) + [0, flags] + body
    default: Array(id.utf8) + be32(body.count) + [0, flags] + body
    }
  }

  /// A text frame in ISO-8859-1 (0) or UTF-8 (3).
  static func text(_ id: String, _ value: String, major: UInt8 = 3, encoding: UInt8 = 0) -> [UInt8] {
    let bytes = encoding == 0 ? value.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) } : Array(value.utf8)
    return id3Frame(id, [encoding] + bytes, major: major)
  }

  /// Text as UTF-16 code units in either byte order, with or without a byte order mark.
  static func utf16(_ value: String, bigEndian: Bool, bom: Bool) -> [UInt8] {
    let units = (bom ? [0xFEFF] : []) + Array(value.utf16)
    return units.flatMap { bigEndian ? [UInt8($0 >> 8), UInt8($0 & 0xFF)] : [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
  }

  /// The unsynchronisation scheme: a zero after every 0xFF.
  static func unsynchronise(_ bytes: [UInt8]) -> [UInt8] {
    bytes.flatMap { $0 == 0xFF ? [0xFF, 0x00] : [$0] }
  }

  /// A CHAP frame with a TIT2 title sub-frame.
  static func chapter(_ id: String, start: Int, end: Int, title: String, major: UInt8 = 4) -> [UInt8] {
    let body = Array(id.utf8) + [0] + be32(start) + be32(end) + be32(-1) + be32(-1) + text("TIT2", title, major: major)
    return id3Frame("CHAP", body, major: major)
  }

  /// A top-level, ordered CTOC frame listing `children`.
  static func tableOfContents(_ children: [String], major: UInt8 = 4) -> [UInt8] {
    var body: [UInt8] = Array("toc".utf8) + [0, 0x03, UInt8(children.count)]
    for child in children { body += Array(child.utf8) + [0] }
    return id3Frame("CTOC", body, major: major)
  }

  /// The 128-byte ID3v1 tag.
  static func id3v1(title: String, artist: String = "") -> [UInt8] {
    func field(_ text: String, _ width: Int) -> [UInt8] {
      let bytes = Array(text.utf8.prefix(width))
      return bytes + [UInt8](repeating: 0, count: width - bytes.count)
    }
    return Array("TAG".utf8) + field(title, 30) + field(artist, 30) + field("", 30) + field("", 4) + field("", 30) + [0xFF]
  }

  /// An APEv2 tag with a header and footer, holding text items.
  static func ape(_ items: [(String, String)]) -> [UInt8] {
    var body: [UInt8] = []
    for (key, value) in items { body += le32(value.utf8.count) + le32(0) + Array(key.utf8) + [0] + Array(value.utf8) }
    func block(isHeader: Bool) -> [UInt8] {
      let flags = 1 << 31 | (isHeader ? 1 << 29 : 0)
      return Array("APETAGEX".utf8) + le32(2000) + le32(body.count + 32) + le32(items.count) + le32(flags) + [UInt8](repeating: 0, count: 8)
    }
    return block(isHeader: true) + body + block(isHeader: false)
  }

  static func syncsafe(_ value: Int) -> [UInt8] {
    [UInt8(value >> 21 & 0x7F), UInt8(value >> 14 & 0x7F), UInt8(value >> 7 & 0x7F), UInt8(value & 0x7F)]
  }

  static func be32(_ value: Int) -> [UInt8] {
    [UInt8(value >> 24 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
  }

  static func le32(_ value: Int) -> [UInt8] { be32(value).reversed() }
}

