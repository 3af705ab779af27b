import Diagnostics

/// WebP: a RIFF container whose first chunk says which bitstream follows, VP8 (lossy), VP8L
/// (lossless) or VP8X (extended). Size and alpha come from that chunk's header alone; the chunk
/// headers after it are walked only to check the RIFF size against the file.
enum WebPParser: FormatParser {
  static let container = Container.webp
  /// Chunk headers visited before trusting the RIFF size: animations hold a chunk per frame.
  private static let maximumHops = 64

  static func matches(_ head: [UInt8]) -> Bool {
    head.count >= 12 && head.starts(with: Array("RIFF".utf8)) && head[8..<12].elementsEqual("WEBP".utf8)
  }

  static func parse(_ source: some ByteSource, into info: inout MediaInfo, limits: ProbeLimits) throws(ProbeFailure) {
    info.mimeType = "image/webp"
    info.colourModel = "rgb"
    var window = ImageWindow(source)
    guard let start = try window.contentStart(signature: Array("RIFF".utf8)),
      try window.load(start, count: 20), window.matches(Array("WEBP".utf8), at: start + 8)
    else {
      report(.truncated("the file ends at byte \(source.size), inside the WebP header; it was cut short"), into: &info)
      return
    }
    let riffEnd = start + 8 + Int64(window.u32le(start + 4))
    checkSize(riffEnd: riffEnd, fileSize: source.size, into: &info)
    let type = window.fourCC(start + 12)
    guard ["VP8 ", "VP8L", "VP8X"].contains(type) else {
      report(
        .malformed("the first chunk, at byte \(start + 12), is \(type); WebP needs VP8, VP8L or VP8X"), into: &info)
      return
    }
    switch try WebPImage.read(type, &window, data: start + 20, size: window.u32le(start + 16)) {
    case .success(let image): describe(image, into: &info)
    case .failure(let problem): report(problem, into: &info)
    }
    let hops = min(limits.maximumItems, maximumHops)
    if let problem = try walkChunks(&window, from: start + 12, riffEnd: riffEnd, hops: hops) {
      report(problem, into: &info)
    }
  }

  private static func describe(_ image: WebPImage, into info: inout MediaInfo) {
    info.width = image.width
    info.height = image.height
    info.hasAlpha = image.hasAlpha
    if image.isOversized {
      report(
        .malformed(
          "the canvas is \(image.width)x\(image.height), more than WebP's limit of \(WebPImage.maximumPixels) "
            + "pixels"), into: &info)
    }
  }

  /// The RIFF size counts everything after its own 8 bytes.
  private static func checkSize(riffEnd: Int64, fileSize: Int64, into info: inout MediaInfo) {
    if riffEnd > fileSize {
      report(
        .truncated(
          "the RIFF header promises \(riffEnd) bytes but the file holds \(fileSize); it was cut short, "
            + "upload it again"),
        into: &info)
    } else if riffEnd < fileSize {
      info.findings.append(
        ProbeRules.garbage.finding(
          "\(fileSize - riffEnd) bytes follow the end of the RIFF data at byte \(riffEnd); save the image again",
          at: SourceLocation(file: info.path)))
    }
  }

  /// Chunks are padded to an even size. A chunk that runs past the RIFF data contradicts the RIFF
  /// size; one that runs past a file shorter than the RIFF size was reported as a cut file already.
  private static func walkChunks(
    _ window: inout ImageWindow<some ByteSource>, from start: Int64, riffEnd: Int64, hops: Int
  ) throws(ProbeFailure) -> ImageProblem? {
    let end = min(riffEnd, window.fileSize)
    var offset = start
    for _ in 0..<hops where offset + 8 <= end {
      guard try window.load(offset, count: 8, readAhead: 64) else { return nil }
      let size = Int64(window.u32le(offset + 4))
      let next = offset + 8 + size + (size & 1)
      if offset + 8 + size > end {
        return end < riffEnd
          ? nil
          : .malformed(
            "the \(window.fourCC(offset)) chunk at byte \(offset) needs \(size) bytes, past the end of the data at "
              + "byte \(end)")
      }
      offset = next
    }
    return nil
  }

  private static func report(_ problem: ImageProblem, into info: inout MediaInfo) {
    info.findings.append(problem.finding(at: SourceLocation(file: info.path)))
  }
}
