/// One line of a caption file: its number, counted from 1, and its bytes without the line break.
struct CaptionLine {
  var number: Int
  var range: Range<Int>
}

/// Splits caption text at LF, CRLF or a lone CR, as WebVTT and SubRip allow, without copying it.
struct CaptionLines {
  let bytes: [UInt8]
  private var position: Int
  private var number = 0
  /// The first line longer than `longLine` bytes, which no caption has: a sign of a wrong file.
  private(set) var firstLongLine: CaptionLine?

  static let longLine = 64 * 1024

  init(_ bytes: [UInt8], from start: Int = 0) {
    self.bytes = bytes
    self.position = start
  }

  mutating func next() -> CaptionLine? {
    guard position < bytes.count else { return nil }
    let start = position
    let end = bytes.withUnsafeBufferPointer { buffer in
      var index = start
      while index < buffer.count, buffer[index] != 0x0A, buffer[index] != 0x0D { index += 1 }
      return index
    }
    position = end
    if position < bytes.count {
      let isCRLF = bytes[position] == 0x0D && position + 1 < bytes.count && bytes[position + 1] == 0x0A
      position += isCRLF ? 2 : 1
    }
    number += 1
    let line = CaptionLine(number: number, range: start..<end)
    if firstLongLine == nil, end - start > Self.longLine { firstLongLine = line }
    return line
  }

  /// The next line that isn't blank, or nil at the end.
  mutating func nextNonBlank() -> CaptionLine? {
    while let line = next() {
      if !isBlank(line) { return line }
    }
    return nil
  }

  /// Empty, or only spaces and tabs.
  func isBlank(_ line: CaptionLine) -> Bool {
    bytes[line.range].allSatisfy { $0 == 0x20 || $0 == 0x09 }
  }

  /// Whether the line holds `-->`, which marks a cue timing line.
  func containsArrow(_ line: CaptionLine) -> Bool {
    guard line.range.count >= 3 else { return false }
    for index in line.range.lowerBound..<(line.range.upperBound - 2)
    where bytes[index] == 0x2D && bytes[index + 1] == 0x2D && bytes[index + 2] == 0x3E {
      return true
    }
    return false
  }

  /// Whether the line is `keyword`, alone or followed by a space or tab (`NOTE`, `STYLE`).
  func starts(_ line: CaptionLine, with keyword: [UInt8]) -> Bool {
    guard bytes[line.range].starts(with: keyword) else { return false }
    let after = line.range.lowerBound + keyword.count
    return after == line.range.upperBound || bytes[after] == 0x20 || bytes[after] == 0x09
  }

  /// The line's text for a message, cut at 40 bytes.
  func text(_ line: CaptionLine) -> String {
    let end = min(line.range.upperBound, line.range.lowerBound + 40)
    let text = String(decoding: bytes[line.range.lowerBound..<end], as: UTF8.self)
    return end < line.range.upperBound ? text + "…" : text
  }
}
