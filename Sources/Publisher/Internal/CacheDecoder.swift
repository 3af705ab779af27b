import Foundation

/// Decodes what ``CacheEncoder`` wrote. Every length is checked against what is left, so a
/// damaged cache gives an error, never a read out of bounds; the caller then ignores the cache.
enum CacheDecoder {
  static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
    try bytes.withUnsafeBytes { buffer in
      try Reader(buffer: buffer).decode(type, in: 0..<buffer.count)
    }
  }

  static func decode<T: Decodable>(_ type: T.Type, from buffer: UnsafeRawBufferPointer) throws -> T {
    try Reader(buffer: buffer).decode(type, in: 0..<buffer.count)
  }

  static func corrupt() -> DecodingError {
    DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "the cache is damaged"))
  }

  /// Reads a number written by ``CacheEncoder/appendNumber(_:to:)`` at `offset`, within `end`.
  static func number(_ buffer: UnsafeRawBufferPointer, at offset: inout Int, end: Int) throws -> Int {
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      guard offset < end, shift < 63 else { throw corrupt() }
      let byte = buffer[offset]
      offset += 1
      value |= UInt64(byte & 0x7F) << shift
      if byte < 0x80 { break }
      shift += 7
    }
    guard value <= UInt64(Int.max) else { throw corrupt() }
    return Int(value)
  }

  /// A value: its bytes in the buffer, or nil.
  struct Value {
    let range: Range<Int>?
  }

  /// Reads a presence byte and a length-delimited value at `offset`.
  static func value(_ buffer: UnsafeRawBufferPointer, at offset: inout Int, end: Int) throws -> Value {
    guard offset < end else { throw corrupt() }
    let present = buffer[offset]
    offset += 1
    guard present == 1 else {
      guard present == 0 else { throw corrupt() }
      return Value(range: nil)
    }
    let length = try number(buffer, at: &offset, end: end)
    guard length <= end - offset else { throw corrupt() }
    defer { offset += length }
    return Value(range: offset..<offset + length)
  }

  struct Reader {
    let buffer: UnsafeRawBufferPointer

    func decode<T: Decodable>(_ type: T.Type, in range: Range<Int>) throws -> T {
      if T.self == [UInt8].self { return Array(UnsafeRawBufferPointer(rebasing: buffer[range])) as! T }
      if T.self == Data.self { return Data(UnsafeRawBufferPointer(rebasing: buffer[range])) as! T }
      return try T(from: ValueDecoder(reader: self, value: Value(range: range)))
    }

    func decode<T: Decodable>(_ type: T.Type, _ value: Value) throws -> T {
      guard let range = value.range else {
        // An optional written through a single-value container.
        return try T(from: ValueDecoder(reader: self, value: value))
      }
      return try decode(type, in: range)
    }

    func string(_ range: Range<Int>) throws -> String {
      String(decoding: UnsafeRawBufferPointer(rebasing: buffer[range]), as: UTF8.self)
    }

    func bool(_ range: Range<Int>) throws -> Bool {
      guard range.count == 1, buffer[range.lowerBound] <= 1 else { throw CacheDecoder.corrupt() }
      return buffer[range.lowerBound] == 1
    }

    func word(_ range: Range<Int>) throws -> UInt64 {
      guard range.count == 8 else { throw CacheDecoder.corrupt() }
      return UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: range.lowerBound, as: UInt64.self))
    }

    func integer<T: FixedWidthInteger>(_ range: Range<Int>) throws -> T {
      let value = Int64(bitPattern: try word(range))
      guard let exact = T(exactly: value) else { throw CacheDecoder.corrupt() }
      return exact
    }
  }

  private struct ValueDecoder: Decoder {
    let reader: Reader
    let value: Value
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
      guard let range = value.range else { throw CacheDecoder.corrupt() }
      return KeyedDecodingContainer(try Keyed<Key>(reader: reader, range: range))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
      guard let range = value.range else { throw CacheDecoder.corrupt() }
      return try Unkeyed(reader: reader, range: range)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { Single(reader: reader, value: value) }
  }

  private final class Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let reader: Reader
    /// Each entry: where its key's bytes are, and its value.
    private var entries: [(key: Range<Int>, value: Value)] = []
    /// Where the last key was found: keys are mostly asked for in the order they were written.
    private var cursor = 0
    var codingPath: [any CodingKey] { [] }

    init(reader: Reader, range: Range<Int>) throws {
      self.reader = reader
      var offset = range.lowerBound
      let count = try CacheDecoder.number(reader.buffer, at: &offset, end: range.upperBound)
      guard count <= range.count else { throw CacheDecoder.corrupt() }
      entries.reserveCapacity(count)
      for _ in 0..<count {
        let length = try CacheDecoder.number(reader.buffer, at: &offset, end: range.upperBound)
        guard length <= range.upperBound - offset else { throw CacheDecoder.corrupt() }
        let key = offset..<offset + length
        offset += length
        entries.append((key, try CacheDecoder.value(reader.buffer, at: &offset, end: range.upperBound)))
      }
    }

    var allKeys: [Key] {
      entries.compactMap { entry in (try? reader.string(entry.key)).flatMap { Key(stringValue: $0) } }
    }

    private func matches(_ index: Int, _ key: String) -> Bool {
      let range = entries[index].key
      var key = key
      return key.withUTF8 { utf8 in
        utf8.count == range.count && memcmp(utf8.baseAddress!, reader.buffer.baseAddress! + range.lowerBound, range.count) == 0
      }
    }

    /// The entry of a key, looked for from the last one found on.
    private func find(_ key: Key) -> Int? {
      let name = key.stringValue
      if entries.isEmpty { return nil }
      for step in 0..<entries.count {
        let index = (cursor + step) % entries.count
        if matches(index, name) { return index }
      }
      return nil
    }

    private func entry(_ key: Key) throws -> Value {
      guard let index = find(key) else {
        throw DecodingError.keyNotFound(key, .init(codingPath: [], debugDescription: "not in the cache"))
      }
      cursor = index + 1
      return entries[index].value
    }

    private func bytes(_ key: Key) throws -> Range<Int> {
      guard let range = try entry(key).range else {
        throw DecodingError.valueNotFound(Any.self, .init(codingPath: [key], debugDescription: "nil in the cache"))
      }
      return range
    }

    func contains(_ key: Key) -> Bool { find(key) != nil }

    /// Moves past the key only when it holds nil: otherwise its value is decoded next, and is
    /// found where the search starts.
    func decodeNil(forKey key: Key) throws -> Bool {
      guard let index = find(key) else {
        throw DecodingError.keyNotFound(key, .init(codingPath: [], debugDescription: "not in the cache"))
      }
      guard entries[index].value.range == nil else {
        cursor = index
        return false
      }
      cursor = index + 1
      return true
    }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try reader.bool(try bytes(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try reader.string(try bytes(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
      Double(bitPattern: try reader.word(try bytes(key)))
    }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
      Float(bitPattern: UInt32(truncatingIfNeeded: try reader.word(try bytes(key))))
    }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try reader.integer(try bytes(key)) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try reader.integer(try bytes(key)) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try reader.integer(try bytes(key)) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try reader.integer(try bytes(key)) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try reader.integer(try bytes(key)) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try reader.integer(try bytes(key)) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try reader.integer(try bytes(key)) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try reader.integer(try bytes(key)) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try reader.integer(try bytes(key)) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try reader.word(try bytes(key)) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
      try reader.decode(type, try entry(key))
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
      -> KeyedDecodingContainer<NestedKey>
    {
      KeyedDecodingContainer(try Keyed<NestedKey>(reader: reader, range: try bytes(key)))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
      try Unkeyed(reader: reader, range: try bytes(key))
    }

    func superDecoder() throws -> any Decoder {
      guard let index = entries.firstIndex(where: { (try? reader.string($0.key)) == "super" }) else {
        throw CacheDecoder.corrupt()
      }
      return ValueDecoder(reader: reader, value: entries[index].value)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder { ValueDecoder(reader: reader, value: try entry(key)) }
  }

  private struct Unkeyed: UnkeyedDecodingContainer {
    let reader: Reader
    private var offset: Int
    private let end: Int
    let count: Int?
    private(set) var currentIndex = 0
    var codingPath: [any CodingKey] { [] }
    var isAtEnd: Bool { currentIndex >= (count ?? 0) }

    init(reader: Reader, range: Range<Int>) throws {
      self.reader = reader
      offset = range.lowerBound
      end = range.upperBound
      let count = try CacheDecoder.number(reader.buffer, at: &offset, end: end)
      guard count <= range.count else { throw CacheDecoder.corrupt() }
      self.count = count
    }

    private mutating func next() throws -> Value {
      guard !isAtEnd else { throw CacheDecoder.corrupt() }
      let value = try CacheDecoder.value(reader.buffer, at: &offset, end: end)
      currentIndex += 1
      return value
    }

    private mutating func bytes() throws -> Range<Int> {
      guard let range = try next().range else { throw CacheDecoder.corrupt() }
      return range
    }

    mutating func decodeNil() throws -> Bool {
      guard !isAtEnd else { throw CacheDecoder.corrupt() }
      // Only a nil is consumed: otherwise the value is decoded next.
      guard reader.buffer[offset] == 0 else { return false }
      offset += 1
      currentIndex += 1
      return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try reader.bool(try bytes()) }
    mutating func decode(_ type: String.Type) throws -> String { try reader.string(try bytes()) }
    mutating func decode(_ type: Double.Type) throws -> Double { Double(bitPattern: try reader.word(try bytes())) }
    mutating func decode(_ type: Float.Type) throws -> Float {
      Float(bitPattern: UInt32(truncatingIfNeeded: try reader.word(try bytes())))
    }
    mutating func decode(_ type: Int.Type) throws -> Int { try reader.integer(try bytes()) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try reader.integer(try bytes()) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try reader.integer(try bytes()) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try reader.integer(try bytes()) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try reader.integer(try bytes()) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try reader.integer(try bytes()) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try reader.integer(try bytes()) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try reader.integer(try bytes()) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try reader.integer(try bytes()) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try reader.word(try bytes()) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try reader.decode(type, try next()) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
      -> KeyedDecodingContainer<NestedKey>
    {
      KeyedDecodingContainer(try Keyed<NestedKey>(reader: reader, range: try bytes()))
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
      try Unkeyed(reader: reader, range: try bytes())
    }

    mutating func superDecoder() throws -> any Decoder { ValueDecoder(reader: reader, value: try next()) }
  }

  private struct Single: SingleValueDecodingContainer {
    let reader: Reader
    let value: Value
    var codingPath: [any CodingKey] { [] }

    private func bytes() throws -> Range<Int> {
      guard let range = value.range else { throw CacheDecoder.corrupt() }
      return range
    }

    func decodeNil() -> Bool { value.range == nil }
    func decode(_ type: Bool.Type) throws -> Bool { try reader.bool(try bytes()) }
    func decode(_ type: String.Type) throws -> String { try reader.string(try bytes()) }
    func decode(_ type: Double.Type) throws -> Double { Double(bitPattern: try reader.word(try bytes())) }
    func decode(_ type: Float.Type) throws -> Float { Float(bitPattern: UInt32(truncatingIfNeeded: try reader.word(try bytes()))) }
    func decode(_ type: Int.Type) throws -> Int { try reader.integer(try bytes()) }
    func decode(_ type: Int8.Type) throws -> Int8 { try reader.integer(try bytes()) }
    func decode(_ type: Int16.Type) throws -> Int16 { try reader.integer(try bytes()) }
    func decode(_ type: Int32.Type) throws -> Int32 { try reader.integer(try bytes()) }
    func decode(_ type: Int64.Type) throws -> Int64 { try reader.integer(try bytes()) }
    func decode(_ type: UInt.Type) throws -> UInt { try reader.integer(try bytes()) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try reader.integer(try bytes()) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try reader.integer(try bytes()) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try reader.integer(try bytes()) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try reader.word(try bytes()) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try reader.decode(type, in: try bytes()) }
  }
}
