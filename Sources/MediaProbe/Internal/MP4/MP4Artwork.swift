/// A `covr` picture: its size and type, and its dimensions from the image's own header, read
/// without reading the picture itself.
enum MP4Artwork {
  /// How many JPEG segments are skipped looking for the frame header before giving up.
  static var maximumSegments: Int { 32 }

  static func read<Source: ByteSource>(
    _ data: MP4Box, walker: MP4Walker<Source>
  ) throws(ProbeFailure) -> EmbeddedArtwork? {
    guard data.payloadSize >= 8, let type = try walker.field(data, at: 1, bytes: 3) else { return nil }
    let start = data.payloadStart + 8
    let head = Array(try walker.bytes(at: start, count: 24))
    var artwork = EmbeddedArtwork(mimeType: mimeType(type: type, head: head), size: Int(data.end - start))
    if artwork.mimeType == "image/png", head.count >= 24 {
      var reader = ByteReader(head)
      try reader.skip(16)
      artwork.width = Int(try reader.u32be())
      artwork.height = Int(try reader.u32be())
    } else if artwork.mimeType == "image/jpeg" {
      (artwork.width, artwork.height) = try jpegSize(from: start + 2, to: data.end, walker: walker)
    }
    return artwork
  }

  /// From the picture's first bytes, else from the `data` type: 13 JPEG, 14 PNG, 27 BMP.
  static func mimeType(type: UInt64, head: [UInt8]) -> String? {
    if head.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return "image/png" }
    if head.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
    return [13: "image/jpeg", 14: "image/png", 27: "image/bmp"][type]
  }

  /// Walks JPEG segment headers to the first start-of-frame marker.
  private static func jpegSize<Source: ByteSource>(
    from start: Int64, to end: Int64, walker: MP4Walker<Source>
  ) throws(ProbeFailure) -> (Int?, Int?) {
    var offset = start
    for _ in 0..<maximumSegments {
      let head = Array(try walker.bytes(at: offset, count: min(9, Int(max(0, end - offset)))))
      guard head.count >= 4, head[0] == 0xFF else { return (nil, nil) }
      let marker = head[1]
      let isFrame = (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker)
      if isFrame, head.count >= 9 {
        return (Int(head[7]) << 8 | Int(head[8]), Int(head[5]) << 8 | Int(head[6]))
      }
      offset += 2 + Int64(Int(head[2]) << 8 | Int(head[3]))
    }
    return (nil, nil)
  }
}
