/// Collects the text a reader would see: blocks are separated by newlines (paragraphs by a
/// blank line), table cells by a space, and white space collapses to one space except
/// inside `<pre>`. The caller skips removed elements.
struct HTMLPlainTextWriter {
  private struct Frame {
    var lineBreaks: Int
    var isPreformatted: Bool
    var isCell: Bool
  }

  private var bytes: HTMLByteBuffer
  private var frames: [Frame] = []
  private var pendingBreaks = 0
  private var pendingSpace = false
  private var preformatted = 0

  init(capacity: Int) {
    bytes = HTMLByteBuffer(capacity: capacity)
  }

  /// Starts an element the caller did not remove; a void element (`br`, `hr`) gets no
  /// `leave()`.
  mutating func enter(_ rule: HTMLElementRule) {
    pendingBreaks = max(pendingBreaks, rule.lineBreaks)
    if case .keep(let tag) = rule.action, tag.isVoid { return }
    let frame = Frame(
      lineBreaks: rule.lineBreaks, isPreformatted: rule.action == .keep(.pre),
      isCell: rule.action == .keep(.td) || rule.action == .keep(.th))
    if frame.isPreformatted { preformatted += 1 }
    frames.append(frame)
  }

  mutating func leave() {
    guard let frame = frames.popLast() else { return }
    if frame.isPreformatted { preformatted -= 1 }
    if frame.isCell { pendingSpace = true }
    pendingBreaks = max(pendingBreaks, frame.lineBreaks)
  }

  mutating func text(_ text: UnsafeBufferPointer<UInt8>) {
    guard let base = text.baseAddress else { return }
    let preserveSpace = preformatted > 0
    var index = 0
    while index < text.count {
      let byte = base[index]
      if !preserveSpace, HTMLOutput.isSpace(byte) {
        pendingSpace = true
        index += 1
        continue
      }
      let end = endOfRun(text, from: index, preserveSpace: preserveSpace)
      if end > index {
        flushSeparators()
        bytes.append(UnsafeBufferPointer(rebasing: text[index..<end]))
        index = end
      } else {
        // A character XML cannot carry: a C0 control, U+FFFE or U+FFFF.
        index += byte == 0xEF ? 3 : 1
      }
    }
  }

  /// The text, without leading or trailing white space.
  func finish() -> String {
    var end = bytes.count
    while end > 0, HTMLOutput.isSpace(bytes[end - 1]) { end -= 1 }
    return String(decoding: bytes.bytes()[..<end], as: UTF8.self)
  }

  /// The end of the run of characters from `start` that are copied as they are.
  private func endOfRun(_ text: UnsafeBufferPointer<UInt8>, from start: Int, preserveSpace: Bool) -> Int {
    var index = start
    while index < text.count {
      let byte = text[index]
      if byte > 0x20, byte != 0xEF {
        index += 1
      } else if byte == 0xEF {
        if index + 2 < text.count, text[index + 1] == 0xBF, text[index + 2] >= 0xBE { break }
        index += 1
      } else if preserveSpace, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
        index += 1
      } else {
        break
      }
    }
    return index
  }

  private mutating func flushSeparators() {
    defer {
      pendingBreaks = 0
      pendingSpace = false
    }
    guard !bytes.isEmpty else { return }
    if pendingBreaks > 0 {
      while let last = bytes.last, HTMLOutput.isSpace(last) { bytes.removeLast() }
      for _ in 0..<pendingBreaks { bytes.append(0x0A) }
    } else if pendingSpace, let last = bytes.last, !HTMLOutput.isSpace(last) {
      bytes.append(0x20)
    }
  }
}
