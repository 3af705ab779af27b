/// One logical stream of an Ogg file, known from its identification header (the first packet of
/// its first page): the codec, and how to turn a granule position into seconds.
struct OggStream {
  enum Codec: String {
    case opus, vorbis, theora, flac, speex
  }

  let serial: UInt32
  let codec: Codec
  var sampleRate: Int?
  var channels: Int?
  var width: Int?
  var height: Int?
  var frameRate: Double?
  /// Opus: samples at 48 kHz to drop at the start.
  var preSkip: Int64 = 0
  /// Theora: the granule's low bits count frames since the last keyframe.
  var keyframeShift = 0
  var lastGranule: Int64?

  /// Recognises the identification packets of the codecs podcasts use; nil for others (Skeleton,
  /// unknown codecs).
  init?(serial: UInt32, identification packet: [UInt8]) {
    self.serial = serial
    var reader = ByteReader(packet)
    do {
      if packet.starts(with: Array("OpusHead".utf8)) {
        codec = .opus
        try Self.readOpus(&reader, into: &self)
      } else if packet.starts(with: [0x01] + Array("vorbis".utf8)) {
        codec = .vorbis
        try Self.readVorbis(&reader, into: &self)
      } else if packet.starts(with: [0x80] + Array("theora".utf8)) {
        codec = .theora
        try Self.readTheora(&reader, into: &self)
      } else if packet.starts(with: [0x7F] + Array("FLAC".utf8)) {
        codec = .flac
        try Self.readFLAC(&reader, into: &self)
      } else if packet.starts(with: Array("Speex   ".utf8)) {
        codec = .speex
        try Self.readSpeex(&reader, into: &self)
      } else {
        return nil
      }
    } catch {
      return nil
    }
  }

  /// The playable length up to `granule`.
  func duration(atGranule granule: Int64) -> Double? {
    // -1 means no packet ends on the page; other negative positions are invalid.
    guard granule >= 0 else { return nil }
    switch codec {
    case .opus:
      return Double(max(0, granule - preSkip)) / 48_000
    case .vorbis, .flac, .speex:
      guard let sampleRate, sampleRate > 0 else { return nil }
      return Double(granule) / Double(sampleRate)
    case .theora:
      guard let frameRate, frameRate > 0, keyframeShift < 63 else { return nil }
      let frames = (granule >> keyframeShift) + (granule & ((1 << keyframeShift) - 1))
      return Double(frames) / frameRate
    }
  }

  /// The comment header's signature, which precedes a Vorbis comment block.
  var commentPrefix: [UInt8] {
    switch codec {
    case .opus: Array("OpusTags".utf8)
    case .vorbis: [0x03] + Array("vorbis".utf8)
    case .theora: [0x81] + Array("theora".utf8)
    case .flac: []
    case .speex: []
    }
  }
}

extension OggStream {
  /// RFC 7845 §5.1. Opus always decodes at 48 kHz; the input rate is only a hint, so the
  /// playback rate is the one reported.
  fileprivate static func readOpus(_ reader: inout ByteReader, into stream: inout OggStream) throws(ProbeFailure) {
    try reader.skip(9)
    stream.channels = Int(try reader.u8())
    stream.preSkip = Int64(try reader.u16le())
    stream.sampleRate = 48_000
  }

  /// Vorbis I §4.2.2.
  fileprivate static func readVorbis(_ reader: inout ByteReader, into stream: inout OggStream) throws(ProbeFailure) {
    try reader.skip(11)
    stream.channels = Int(try reader.u8())
    stream.sampleRate = Int(try reader.u32le())
  }

  /// Theora I §6.2: frame size, picture size, frame rate and the keyframe granule shift.
  fileprivate static func readTheora(_ reader: inout ByteReader, into stream: inout OggStream) throws(ProbeFailure) {
    try reader.skip(14)
    stream.width = Int(try reader.u24be())
    stream.height = Int(try reader.u24be())
    try reader.skip(2)
    let numerator = try reader.u32be()
    let denominator = try reader.u32be()
    if numerator > 0, denominator > 0 { stream.frameRate = Double(numerator) / Double(denominator) }
    try reader.skip(10)
    let high = try reader.u8()
    let low = try reader.u8()
    stream.keyframeShift = Int(high & 0x03) << 3 | Int(low >> 5)
  }

  /// The Ogg FLAC mapping: a 9-byte prefix, `fLaC`, a block header, then STREAMINFO.
  fileprivate static func readFLAC(_ reader: inout ByteReader, into stream: inout OggStream) throws(ProbeFailure) {
    try reader.skip(17)
    let info = try FLACStreamInfo(&reader)
    stream.sampleRate = info.sampleRate
    stream.channels = info.channels
  }

  fileprivate static func readSpeex(_ reader: inout ByteReader, into stream: inout OggStream) throws(ProbeFailure) {
    try reader.skip(36)
    stream.sampleRate = Int(try reader.u32le())
    try reader.skip(8)
    stream.channels = Int(try reader.u32le())
  }
}
