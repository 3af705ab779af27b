/// The `fmt ` chunk of a WAVE file: how the samples in `data` are coded.
struct WAVFormat {
  static let extensible: UInt16 = 0xFFFE

  /// The WAVE format tag; for WAVE_FORMAT_EXTENSIBLE, the one its sub-format GUID holds.
  let formatTag: UInt16
  let channels: Int
  let sampleRate: Int
  let byteRate: Int
  let blockAlign: Int
  let bitsPerSample: Int

  init(_ reader: inout ByteReader, bigEndian: Bool) throws(ProbeFailure) {
    let tag = try RIFFEndian.u16(&reader, bigEndian)
    channels = Int(try RIFFEndian.u16(&reader, bigEndian))
    sampleRate = Int(try RIFFEndian.u32(&reader, bigEndian))
    byteRate = Int(try RIFFEndian.u32(&reader, bigEndian))
    blockAlign = Int(try RIFFEndian.u16(&reader, bigEndian))
    bitsPerSample = reader.remaining >= 2 ? Int(try RIFFEndian.u16(&reader, bigEndian)) : 0
    // WAVE_FORMAT_EXTENSIBLE: cbSize, valid bits, channel mask, then a GUID led by the real tag.
    if tag == Self.extensible, reader.remaining >= 10 {
      try reader.skip(8)
      formatTag = try RIFFEndian.u16(&reader, bigEndian)
    } else {
      formatTag = tag
    }
  }

  /// Uncompressed samples (integer PCM, float, A-law, µ-law): every block is one sample frame.
  var isUncompressed: Bool { [1, 3, 6, 7].contains(formatTag) }

  /// The RFC 2361 codecs value browsers take for WAVE (`audio/wav; codecs=1`): the format tag
  /// in decimal. RFC 6381 has no strings for WAVE.
  var codec: String { String(formatTag) }
}
