/// The header of a FLAC PICTURE block, which FLAC files and Vorbis comments
/// (`METADATA_BLOCK_PICTURE`) use for cover art: what the picture is, without reading its data.
enum FLACPicture {
  /// Reads the fields up to and including the data length.
  ///
  /// - Throws: `outOfBounds` when a length runs past what `reader` holds.
  static func artwork(_ reader: inout ByteReader) throws(ProbeFailure) -> (artwork: EmbeddedArtwork, dataOffset: Int64) {
    _ = try reader.u32be()
    let mimeLength = Int(try reader.u32be())
    let mime = String(decoding: try reader.bytes(mimeLength), as: UTF8.self)
    let descriptionLength = Int(try reader.u32be())
    try reader.skip(descriptionLength)
    let width = Int(try reader.u32be())
    let height = Int(try reader.u32be())
    try reader.skip(8)
    let length = Int(try reader.u32be())
    let artwork = EmbeddedArtwork(
      mimeType: mime.isEmpty ? nil : mime, width: width > 0 ? width : nil, height: height > 0 ? height : nil,
      size: length)
    return (artwork, reader.offset)
  }
}
