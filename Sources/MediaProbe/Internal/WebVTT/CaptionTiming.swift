/// A cue timing line, `start --> end`, and after it settings (WebVTT) or coordinates (SubRip),
/// which the probe doesn't check.
struct CaptionTiming: Equatable {
  /// Milliseconds.
  var start: Int
  var end: Int

  /// Reads the timing line `line`.
  ///
  /// - Returns: The times, or a message saying what is wrong with the line.
  static func parse(
    _ lines: CaptionLines, _ line: CaptionLine, style: CaptionTimestamp.Style
  ) -> Result<CaptionTiming, CaptionProblem> {
    let bytes = lines.bytes
    var index = line.range.lowerBound
    let upper = line.range.upperBound
    let isSpace = { (index: Int) in index < upper && (bytes[index] == 0x20 || bytes[index] == 0x09) }
    let startToken = token(bytes, &index, upper)
    while isSpace(index) { index += 1 }
    guard index + 3 <= upper, bytes[index..<index + 3].elementsEqual([0x2D, 0x2D, 0x3E]) else {
      return .failure(
        CaptionProblem(line: line.number, "malformed cue timing \"\(lines.text(line))\"; \(example(style))"))
    }
    index += 3
    while isSpace(index) { index += 1 }
    let endToken = token(bytes, &index, upper)
    guard index == upper || isSpace(index) else {
      return .failure(
        CaptionProblem(line: line.number, "malformed cue timing \"\(lines.text(line))\"; \(example(style))"))
    }
    guard let start = CaptionTimestamp.parse(bytes, startToken, style: style) else {
      return .failure(malformed(bytes, startToken, line, style))
    }
    guard let end = CaptionTimestamp.parse(bytes, endToken, style: style) else {
      return .failure(malformed(bytes, endToken, line, style))
    }
    return .success(CaptionTiming(start: start, end: end))
  }

  /// Up to a space, a tab or a hyphen, none of which a timestamp holds.
  private static func token(_ bytes: [UInt8], _ index: inout Int, _ upper: Int) -> Range<Int> {
    let start = index
    while index < upper, bytes[index] != 0x20, bytes[index] != 0x09, bytes[index] != 0x2D { index += 1 }
    return start..<index
  }

  private static func malformed(
    _ bytes: [UInt8], _ token: Range<Int>, _ line: CaptionLine, _ style: CaptionTimestamp.Style
  ) -> CaptionProblem {
    let text = String(decoding: bytes[token.prefix(40)], as: UTF8.self)
    let form = style == .webVTT ? "hh:mm:ss.ttt or mm:ss.ttt" : "hh:mm:ss,ttt"
    return CaptionProblem(
      line: line.number, "malformed timestamp \"\(text)\"; write \(form), with minutes and seconds under 60")
  }

  private static func example(_ style: CaptionTimestamp.Style) -> String {
    style == .webVTT
      ? "write it as 00:00:01.000 --> 00:00:04.000" : "write it as 00:00:01,000 --> 00:00:04,000"
  }
}

/// Something wrong on one line of a caption file.
struct CaptionProblem: Error, Equatable {
  var line: Int
  var message: String

  init(line: Int, _ message: String) {
    self.line = line
    self.message = message
  }
}
