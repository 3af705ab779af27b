import Diagnostics

/// JPEG (JFIF, Exif, Adobe): size, components, colour model and progressive coding from the frame
/// header, found by walking the segments before the first scan; then a look at the last bytes for
/// the end-of-image marker, which an upload cut short lacks.
enum JPEGParser: FormatParser {
  static let container = Container.jpeg
  private static let signature: [UInt8] = [0xFF, 0xD8, 0xFF]
  /// How far from the end to look for EOI: some encoders pad a little after it.
  private static let tailLength = 256
  /// No real JPEG has more than a few dozen segments before its first scan.
  private static let maximumSegments = 16_384

  static func matches(_ head: [UInt8]) -> Bool { head.starts(with: signature) }

  static func parse(_ source: some ByteSource, into info: inout MediaInfo, limits: ProbeLimits) throws(ProbeFailure) {
    let location = SourceLocation(file: info.path)
    info.mimeType = "image/jpeg"
    info.hasAlpha = false
    var window = ImageWindow(source)
    guard let start = try window.contentStart(signature: signature) else {
      info.findings.append(
        ProbeRules.malformed.finding(
          "the file doesn't start with a JPEG's start of image (FF D8 FF)", at: location))
      return
    }
    if start > 0 {
      info.findings.append(
        ProbeRules.garbage.finding(
          "an ID3 tag fills the first \(start) bytes before the JPEG; save the image again without it", at: location))
    }
    var walk = JPEGSegmentWalk(window)
    let problem = try walk.run(from: start + 2, maximumSteps: min(limits.maximumItems, maximumSegments))
    if let frame = walk.frame { describe(frame, adobeTransform: walk.adobeTransform, into: &info) }
    if let problem { info.findings.append(problem.finding(at: location)) }
    if let scanData = walk.scanData {
      window = walk.window
      try checkEnd(&window, after: scanData, into: &info)
    }
  }

  private static func describe(_ frame: JPEGFrame, adobeTransform: Int?, into info: inout MediaInfo) {
    info.width = frame.width
    info.height = frame.height > 0 ? frame.height : nil
    info.progressive = frame.progressive
    info.colourModel = frame.colourModel(adobeTransform: adobeTransform)
    if frame.height == 0 {
      info.findings.append(
        ProbeRules.malformed.finding(
          "the frame header gives a height of 0, left to a DNL marker after the scan, which few readers "
            + "support; save the image again", at: SourceLocation(file: info.path)))
    }
  }

  /// A complete JPEG ends with EOI (FF D9). The scan data can't contain it, since an FF there is
  /// always followed by 00 or a restart marker.
  private static func checkEnd(
    _ window: inout ImageWindow<some ByteSource>, after scanData: Int64, into info: inout MediaInfo
  ) throws(ProbeFailure) {
    let size = window.fileSize
    let count = Int(min(Int64(tailLength), size - scanData))
    let from = size - Int64(count)
    var end: Int64? = nil
    if count >= 2, try window.load(from, count: count, readAhead: count) {
      end = stride(from: size - 2, through: from, by: -1).first {
        window.u8($0) == 0xFF && window.u8($0 + 1) == 0xD9
      }
    }
    let location = SourceLocation(file: info.path)
    if let end, end + 2 < size {
      info.findings.append(
        ProbeRules.garbage.finding(
          "\(size - end - 2) bytes follow the end of image (EOI) at byte \(end); save the image again", at: location))
    } else if end == nil {
      info.findings.append(
        ProbeRules.truncated.finding(
          "the file doesn't end with the end-of-image marker (FF D9), so the image data was probably cut "
            + "short at byte \(size); upload it again", at: location))
    }
  }
}
