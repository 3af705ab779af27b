/// What an embedded picture is, from its first bytes rather than the tag's say-so: the format from
/// its magic number, the dimensions from a JPEG's SOF segment or a PNG's IHDR chunk.
enum ID3Picture {
  /// - Parameters:
  ///   - declaredMIME: the tag's MIME type, used when the bytes are not a format known here.
  ///   - size: bytes of picture data.
  ///   - read: up to `count` bytes at an offset from the picture's start; fewer or none past its end.
  static func inspect(declaredMIME: String?, size: Int, read: (_ offset: Int, _ count: Int) -> [UInt8])
    -> EmbeddedArtwork
  {
    let head = read(0, 24)
    var artwork = EmbeddedArtwork(mimeType: declaredMIME.flatMap { $0.isEmpty ? nil : $0 }, size: size)
    if head.starts(with: [0xFF, 0xD8, 0xFF]) {
      artwork.mimeType = "image/jpeg"
      if let (width, height) = jpegDimensions(read) { (artwork.width, artwork.height) = (width, height) }
    } else if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
      artwork.mimeType = "image/png"
      if head.count >= 24, head[12..<16].elementsEqual("IHDR".utf8) {
        artwork.width = Int(bigEndian: head[16..<20])
        artwork.height = Int(bigEndian: head[20..<24])
      }
    } else if head.starts(with: "GIF8".utf8), head.count >= 10 {
      artwork.mimeType = "image/gif"
      artwork.width = Int(head[6]) | Int(head[7]) << 8
      artwork.height = Int(head[8]) | Int(head[9]) << 8
    } else if head.count >= 12, head.starts(with: "RIFF".utf8), head[8..<12].elementsEqual("WEBP".utf8) {
      artwork.mimeType = "image/webp"
    }
    return artwork
  }

  /// Walks the JPEG's segments, at most 64, to the first start-of-frame.
  private static func jpegDimensions(_ read: (Int, Int) -> [UInt8]) -> (Int, Int)? {
    var position = 2
    for _ in 0..<64 {
      let head = read(position, 4)
      guard head.count == 4, head[0] == 0xFF else { return nil }
      let marker = head[1]
      switch marker {
      case 0xFF:
        position += 1
      case 0x01, 0xD0...0xD8:
        position += 2
      case 0xD9, 0xDA:
        return nil
      case 0xC0...0xCF where marker != 0xC4 && marker != 0xC8 && marker != 0xCC:
        let size = read(position + 5, 4)
        guard size.count == 4 else { return nil }
        return (Int(size[2]) << 8 | Int(size[3]), Int(size[0]) << 8 | Int(size[1]))
      default:
        position += 2 + (Int(head[2]) << 8 | Int(head[3]))
      }
    }
    return nil
  }
}

extension Int {
  /// A big-endian unsigned number from up to eight bytes.
  fileprivate init(bigEndian bytes: ArraySlice<UInt8>) {
    self = bytes.reduce(0) { $0 << 8 | Int($1) }
  }
}
