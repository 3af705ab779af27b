import Foundation

/// Writes JSON text as `JSONEncoder` does with `.prettyPrinted`, `.sortedKeys` and
/// `.withoutEscapingSlashes`, straight into bytes, without the encoder's tree of values: two
/// spaces of indent, `"key" : value`, an empty object or array as its bracket, an empty line and
/// its closing bracket, a string escaped only where JSON requires it
/// (https://www.rfc-editor.org/rfc/rfc8259#section-7) in the encoder's short forms, and a number
/// as the encoder writes a `Double`. The caller gives the keys in order: sorted by their UTF-8
/// bytes (``sorted(_:)``). Every chapters file and the publication record are written so
/// (docs/performance.md); ChaptersWriterTests and RecordJSONTests compare it with `JSONEncoder`
/// on hostile strings and numbers.
public struct JSONTextWriter {
  public var bytes: [UInt8] = []
  private var indent = 0

  public init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

  /// Keys in the order `.sortedKeys` writes them.
  public static func sorted(_ keys: some Collection<String>) -> [String] {
    keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }

  /// Starts an object; its members follow as ``key(_:first:)`` and a value each.
  public mutating func openObject() { open(0x7B) }

  /// Ends the object, after an empty line when it had no member.
  public mutating func closeObject() { close(0x7D) }

  /// Starts an array; each element follows ``element(first:)``.
  public mutating func openArray() { open(0x5B) }

  public mutating func closeArray() { close(0x5D) }

  /// A member's key, before its value.
  public mutating func key(_ key: String, first: Bool) {
    element(first: first)
    string(key)
    append(" : ")
  }

  /// Before an array's element.
  public mutating func element(first: Bool) {
    if !first { append(",\n") }
    spaces()
  }

  private mutating func open(_ bracket: UInt8) {
    bytes.append(bracket)
    bytes.append(0x0A)
    indent += 2
  }

  private mutating func close(_ bracket: UInt8) {
    indent -= 2
    bytes.append(0x0A)
    spaces()
    bytes.append(bracket)
  }

  private mutating func spaces() {
    bytes.append(contentsOf: repeatElement(0x20, count: indent))
  }

  /// Text written as it is: a number already formatted, a line break.
  public mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

  public mutating func bool(_ value: Bool) { append(value ? "true" : "false") }

  /// A number as `JSONEncoder` writes a `Double`: its `description`, without a trailing `.0`.
  ///
  /// - Throws: `EncodingError.invalidValue` for NaN or an infinity, as the encoder does.
  public mutating func number(_ value: Double) throws {
    guard value.isFinite else {
      throw EncodingError.invalidValue(
        value, .init(codingPath: [], debugDescription: "Unable to encode Double.\(value) directly in JSON."))
    }
    var text = value.description
    if text.hasSuffix(".0") { text.removeLast(2) }
    append(text)
  }

  public mutating func string(_ text: String) {
    bytes.append(0x22)
    // Most strings need no escape: appended whole, not a byte at a time.
    guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else {
      bytes.append(contentsOf: text.utf8)
      bytes.append(0x22)
      return
    }
    for byte in text.utf8 {
      switch byte {
      case 0x22: append("\\\"")
      case 0x5C: append("\\\\")
      case 0x08: append("\\b")
      case 0x0C: append("\\f")
      case 0x0A: append("\\n")
      case 0x0D: append("\\r")
      case 0x09: append("\\t")
      case 0x00..<0x20:
        let digits = Array("0123456789abcdef".utf8)
        append("\\u00")
        bytes.append(digits[Int(byte >> 4)])
        bytes.append(digits[Int(byte & 0x0F)])
      default: bytes.append(byte)
      }
    }
    bytes.append(0x22)
  }
}
