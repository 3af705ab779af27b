/// Text in ID3 tags: ISO-8859-1 (0), UTF-16 with a byte order mark (1), UTF-16BE (2) or UTF-8 (3),
/// decoded without Foundation.
enum ID3Text {
  /// The text in `bytes`, its values (ID3v2.4 separates them with nulls) joined by " / ";
  /// nil for an unknown encoding or empty text.
  static func decode(_ bytes: ArraySlice<UInt8>, encoding: UInt8) -> String? {
    guard encoding <= 3 else { return nil }
    var values: [String] = []
    var position = bytes.startIndex
    while position < bytes.endIndex {
      let (value, next) = terminated(bytes, from: position, encoding: encoding)
      if !value.isEmpty { values.append(value) }
      position = next
    }
    let text = values.joined(separator: " / ")
    return text.isEmpty ? nil : text
  }

  /// The string starting at `start`, up to its terminator (one null byte, or two aligned ones in
  /// UTF-16) or the end, and the index just past the terminator.
  static func terminated(_ bytes: ArraySlice<UInt8>, from start: Int, encoding: UInt8) -> (String, Int) {
    let wide = encoding == 1 || encoding == 2
    var end = start
    if wide {
      while end + 1 < bytes.endIndex, bytes[end] != 0 || bytes[end + 1] != 0 { end += 2 }
      if end + 1 >= bytes.endIndex { end = bytes.endIndex }
    } else {
      end = bytes[start...].firstIndex(of: 0) ?? bytes.endIndex
    }
    let next = min(bytes.endIndex, end + (wide ? 2 : 1))
    let body = bytes[start..<end]
    let text =
      switch encoding {
      case 0: latin1(body)
      case 1: utf16(body, bigEndian: false)
      case 2: utf16(body, bigEndian: true)
      default: String(decoding: body, as: UTF8.self)
      }
    return (trimmed(text), next)
  }

  static func latin1(_ bytes: ArraySlice<UInt8>) -> String {
    var text = ""
    text.unicodeScalars.append(contentsOf: bytes.lazy.map { Unicode.Scalar($0) })
    return text
  }

  /// UTF-8 when the bytes are valid UTF-8 (ffmpeg writes ID3v1 that way), else ISO-8859-1.
  static func utf8OrLatin1(_ bytes: ArraySlice<UInt8>) -> String {
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue: continue
      case .emptyInput: return String(decoding: bytes, as: UTF8.self)
      case .error: return latin1(bytes)
      }
    }
  }

  /// UTF-16 that a byte order mark may switch to the other byte order. Without one,
  /// `bigEndian` decides (little-endian for encoding 1, as Windows tools write it).
  private static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> String {
    var position = bytes.startIndex
    var big = bigEndian
    if bytes.count >= 2 {
      let first = bytes[position], second = bytes[position + 1]
      if first == 0xFE, second == 0xFF { big = true; position += 2 }
      else if first == 0xFF, second == 0xFE { big = false; position += 2 }
    }
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2)
    while position + 1 < bytes.endIndex {
      let high = bytes[big ? position : position + 1], low = bytes[big ? position + 1 : position]
      units.append(UInt16(high) << 8 | UInt16(low))
      position += 2
    }
    return String(decoding: units, as: UTF16.self)
  }

  /// Without a byte order mark in front, nor the nulls and spaces fixed-width or padded tags leave
  /// at the end.
  static func trimmed(_ text: String) -> String {
    var scalars = Substring(text).unicodeScalars
    while let last = scalars.last, last == "\0" || last == " " { scalars.removeLast() }
    while let first = scalars.first, first == "\u{FEFF}" { scalars.removeFirst() }
    return String(scalars)
  }
}
