/// The format an encrypted sample entry (`encv`, `enca`) stood for before encryption, from
/// `sinf/frma`.
enum MP4OriginalFormat {
  static func read<Source: ByteSource>(
    _ sinf: MP4Box, walker: MP4Walker<Source>, depth: Int
  ) throws(ProbeFailure) -> MP4FourCC? {
    var format: MP4FourCC?
    try walker.forEachChild(of: sinf, depth: depth) { child throws(ProbeFailure) in
      guard child.type == .frma else { return }
      format = try walker.field(child, at: 0, bytes: 4).map { MP4FourCC(UInt32($0)) }
    }
    return format
  }
}
