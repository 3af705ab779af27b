/// A `LIST` chunk of type `INFO`: text tags such as `INAM` (title), each a NUL-ended string in a
/// sub-chunk.
enum RIFFInfoList {
  static let names: [String: String] = [
    "INAM": "title", "IART": "artist", "IPRD": "album", "ICMT": "comment", "ICRD": "date", "IGNR": "genre",
  ]

  /// Reads the sub-chunks after the `INFO` type into `tags`, as far as they are whole.
  static func read(_ reader: inout ByteReader, bigEndian: Bool, into tags: inout [String: String]) {
    while reader.remaining >= 8, let id = try? reader.fourCC(), let size = try? RIFFEndian.u32(&reader, bigEndian) {
      guard let value = try? reader.bytes(Int(size)) else { return }
      if size & 1 == 1, !reader.isAtEnd { _ = try? reader.u8() }
      guard let name = names[id], tags[name] == nil else { continue }
      let text = value.prefix { $0 != 0 }
      if !text.isEmpty { tags[name] = String(decoding: text, as: UTF8.self) }
    }
  }
}
