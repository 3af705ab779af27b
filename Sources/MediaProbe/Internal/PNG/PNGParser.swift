import Diagnostics

/// PNG: size, colour type, transparency and interlacing from the chunks before the image data,
/// then the chunk headers to IEND (or the file's last bytes) to tell a whole file from a cut one.
enum PNGParser: FormatParser {
  static let container = Container.png
  private static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
  /// The IEND chunk: no data, then its CRC.
  private static let endChunk: [UInt8] = [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]
  /// Chunk headers visited one by one before the last bytes are checked for IEND instead: large
  /// images hold their data in hundreds of IDAT chunks.
  private static let maximumHops = 64

  static func matches(_ head: [UInt8]) -> Bool { head.starts(with: signature) }

  static func parse(_ source: some ByteSource, into info: inout MediaInfo, limits: ProbeLimits) throws(ProbeFailure) {
    info.mimeType = "image/png"
    var window = ImageWindow(source)
    guard let start = try window.contentStart(signature: signature) else {
      report(.malformed("the file doesn't start with the PNG signature (89 50 4E 47 0D 0A 1A 0A)"), into: &info)
      return
    }
    if start > 0 {
      info.findings.append(
        ProbeRules.garbage.finding(
          "an ID3 tag fills the first \(start) bytes before the PNG; save the image again without it",
          at: SourceLocation(file: info.path)))
    }
    guard let header = try readHeader(&window, at: start + 8, into: &info) else { return }
    var walk = PNGChunkWalk(window)
    let problem = try walk.run(from: start + 33, maximumHops: min(limits.maximumItems, maximumHops))
    info.hasAlpha = header.hasAlphaChannel || walk.sawTransparency
    if let problem {
      report(problem, into: &info)
    } else {
      window = walk.window
      try checkEnd(walk, header: header, window: &window, into: &info)
    }
  }

  /// IHDR must come first: without it nothing about the image is known.
  private static func readHeader(
    _ window: inout ImageWindow<some ByteSource>, at offset: Int64, into info: inout MediaInfo
  ) throws(ProbeFailure) -> PNGHeader? {
    guard try window.load(offset, count: 25) else {
      report(
        .truncated(
          "the file ends at byte \(window.fileSize) inside the image header (IHDR); it was cut short, upload it again"),
        into: &info)
      return nil
    }
    guard window.u32be(offset) == 13, window.u32be(offset + 4) == PNGChunkType.header else {
      report(
        .malformed(
          "the first chunk, at byte \(offset), is \(window.fourCC(offset + 4)) of \(window.u32be(offset)) bytes; "
            + "PNG requires the 13-byte image header (IHDR) first"), into: &info)
      return nil
    }
    let header = PNGHeader(window, at: offset + 8)
    info.width = header.width
    info.height = header.height
    info.colourModel = header.colourModel
    info.progressive = header.interlace == 1
    for problem in header.problems { report(.malformed(problem), into: &info) }
    return header
  }

  private static func checkEnd(
    _ walk: PNGChunkWalk<some ByteSource>, header: PNGHeader, window: inout ImageWindow<some ByteSource>,
    into info: inout MediaInfo
  ) throws(ProbeFailure) {
    guard let end = walk.imageEnd else {
      // Too many chunks to visit: a file that ends with IEND is whole.
      let size = window.fileSize
      var endsWell = false
      if size >= 12, try window.load(size - 12, count: 12, readAhead: 12) {
        endsWell = window.matches(endChunk, at: size - 12)
      }
      if !endsWell {
        report(
          .truncated(
            "the file doesn't end with the image end chunk (IEND); it was cut short or has bytes after its end"),
          into: &info)
      }
      return
    }
    if !walk.sawImageData {
      report(.malformed("the image end (IEND) at byte \(end) comes before any image data (IDAT)"), into: &info)
    } else if header.colourType == 3, !walk.sawPalette {
      report(.malformed("the image is indexed (colour type 3) but has no palette (PLTE) before its data"), into: &info)
    }
    if end + 12 < window.fileSize {
      info.findings.append(
        ProbeRules.garbage.finding(
          "\(window.fileSize - end - 12) bytes follow the image end chunk (IEND) at byte \(end); save the image again",
          at: SourceLocation(file: info.path)))
    }
  }

  private static func report(_ problem: ImageProblem, into info: inout MediaInfo) {
    info.findings.append(problem.finding(at: SourceLocation(file: info.path)))
  }
}
