/// Vorbis comments (`TITLE=…`), the tag format of Ogg Vorbis, Opus (`OpusTags`) and FLAC.
enum VorbisComment {
  /// The fields podcasts use, by MediaInfo's common tag names.
  static let names: [String: String] = [
    "TITLE": "title", "ARTIST": "artist", "ALBUM": "album", "COMMENT": "comment", "DESCRIPTION": "comment",
    "DATE": "date", "GENRE": "genre",
  ]
  /// Cover art as a base64 FLAC PICTURE block (the Ogg convention).
  static let pictureKey = Array("METADATA_BLOCK_PICTURE=".utf8)
  /// Enough decoded bytes for a picture header with a long MIME type and description.
  static let pictureHeaderLimit = 4096

  /// Reads a comment block (little-endian lengths) into `tags`, keeping the first value of each
  /// field. Entries read before a problem are kept.
  ///
  /// - Throws: `outOfBounds` when a length points past the block, as in a cut-short header.
  static func read(
    _ reader: inout ByteReader, into tags: inout [String: String], artwork: inout [EmbeddedArtwork]
  ) throws(ProbeFailure) {
    let vendorLength = Int(try reader.u32le())
    try reader.skip(vendorLength)
    let count = Int(try reader.u32le())
    // Each entry has at least its 4-byte length, so a huge count can't make the loop spin.
    for _ in 0..<min(count, reader.remaining / 4 + 1) {
      let length = Int(try reader.u32le())
      let entry = try reader.bytes(length)
      guard let equals = entry.firstIndex(of: 0x3D) else { continue }
      if entry.count > pictureKey.count, entry.prefix(pictureKey.count).elementsEqual(pictureKey, by: sameLetter) {
        if let picture = picture(entry[(equals + 1)...]) { artwork.append(picture) }
        continue
      }
      let key = String(decoding: entry[entry.startIndex..<equals], as: UTF8.self).uppercased()
      guard let name = names[key], tags[name] == nil else { continue }
      tags[name] = String(decoding: entry[(equals + 1)...], as: UTF8.self)
    }
  }

  private static func sameLetter(_ a: UInt8, _ b: UInt8) -> Bool {
    a == b || (a >= 0x61 && a <= 0x7A && a - 0x20 == b)
  }

  private static func picture(_ base64: ArraySlice<UInt8>) -> EmbeddedArtwork? {
    var reader = ByteReader(Base64Prefix.decode(base64, limit: pictureHeaderLimit))
    return try? FLACPicture.artwork(&reader).artwork
  }
}
