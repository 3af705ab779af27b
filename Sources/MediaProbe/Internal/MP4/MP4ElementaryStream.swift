/// What an `esds` box's descriptors say: the MPEG-4 object type and the decoder's own
/// configuration (an AudioSpecificConfig for AAC).
struct MP4ElementaryStream {
  /// `objectTypeIndication`: 0x40 for MPEG-4 audio, 0x6B for MP3, 0x20 for MPEG-4 visual.
  var objectType: UInt8
  var decoderSpecificInfo: ArraySlice<UInt8> = []

  /// From an `esds` payload (after its version and flags). Nil when it has no decoder configuration.
  static func parse(_ reader: inout ByteReader) throws(ProbeFailure) -> MP4ElementaryStream? {
    var (tag, size) = try descriptor(&reader)
    if tag == 0x03 {
      try reader.skip(2)
      let flags = try reader.u8()
      if flags & 0x80 != 0 { try reader.skip(2) }
      if flags & 0x40 != 0 { try reader.skip(Int(try reader.u8())) }
      if flags & 0x20 != 0 { try reader.skip(2) }
      (tag, size) = try descriptor(&reader)
    }
    guard tag == 0x04 else { return nil }
    let end = reader.position + size
    var stream = MP4ElementaryStream(objectType: try reader.u8())
    try reader.skip(12)
    while reader.position + 2 <= end {
      let (inner, length) = try descriptor(&reader)
      if inner == 0x05 {
        stream.decoderSpecificInfo = try reader.bytes(min(length, reader.remaining))
        break
      }
      try reader.skip(min(length, reader.remaining))
    }
    return stream
  }

  /// A descriptor's tag and its size, coded in up to four bytes of seven bits.
  private static func descriptor(_ reader: inout ByteReader) throws(ProbeFailure) -> (tag: UInt8, size: Int) {
    let tag = try reader.u8()
    var size = 0
    for _ in 0..<4 {
      let byte = try reader.u8()
      size = size << 7 | Int(byte & 0x7F)
      if byte & 0x80 == 0 { break }
    }
    return (tag, size)
  }

  /// The RFC 6381 codec string for audio: `mp4a.40.2` (AAC-LC), `mp4a.6B` (MP3).
  var audioCodec: String {
    guard objectType == 0x40 else { return "mp4a." + MP4Hex.byte(objectType, uppercase: true) }
    guard let config = MP4AudioSpecificConfig(decoderSpecificInfo) else { return "mp4a.40" }
    return "mp4a.40.\(config.objectType)"
  }

  /// The RFC 6381 codec string for MPEG-4 visual: `mp4v.20.9` with the profile and level from
  /// the visual object sequence header.
  var visualCodec: String {
    let prefix = "mp4v." + MP4Hex.byte(objectType, uppercase: true)
    let info = Array(decoderSpecificInfo)
    guard objectType == 0x20, info.count >= 5, info[0] == 0, info[1] == 0, info[2] == 1, info[3] == 0xB0 else {
      return prefix
    }
    return prefix + ".\(info[4])"
  }

  /// AAC (MPEG-4 and MPEG-2) carries an AudioSpecificConfig.
  var audioConfig: MP4AudioSpecificConfig? {
    [0x40, 0x66, 0x67, 0x68].contains(objectType) ? MP4AudioSpecificConfig(decoderSpecificInfo) : nil
  }
}
