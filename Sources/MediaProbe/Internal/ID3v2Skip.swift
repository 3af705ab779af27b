/// The first bytes of the content after any ID3v2 tags, for format detection: an MP3 (or, in
/// broken files, another format) may sit behind one or more ID3v2 tags.
enum ID3v2Skip {
  static let headLength = 64

  /// Offset where the content starts, after any ID3v2 tags (each with its optional footer).
  static func contentStart(of source: some ByteSource) throws(ProbeFailure) -> Int64 {
    var offset: Int64 = 0
    for _ in 0..<8 {
      let header = try source.read(at: offset, count: 10)
      guard header.count == 10, header[0] == 0x49, header[1] == 0x44, header[2] == 0x33,
        header[3] < 0xFF, header[4] < 0xFF, header[6...9].allSatisfy({ $0 < 0x80 })
      else { return offset }
      let size = header[6...9].reduce(Int64(0)) { $0 << 7 | Int64($1) }
      let footer: Int64 = header[3] == 4 && header[5] & 0x10 != 0 ? 10 : 0
      offset += 10 + size + footer
    }
    return offset
  }

  /// The first bytes of the content, which starts at `start` (from `contentStart(of:)`).
  static func head(of source: some ByteSource, at start: Int64) throws(ProbeFailure) -> [UInt8] {
    try source.read(at: start < source.size ? start : 0, count: headLength)
  }
}
