/// The STREAMINFO metadata block: the stream's format and length, which FLAC requires first.
struct FLACStreamInfo {
  static let length = 34

  let minimumBlockSize: Int
  let maximumBlockSize: Int
  /// The largest frame in bytes; 0 when the encoder didn't know.
  let maximumFrameSize: Int
  let sampleRate: Int
  let channels: Int
  let bitsPerSample: Int
  /// 0 when the encoder didn't know.
  let totalSamples: Int64

  /// Reads the 34-byte block body.
  init(_ reader: inout ByteReader) throws(ProbeFailure) {
    minimumBlockSize = Int(try reader.u16be())
    maximumBlockSize = Int(try reader.u16be())
    _ = try reader.u24be()
    maximumFrameSize = Int(try reader.u24be())
    // 20 bits rate, 3 bits channels - 1, 5 bits bits per sample - 1, 36 bits total samples.
    let packed = try reader.u64be()
    sampleRate = Int(packed >> 44)
    channels = Int(packed >> 41 & 0x7) + 1
    bitsPerSample = Int(packed >> 36 & 0x1F) + 1
    totalSamples = Int64(packed & 0xF_FFFF_FFFF)
    try reader.skip(16)
  }

  var duration: Double? {
    sampleRate > 0 && totalSamples > 0 ? Double(totalSamples) / Double(sampleRate) : nil
  }
}
