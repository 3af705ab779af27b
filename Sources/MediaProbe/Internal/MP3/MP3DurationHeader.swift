/// The Xing, Info or VBRI header an encoder writes into the first frame: frame and byte counts that
/// give the duration without reading the file, and LAME's encoder delay and padding.
struct MP3DurationHeader: Equatable {
  enum Kind: String, Equatable {
    /// LAME and ffmpeg write `Xing` for variable and `Info` for constant bitrate.
    case xing = "Xing", info = "Info", vbri = "VBRI"
  }

  var kind: Kind
  /// Audio frames, not counting the frame that holds this header.
  var frames: Int?
  /// Bytes of MPEG frames, this header's frame included.
  var bytes: Int64?
  /// From a LAME tag (also written by ffmpeg): samples the encoder added at the start and the end.
  var encoderDelay: Int?
  var encoderPadding: Int?

  /// Reads the header inside `frame`, the bytes of the stream's first frame, if it holds one.
  static func parse(_ frame: [UInt8], header: MPEGFrameHeader) -> MP3DurationHeader? {
    guard header.layer == 3 else { return nil }
    // ffmpeg looks right after the side information; with a CRC, some encoders put it 2 bytes later.
    return xing(frame, at: 4 + header.sideInfoLength) ?? (header.hasCRC ? xing(frame, at: 6 + header.sideInfoLength) : nil)
      ?? vbri(frame)
  }

  private static func xing(_ frame: [UInt8], at start: Int) -> MP3DurationHeader? {
    var reader = ByteReader(frame)
    guard (try? reader.seek(to: start)) != nil, let tag = try? reader.fourCC(),
      let kind = Kind(rawValue: tag), kind != .vbri, let flags = try? reader.u32be()
    else { return nil }
    var result = MP3DurationHeader(kind: kind)
    if flags & 1 != 0 { result.frames = (try? reader.u32be()).map { Int($0) } }
    if flags & 2 != 0 { result.bytes = (try? reader.u32be()).map { Int64($0) } }
    if flags & 4 != 0 { _ = try? reader.skip(100) }
    if flags & 8 != 0 { _ = try? reader.skip(4) }
    result.readLAMETag(&reader)
    return result
  }

  /// The LAME tag after the Xing fields. Like ffmpeg, trusts its delay and padding only when the
  /// encoder string says LAME, Lavf or Lavc: other encoders put other data there.
  private mutating func readLAMETag(_ reader: inout ByteReader) {
    guard let encoder = try? reader.bytes(9), (try? reader.skip(12)) != nil, let packed = try? reader.u24be()
    else { return }
    let prefix = String(decoding: encoder.prefix(4), as: UTF8.self)
    guard ["LAME", "Lavf", "Lavc"].contains(prefix) else { return }
    encoderDelay = Int(packed >> 12)
    encoderPadding = Int(packed & 0xFFF)
  }

  /// Fraunhofer's VBRI header, always 32 bytes after the frame header.
  private static func vbri(_ frame: [UInt8]) -> MP3DurationHeader? {
    var reader = ByteReader(frame)
    guard (try? reader.seek(to: 36)) != nil, (try? reader.fourCC()) == "VBRI", (try? reader.u16be()) == 1,
      (try? reader.skip(4)) != nil, let bytes = try? reader.u32be(), let frames = try? reader.u32be()
    else { return nil }
    return MP3DurationHeader(kind: .vbri, frames: Int(frames), bytes: Int64(bytes))
  }

  /// What ffmpeg decodes from `frames` audio frames. With a LAME tag it drops the encoder delay plus
  /// the decoder's own 529 samples at the start, and, when the stream is complete, the padding less
  /// those 529 samples at the end (never less than nothing): players that honour the tag agree.
  func decodedSamples(frames: Int, samplesPerFrame: Int, complete: Bool) -> Int64 {
    var samples = Int64(frames) * Int64(samplesPerFrame)
    guard let delay = encoderDelay, let padding = encoderPadding else { return samples }
    samples -= Int64(delay + 529)
    if complete { samples -= Int64(max(padding - 529, 0)) }
    return max(0, samples)
  }
}
