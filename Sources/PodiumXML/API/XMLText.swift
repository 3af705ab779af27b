#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// Checks on text before it goes into XML.
public enum XMLText {
  /// The line feeds in `bytes`: what libxml2 counts a document's lines by. Counted with `memchr`,
  /// which scans a word at a time (a 29 MB feed has 1.5 million lines).
  public static func lineFeeds(in bytes: UnsafeRawBufferPointer) -> Int {
    guard var position = bytes.baseAddress else { return 0 }
    let end = position + bytes.count
    var found = 0
    while position < end, let next = memchr(position, 0x0A, end - position) {
      found += 1
      position = UnsafeRawPointer(next) + 1
    }
    return found
  }

  /// Whether a scalar may appear in an XML 1.0 document (the `Char` production).
  public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x9, 0xA, 0xD: true
    case 0x20...0xD7FF: true
    case 0xE000...0xFFFD: true
    case 0x10000...0x10FFFF: true
    default: false
    }
  }

  /// The first scalar XML cannot carry, if any.
  public static func firstDisallowedScalar(in text: String) -> Unicode.Scalar? {
    // In UTF-8, a disallowed scalar is a control byte other than tab, LF and CR, or starts
    // with 0xEF (U+FFFE, U+FFFF); text with neither needs no decoding. Feeds run this on
    // every string, show notes included.
    let clean = text.utf8.withContiguousStorageIfAvailable { bytes in
      !bytes.contains { $0 == 0xEF || ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) }
    }
    if clean == true { return nil }
    return text.unicodeScalars.first { !isAllowed($0) }
  }
}
