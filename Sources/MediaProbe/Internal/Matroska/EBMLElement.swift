/// An EBML element header (RFC 8794 §4–6): an ID, kept with its length marker as the specs
/// write IDs (`0x1A45DFA3`), and a data size, nil when unknown (every value bit set).
struct EBMLElement {
  /// The longest header: a 4-byte ID and an 8-byte size.
  static let maximumHeaderLength = 12

  let id: UInt32
  /// Where the header starts, in the file.
  let offset: Int64
  let dataOffset: Int64
  let size: Int64?

  var end: Int64? { size.map { dataOffset + $0 } }

  /// Reads a header at the reader's position.
  ///
  /// - Throws: `malformed` for an ID over 4 bytes or a size over 8, `cut` when the bytes end first.
  init(_ reader: inout ByteReader) throws(EBMLError) {
    offset = reader.offset
    let idBytes = try Self.vint(&reader, maximumLength: 4, what: "ID")
    id = UInt32(idBytes.value)
    let sizeBytes = try Self.vint(&reader, maximumLength: 8, what: "size")
    let valueBits = UInt64(7 * sizeBytes.length)
    let value = sizeBytes.value & ((1 << valueBits) - 1)
    size = value == (1 << valueBits) - 1 ? nil : Int64(value)
    dataOffset = reader.offset
  }

  /// A variable-length integer with its length marker kept: the first byte's leading zeros give
  /// the length.
  private static func vint(_ reader: inout ByteReader, maximumLength: Int, what: String) throws(EBMLError)
    -> (value: UInt64, length: Int)
  {
    let start = reader.offset
    guard let first = try? reader.u8() else { throw .cut(offset: start) }
    let length = first.leadingZeroBitCount + 1
    guard first != 0, length <= maximumLength else {
      throw .malformed(offset: start, "an element \(what) at byte \(start) starts with 0x\(String(first, radix: 16)), which is not a valid \(maximumLength)-byte-or-shorter EBML \(what)")
    }
    guard let rest = try? reader.uintBE(length - 1) else { throw .cut(offset: start) }
    return (UInt64(first) << (8 * UInt64(length - 1)) | rest, length)
  }
}
