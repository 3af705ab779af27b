/// A visual sample entry: its coded size, then the codec string from its configuration box
/// (`avcC`, `hvcC`, `av1C`, `vpcC`, `esds`).
struct MP4VisualEntry {
  static let formats: Set<MP4FourCC> = [
    MP4FourCC("avc1"), MP4FourCC("avc3"), MP4FourCC("hvc1"), MP4FourCC("hev1"), MP4FourCC("av01"), MP4FourCC("vp08"),
    MP4FourCC("vp09"),
    MP4FourCC("mp4v"), MP4FourCC("encv"), MP4FourCC("jpeg"), MP4FourCC("png "), MP4FourCC("apcn"), MP4FourCC("apch"),
    MP4FourCC("dvh1"),
  ]

  let format: MP4FourCC
  private var width: Int?
  private var height: Int?
  private var codec: String?
  private var original: MP4FourCC?

  init(format: MP4FourCC, _ reader: inout ByteReader) throws(ProbeFailure) {
    self.format = format
    try reader.skip(24)
    let width = Int(try reader.u16be())
    let height = Int(try reader.u16be())
    if width > 0, height > 0 {
      self.width = width
      self.height = height
    }
  }

  mutating func read<Source: ByteSource>(_ box: MP4Box, walker: MP4Walker<Source>) throws(ProbeFailure) {
    let name = format.codecName ?? "unknown"
    switch box.type {
    case .avcC:
      codec = try walker.parse(box, limit: 4) { reader throws(ProbeFailure) in try MP4VideoCodec.avc(name, &reader) }
    case .hvcC:
      codec = try walker.parse(box, limit: 13) { reader throws(ProbeFailure) in try MP4VideoCodec.hevc(name, &reader) }
    case .av1C:
      codec = try walker.parse(box, limit: 3, MP4VideoCodec.av1)
    case .vpcC:
      codec = try walker.parse(box, limit: 7) { reader throws(ProbeFailure) in try MP4VideoCodec.vp9(name, &reader) }
    case .esds:
      let stream = try walker.parse(box, skipping: 4, limit: 4096, MP4ElementaryStream.parse) ?? nil
      codec = stream?.visualCodec
    case .sinf: original = try MP4OriginalFormat.read(box, walker: walker, depth: 8)
    default: break
    }
  }

  var result: MP4SampleEntry {
    var entry = MP4SampleEntry(format: original ?? format)
    entry.width = width
    entry.height = height
    entry.codec = codec ?? format.codecName
    // An encrypted entry's configuration names the original codec: `encv.64001f` → `avc1.64001f`.
    if let original, let name = original.codecName, let codec = entry.codec, let encrypted = format.codecName,
      codec.hasPrefix(encrypted)
    {
      entry.codec = name + codec.dropFirst(encrypted.count)
    }
    return entry
  }
}

extension MP4FourCC {
  static let avcC = MP4FourCC("avcC"), hvcC = MP4FourCC("hvcC"), av1C = MP4FourCC("av1C"), vpcC = MP4FourCC("vpcC")
}
