/// Walks a JPEG's marker segments from SOI to the first scan (SOS), skipping APPn, COM and tables
/// by their lengths. It never enters the entropy-coded data after SOS, so a large photo costs a
/// read or two.
struct JPEGSegmentWalk<Source: ByteSource> {
  private(set) var window: ImageWindow<Source>
  /// The first frame header.
  private(set) var frame: JPEGFrame?
  /// Adobe APP14's colour transform: 0 none (RGB or CMYK), 1 YCbCr, 2 YCCK.
  private(set) var adobeTransform: Int?
  /// Where the first scan's header ends and its entropy-coded data begins.
  private(set) var scanData: Int64?

  /// Bytes read with a marker past the current window: the tables and frame header that follow
  /// a large Exif or ICC segment, without reading far into a hostile file's skipped segments.
  private static var hopReadAhead: Int { 1024 }

  init(_ window: ImageWindow<Source>) { self.window = window }

  /// Walks from the first marker after SOI to the first scan.
  ///
  /// - Parameters:
  ///   - start: The offset of the first marker.
  ///   - maximumSteps: How many markers and fill bytes to visit at most.
  /// - Returns: What stopped the walk before a scan, or nil when it reached one.
  /// - Throws: `ProbeFailure` when reading fails or the read budget is spent.
  mutating func run(from start: Int64, maximumSteps: Int) throws(ProbeFailure) -> ImageProblem? {
    var offset = start
    for _ in 0..<maximumSteps {
      guard try window.load(offset, count: 2, readAhead: Self.hopReadAhead) else { return endsEarly() }
      guard window.u8(offset) == 0xFF else {
        return .malformed(
          "expected a marker (FF) at byte \(offset) but found \(ImageProblem.hex(window.u8(offset))); "
            + "the segment before it has a wrong length")
      }
      let code = window.u8(offset + 1)
      if code == 0xFF || JPEGMarker.isStandalone(code) {
        offset += code == 0xFF ? 1 : 2  // a fill byte, or RSTn and TEM, which have no length
        continue
      }
      if let problem = unexpected(code, at: offset) { return problem }
      guard try window.load(offset, count: 4, readAhead: Self.hopReadAhead) else { return endsEarly() }
      let length = window.u16be(offset + 2)
      let end = offset + 2 + Int64(length)
      if let problem = check(code, at: offset, length: length, end: end) { return problem }
      if code == 0xDA {
        scanData = end
        return nil
      }
      if let problem = try read(code, at: offset, length: length) { return problem }
      offset = end
    }
    return .limit(
      "stopped after \(maximumSteps) markers without reaching the first scan; no real JPEG has that many")
  }

  private func endsEarly() -> ImageProblem {
    let what = frame == nil ? "before its frame header (SOFn)" : "before its first scan (SOS)"
    return .truncated("the file ends at byte \(window.fileSize) \(what); it was cut short, upload it again")
  }

  /// SOI, EOI and FF 00 can't appear between the segments of a JPEG header.
  private func unexpected(_ code: UInt8, at offset: Int64) -> ImageProblem? {
    switch code {
    case 0xD8:
      .malformed("a second start of image (SOI) at byte \(offset); the file joins two JPEGs or is damaged")
    case 0xD9 where frame == nil:
      .malformed("the image ends (EOI) at byte \(offset) before any frame header (SOFn); it holds no picture")
    case 0xD9:
      .malformed("the image ends (EOI) at byte \(offset) before its first scan (SOS); it holds no picture data")
    case 0x00:
      .malformed("FF 00 at byte \(offset) is not a marker; the segment before it has a wrong length")
    default: nil
    }
  }

  private func check(_ code: UInt8, at offset: Int64, length: Int, end: Int64) -> ImageProblem? {
    let name = JPEGMarker.name(code)
    if length < 2 {
      return .malformed(
        "the \(name) segment at byte \(offset) has length \(length), less than its own 2-byte length field")
    }
    if end > window.fileSize {
      return .truncated(
        "the \(name) segment at byte \(offset) needs \(length) bytes but the file ends at byte "
          + "\(window.fileSize); it was cut short, upload it again")
    }
    if code == 0xDA, frame == nil {
      return .malformed("a scan (SOS) starts at byte \(offset) before any frame header (SOFn)")
    }
    return nil
  }

  private mutating func read(_ code: UInt8, at offset: Int64, length: Int) throws(ProbeFailure) -> ImageProblem? {
    if JPEGFrame.isFrameMarker(code), frame == nil {
      switch try JPEGFrame.read(&window, at: offset, length: length) {
      case .success(let found): frame = found
      case .failure(let problem): return problem
      }
    } else if code == 0xEE, length >= 14, try window.load(offset + 4, count: 12),
      window.matches([0x41, 0x64, 0x6F, 0x62, 0x65], at: offset + 4)  // "Adobe"
    {
      adobeTransform = Int(window.u8(offset + 15))
    }
    return nil
  }
}
