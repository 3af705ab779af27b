/// When a block's media starts and ends, from its header (track number, relative timestamp) and
/// its track: the block's own duration, the track's frame duration, or an Opus packet's TOC byte.
enum MatroskaBlockTiming {
  /// A SimpleBlock's or Block's data: the track, its start relative to the cluster in ticks, and
  /// the first bytes of the frame.
  static func header(_ data: ArraySlice<UInt8>) -> (track: UInt64, relative: Int64, lacing: UInt8, frame: ArraySlice<UInt8>)? {
    guard let first = data.first, first != 0 else { return nil }
    let length = first.leadingZeroBitCount + 1
    guard data.count >= length + 3 else { return nil }
    var track = UInt64(first) & (0xFF >> UInt64(length))
    for byte in data.dropFirst().prefix(length - 1) { track = track << 8 | UInt64(byte) }
    let start = data.startIndex + length
    let relative = Int64(Int16(bitPattern: UInt16(data[start]) << 8 | UInt16(data[start + 1])))
    return (track, relative, data[start + 2] >> 1 & 0x03, data[(start + 3)...])
  }

  /// The duration in nanoseconds of one Opus packet (RFC 6716 §3.1), from its TOC byte.
  static func opusDuration(_ packet: ArraySlice<UInt8>) -> UInt64? {
    guard let toc = packet.first else { return nil }
    let config = Int(toc >> 3)
    let frame: UInt64 =
      switch config {
      case 0...11: [10_000_000, 20_000_000, 40_000_000, 60_000_000][config % 4]
      case 12...15: [10_000_000, 20_000_000][config % 2]
      default: [2_500_000, 5_000_000, 10_000_000, 20_000_000][config % 4]
      }
    switch toc & 0x03 {
    case 0: return frame
    case 1, 2: return 2 * frame
    default: return packet.dropFirst().first.map { UInt64($0 & 0x3F) * frame }
    }
  }
}
