/// Walks PNG chunk headers after IHDR, seeking past each chunk's data (the image data is never
/// read), to learn about the palette and transparency and to find IEND, which a cut file lacks.
struct PNGChunkWalk<Source: ByteSource> {
  private(set) var window: ImageWindow<Source>
  private(set) var sawPalette = false
  /// A tRNS chunk before the image data: transparency without an alpha channel.
  private(set) var sawTransparency = false
  private(set) var sawImageData = false
  /// Where the IEND chunk starts, once found.
  private(set) var imageEnd: Int64?

  /// Bytes read with each header past the first window: the header and a little after it.
  private let hopReadAhead = 64

  init(_ window: ImageWindow<Source>) { self.window = window }

  /// Walks from the chunk at `start` until IEND, a broken chunk, or `maximumHops` chunks.
  ///
  /// - Returns: What is wrong with the chunk structure, or nil when it was sound so far.
  /// - Throws: `ProbeFailure` when reading fails or the read budget is spent.
  mutating func run(from start: Int64, maximumHops: Int) throws(ProbeFailure) -> ImageProblem? {
    var offset = start
    for _ in 0..<maximumHops {
      guard try window.load(offset, count: 8, readAhead: hopReadAhead) else {
        return .truncated(
          "the file ends at byte \(window.fileSize), before the image end chunk (IEND); it was cut short, "
            + "upload it again")
      }
      let length = window.u32be(offset)
      if let problem = check(at: offset, length: length) { return problem }
      if window.u32be(offset + 4) == PNGChunkType.end {
        imageEnd = offset
        return nil
      }
      if let problem = note(at: offset) { return problem }
      offset += 12 + Int64(length)
    }
    return nil
  }

  private func check(at offset: Int64, length: Int) -> ImageProblem? {
    let type = window.fourCC(offset + 4)
    let isLetter = { (byte: UInt8) in (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
    guard (0..<4).allSatisfy({ isLetter(window.u8(offset + 4 + Int64($0))) }) else {
      return .malformed(
        "the chunk type at byte \(offset + 4) is \(type), not four letters; the chunk before it has a wrong length")
    }
    guard length <= 0x7FFF_FFFF else {
      return .malformed("the \(type) chunk at byte \(offset) claims \(length) bytes; PNG allows at most 2^31-1")
    }
    guard offset + 12 + Int64(length) <= window.fileSize else {
      return .truncated(
        "the \(type) chunk at byte \(offset) needs \(length) bytes but the file ends at byte \(window.fileSize); "
          + "it was cut short, upload it again")
    }
    return nil
  }

  private mutating func note(at offset: Int64) -> ImageProblem? {
    switch window.u32be(offset + 4) {
    case PNGChunkType.data: sawImageData = true
    case PNGChunkType.palette: sawPalette = true
    case PNGChunkType.transparency where !sawImageData: sawTransparency = true
    case PNGChunkType.header: return .malformed("a second image header (IHDR) at byte \(offset)")
    default: break
    }
    return nil
  }
}
