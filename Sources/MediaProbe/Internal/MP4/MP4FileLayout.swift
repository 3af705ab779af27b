/// The top-level boxes: the brand, and where `moov` and the first `mdat` are. Only their
/// headers are read; `mdat` is skipped however large it is.
struct MP4FileLayout {
  var majorBrand: MP4FourCC?
  var compatibleBrands: [MP4FourCC] = []
  var moov: MP4Box?
  /// The first `mdat` that holds anything.
  var firstMdat: MP4Box?
  /// A box whose size field is 0, running to the end of the file.
  var openEnded: MP4Box?
  var hasFragments = false
  /// The first segment index of a fragmented file: its total duration, in seconds.
  var indexedDuration: Double?

  /// A QuickTime movie: brand `qt  `, or no `ftyp` at all.
  var isQuickTime: Bool { majorBrand == nil || majorBrand == .quickTime }

  static func read<Source: ByteSource>(_ walker: MP4Walker<Source>) throws(ProbeFailure) -> MP4FileLayout {
    var layout = MP4FileLayout()
    try walker.forEachTopLevelBox { box throws(ProbeFailure) in
      if box.isOpenEnded { layout.openEnded = box }
      switch box.type {
      case .ftyp where layout.majorBrand == nil:
        guard let brands = try walker.parse(box, limit: 64, Self.brands) else { return }
        layout.majorBrand = brands.first
        layout.compatibleBrands = Array(brands.dropFirst())
      case .moov where layout.moov == nil: layout.moov = box
      case .moov:
        walker.report(ProbeRules.malformed, "a second \(box.name); only the first 'moov' is read")
      // An empty `mdat` (a placeholder some writers leave first) holds nothing to wait for.
      case .mdat where layout.firstMdat == nil && box.payloadSize > 0: layout.firstMdat = box
      case .moof: layout.hasFragments = true
      case .sidx where layout.indexedDuration == nil:
        layout.indexedDuration = try walker.parse(box, limit: 32 + 12 * 4096, Self.segmentIndexDuration) ?? nil
      default: break
      }
    }
    return layout
  }

  /// The major brand, then the compatible brands (the minor version is skipped).
  private static func brands(_ reader: inout ByteReader) throws(ProbeFailure) -> [MP4FourCC] {
    var brands = [MP4FourCC(try reader.bytes(4))]
    try reader.skip(4)
    while reader.remaining >= 4 { brands.append(MP4FourCC(try reader.bytes(4))) }
    return brands
  }

  /// `sidx`: the sum of its subsegment durations over its timescale.
  private static func segmentIndexDuration(_ reader: inout ByteReader) throws(ProbeFailure) -> Double? {
    let version = try reader.u8()
    try reader.skip(7)
    let timescale = try reader.u32be()
    try reader.skip(version == 0 ? 10 : 18)
    let count = Int(try reader.u16be())
    var total: UInt64 = 0
    for _ in 0..<min(count, reader.remaining / 12) {
      try reader.skip(4)
      total += UInt64(try reader.u32be())
      try reader.skip(4)
    }
    return timescale > 0 && total > 0 ? Double(total) / Double(timescale) : nil
  }
}

extension MP4FourCC {
  static let quickTime = MP4FourCC("qt  ")
}
