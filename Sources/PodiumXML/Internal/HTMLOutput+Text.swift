/// Escaping. Text escapes `&`, `<` and `>`; attribute values also `"`. Characters that XML
/// 1.0 cannot carry (most C0 controls, U+FFFE, U+FFFF) are dropped, so the HTML can go into
/// a feed as CDATA. Since `>` is always escaped, the output never contains `]]>`.
extension HTMLOutput {
  /// Writes a run of text (UTF-8).
  mutating func text(_ text: UnsafeBufferPointer<UInt8>) {
    guard !text.isEmpty else { return }
    flushNewline()
    if limit == nil { appendEscaped(text, quotes: false) } else { appendCharacters(text) }
  }

  mutating func appendAttributeValue(_ value: UnsafeBufferPointer<UInt8>) {
    appendEscaped(value, quotes: true)
  }

  /// The fast path: copies runs of plain bytes whole.
  private mutating func appendEscaped(_ text: UnsafeBufferPointer<UInt8>, quotes: Bool) {
    guard let base = text.baseAddress else { return }
    var run = 0
    var index = 0
    while index < text.count {
      let byte = base[index]
      if Self.isPlain(byte, quotes: quotes) {
        index += 1
        continue
      }
      bytes.append(UnsafeBufferPointer(start: base + run, count: index - run))
      let disallowed = Self.disallowedLength(text, at: index)
      if disallowed == 0 {
        appendByte(byte, quotes: quotes)
        index += 1
      } else {
        index += disallowed
      }
      run = index
    }
    bytes.append(UnsafeBufferPointer(start: base + run, count: text.count - run))
  }

  /// The truncating path: one character at a time, marking where the text could be cut.
  private mutating func appendCharacters(_ text: UnsafeBufferPointer<UInt8>) {
    guard let base = text.baseAddress else { return }
    var index = 0
    while index < text.count, !isOverLimit {
      let byte = base[index]
      let length = min(Self.sequenceLength(byte), text.count - index)
      if Self.disallowedLength(text, at: index) > 0 {
        index += length
        continue
      }
      if Self.isSpace(byte) {
        markSpace()
      } else {
        markCharacter()
        afterWord = true
      }
      if length == 1 {
        appendByte(byte, quotes: false)
      } else {
        bytes.append(UnsafeBufferPointer(start: base + index, count: length))
      }
      index += length
      checkLimit()
    }
  }

  private mutating func appendByte(_ byte: UInt8, quotes: Bool) {
    switch byte {
    case UInt8(ascii: "&"): bytes.append("&amp;")
    case UInt8(ascii: "<"): bytes.append("&lt;")
    case UInt8(ascii: ">"): bytes.append("&gt;")
    case UInt8(ascii: "\"") where quotes: bytes.append("&quot;")
    default: bytes.append(byte)
    }
  }

  /// Whether a byte is copied as it is; letters, the common case, take two comparisons.
  private static func isPlain(_ byte: UInt8, quotes: Bool) -> Bool {
    if byte > UInt8(ascii: ">") { return byte != 0xEF }
    return byte >= 0x20 && byte != UInt8(ascii: "&") && byte != UInt8(ascii: "<") && byte != UInt8(ascii: ">")
      && !(quotes && byte == UInt8(ascii: "\""))
  }

  /// How many bytes the character at `index` takes if XML cannot carry it, else 0.
  private static func disallowedLength(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
    let byte = text[index]
    if byte < 0x20 { return byte == 0x09 || byte == 0x0A || byte == 0x0D ? 0 : 1 }
    if byte == 0xEF, index + 2 < text.count, text[index + 1] == 0xBF, text[index + 2] >= 0xBE { return 3 }
    return 0
  }

  /// The length of a UTF-8 sequence from its first byte.
  private static func sequenceLength(_ byte: UInt8) -> Int {
    switch byte {
    case ..<0xC0: 1
    case ..<0xE0: 2
    case ..<0xF0: 3
    default: 4
    }
  }
}
