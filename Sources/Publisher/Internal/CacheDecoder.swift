import Foundation

/// Decodes what ``CacheEncoder`` wrote. Every length is checked against what is left, so a
/// damaged cache gives an error, never a read out of bounds; the caller then ignores the cache.
///
/// Built to allocate little, since a build may decode a hundred thousand episodes: a value is a
/// pointer and a length (two words, so a decoder or single-value container made of one fits in
/// an existential's inline buffer instead of a heap box of its own); a keyed container reads its
/// entries as keys are asked for instead of listing them first; `decodeIfPresent` looks a key up
/// once; and the types a model is mostly made of (strings, numbers, Booleans, arrays of them) are
/// decoded straight from their bytes instead of through a decoder and container of their own.
enum CacheDecoder {
  static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
    try bytes.withUnsafeBytes { try decode(type, from: $0) }
  }

  static func decode<T: Decodable>(_ type: T.Type, from buffer: UnsafeRawBufferPointer) throws -> T {
    try value(type, Value(base: buffer.baseAddress ?? emptyBase, count: buffer.count))
  }

  /// Where an empty buffer's value points: it is never read.
  nonisolated(unsafe) private static let emptyBase = UnsafeRawPointer(UnsafeMutableRawPointer.allocate(byteCount: 1, alignment: 1))

  static func corrupt() -> DecodingError {
    DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "the cache is damaged"))
  }

  /// A value's bytes; a count of -1 is a nil.
  struct Value {
    let base: UnsafeRawPointer
    let count: Int

    static func null(_ base: UnsafeRawPointer) -> Value { Value(base: base, count: -1) }

    var isNil: Bool { count < 0 }

    /// The bytes, or an error for a nil.
    func bytes() throws -> UnsafeRawBufferPointer {
      guard count >= 0 else { throw CacheDecoder.corrupt() }
      return UnsafeRawBufferPointer(start: base, count: count)
    }

    func string() throws -> String { String(decoding: try bytes(), as: UTF8.self) }

    func bool() throws -> Bool {
      guard count == 1, base.load(as: UInt8.self) <= 1 else { throw CacheDecoder.corrupt() }
      return base.load(as: UInt8.self) == 1
    }

    func word() throws -> UInt64 {
      guard count == 8 else { throw CacheDecoder.corrupt() }
      return UInt64(littleEndian: base.loadUnaligned(as: UInt64.self))
    }

    func integer<T: FixedWidthInteger>() throws -> T {
      guard let exact = T(exactly: Int64(bitPattern: try word())) else { throw CacheDecoder.corrupt() }
      return exact
    }
  }

  /// Reads bytes written by ``CacheEncoder`` from `base`, at `offset`, never at or past `end`.
  struct Cursor {
    let base: UnsafeRawPointer
    var offset: Int
    let end: Int

    /// A number written by ``CacheEncoder/appendNumber(_:to:)``.
    mutating func number() throws -> Int {
      var value: UInt64 = 0
      var shift: UInt64 = 0
      while true {
        guard offset < end, shift < 63 else { throw CacheDecoder.corrupt() }
        let byte = base.load(fromByteOffset: offset, as: UInt8.self)
        offset += 1
        value |= UInt64(byte & 0x7F) << shift
        if byte < 0x80 { break }
        shift += 7
      }
      guard value <= UInt64(Int.max) else { throw CacheDecoder.corrupt() }
      return Int(value)
    }

    /// `count` bytes, as a value.
    mutating func take(_ count: Int) throws -> Value {
      guard count <= end - offset else { throw CacheDecoder.corrupt() }
      defer { offset += count }
      return Value(base: base + offset, count: count)
    }

    /// A presence byte and a length-delimited value.
    mutating func value() throws -> Value {
      guard offset < end else { throw CacheDecoder.corrupt() }
      let present = base.load(fromByteOffset: offset, as: UInt8.self)
      offset += 1
      guard present == 1 else {
        guard present == 0 else { throw CacheDecoder.corrupt() }
        return .null(base)
      }
      return try take(try number())
    }

    /// Whether the next value is a nil (its presence byte is 0).
    var atNil: Bool { offset < end && base.load(fromByteOffset: offset, as: UInt8.self) == 0 }
  }

  /// Decodes a value of any type, straight from its bytes for the common ones.
  static func value<T: Decodable>(_ type: T.Type, _ value: Value) throws -> T {
    if !value.isNil {
      if T.self == String.self { return try value.string() as! T }
      if T.self == Int.self { return try value.integer() as Int as! T }
      if T.self == Bool.self { return try value.bool() as! T }
      if T.self == Double.self { return Double(bitPattern: try value.word()) as! T }
      if T.self == Int64.self { return try value.integer() as Int64 as! T }
      if T.self == Int32.self { return try value.integer() as Int32 as! T }
      if T.self == UInt64.self { return try value.word() as! T }
      if T.self == [UInt8].self {
        let bytes = try value.bytes()
        let array = Array(bytes)
        // A large one's pages, when mapped from a file, are given back once copied (``CacheFile``).
        if bytes.count >= 1 << 20 { CacheFile.copied(bytes) }
        return array as! T
      }
      if T.self == Data.self { return Data(try value.bytes()) as! T }
      if T.self == [String].self { return try list(value) { try $0.string() } as! T }
      if T.self == [Int32].self { return try list(value) { try $0.integer() as Int32 } as! T }
      if T.self == [Int].self { return try list(value) { try $0.integer() as Int } as! T }
    }
    return try T(from: ValueDecoder(value: value))
  }

  /// An array of values none of which is nil, each read by `element`.
  private static func list<E>(_ value: Value, _ element: (Value) throws -> E) throws -> [E] {
    var cursor = Cursor(base: value.base, offset: 0, end: value.count)
    let count = try cursor.number()
    guard count <= value.count else { throw corrupt() }
    var elements: [E] = []
    elements.reserveCapacity(count)
    for _ in 0..<count { elements.append(try element(try cursor.value())) }
    return elements
  }

  /// Two words: it fits an existential's inline buffer, so making one allocates nothing.
  private struct ValueDecoder: Decoder {
    let value: Value
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
      KeyedDecodingContainer(try Keyed<Key>(try value.bytes()))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { try Unkeyed(try value.bytes()) }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { Single(value: value) }
  }

  /// Reads its entries as keys are asked for, from where the last one was found: keys are mostly
  /// asked for in the order they were written, so each is found at the first look.
  private final class Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
    private let base: UnsafeRawPointer
    private let end: Int
    /// Where the first entry starts, and how many there are.
    private let first: Int
    private let count: Int
    /// The entry the next search starts at: its index and where it starts.
    private var cursor: (index: Int, offset: Int)
    var codingPath: [any CodingKey] { [] }

    init(_ bytes: UnsafeRawBufferPointer) throws {
      base = bytes.baseAddress ?? CacheDecoder.emptyBase
      end = bytes.count
      var reader = Cursor(base: base, offset: 0, end: end)
      count = try reader.number()
      guard count <= bytes.count else { throw CacheDecoder.corrupt() }
      first = reader.offset
      cursor = (0, first)
    }

    /// The entry at `offset`: its key's bytes, its value, and where the next starts.
    private func entry(at offset: Int) throws -> (key: Value, value: Value, next: Int) {
      var reader = Cursor(base: base, offset: offset, end: end)
      let key = try reader.take(try reader.number())
      let value = try reader.value()
      return (key, value, reader.offset)
    }

    /// The entry of a key, and the position after it; looked for from the cursor on, round to it.
    private func find(_ key: Key) throws -> (value: Value, after: (index: Int, offset: Int))? {
      guard count > 0 else { return nil }
      var name = key.stringValue
      return try name.withUTF8 { wanted in
        var (index, offset) = cursor
        for _ in 0..<count {
          if index == count { (index, offset) = (0, first) }
          let found = try entry(at: offset)
          if found.key.count == wanted.count, memcmp(found.key.base, wanted.baseAddress!, wanted.count) == 0 {
            return (found.value, (index + 1, found.next))
          }
          (index, offset) = (index + 1, found.next)
        }
        return nil
      }
    }

    private func entry(_ key: Key) throws -> Value {
      guard let found = try find(key) else {
        throw DecodingError.keyNotFound(key, .init(codingPath: [], debugDescription: "not in the cache"))
      }
      cursor = found.after
      return found.value
    }

    var allKeys: [Key] {
      var keys: [Key] = []
      var offset = first
      for _ in 0..<count {
        guard let found = try? entry(at: offset), let name = try? found.key.string() else { break }
        if let key = Key(stringValue: name) { keys.append(key) }
        offset = found.next
      }
      return keys
    }

    func contains(_ key: Key) -> Bool { (try? find(key)) != nil }

    /// Moves past the key only when it holds nil: otherwise its value is decoded next, and is
    /// found where the search starts.
    func decodeNil(forKey key: Key) throws -> Bool {
      guard let found = try find(key) else {
        throw DecodingError.keyNotFound(key, .init(codingPath: [], debugDescription: "not in the cache"))
      }
      if found.value.isNil { cursor = found.after }
      return found.value.isNil
    }

    private func present(_ key: Key) throws -> Value {
      let value = try entry(key)
      guard !value.isNil else {
        throw DecodingError.valueNotFound(Any.self, .init(codingPath: [key], debugDescription: "nil in the cache"))
      }
      return value
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try present(key).bool() }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try present(key).string() }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { Double(bitPattern: try present(key).word()) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
      Float(bitPattern: UInt32(truncatingIfNeeded: try present(key).word()))
    }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try present(key).integer() }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try present(key).integer() }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try present(key).integer() }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try present(key).integer() }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try present(key).integer() }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try present(key).integer() }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try present(key).integer() }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try present(key).integer() }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try present(key).integer() }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try present(key).word() }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try CacheDecoder.value(type, try entry(key)) }

    /// An absent key or a nil is nil, as the protocol's own `decodeIfPresent` says, found with
    /// one look instead of three.
    private func ifPresent<T>(_ key: Key, _ decode: (Value) throws -> T) throws -> T? {
      guard let found = try find(key) else { return nil }
      cursor = found.after
      return found.value.isNil ? nil : try decode(found.value)
    }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try ifPresent(key) { try $0.bool() } }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try ifPresent(key) { try $0.string() } }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
      try ifPresent(key) { Double(bitPattern: try $0.word()) }
    }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? {
      try ifPresent(key) { Float(bitPattern: UInt32(truncatingIfNeeded: try $0.word())) }
    }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try ifPresent(key) { try $0.integer() } }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try ifPresent(key) { try $0.integer() } }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try ifPresent(key) { try $0.integer() } }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try ifPresent(key) { try $0.integer() } }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try ifPresent(key) { try $0.integer() } }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try ifPresent(key) { try $0.integer() } }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try ifPresent(key) { try $0.integer() } }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try ifPresent(key) { try $0.integer() } }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try ifPresent(key) { try $0.integer() } }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try ifPresent(key) { try $0.word() } }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
      try ifPresent(key) { try CacheDecoder.value(type, $0) }
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
      -> KeyedDecodingContainer<NestedKey>
    {
      KeyedDecodingContainer(try Keyed<NestedKey>(try present(key).bytes()))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
      try Unkeyed(try present(key).bytes())
    }

    func superDecoder() throws -> any Decoder {
      var offset = first
      for _ in 0..<count {
        let found = try entry(at: offset)
        if try found.key.string() == "super" { return ValueDecoder(value: found.value) }
        offset = found.next
      }
      throw CacheDecoder.corrupt()
    }

    func superDecoder(forKey key: Key) throws -> any Decoder { ValueDecoder(value: try entry(key)) }
  }

  private struct Unkeyed: UnkeyedDecodingContainer {
    private var reader: Cursor
    let count: Int?
    private(set) var currentIndex = 0
    var codingPath: [any CodingKey] { [] }
    var isAtEnd: Bool { currentIndex >= (count ?? 0) }

    init(_ bytes: UnsafeRawBufferPointer) throws {
      reader = Cursor(base: bytes.baseAddress ?? CacheDecoder.emptyBase, offset: 0, end: bytes.count)
      let count = try reader.number()
      guard count <= bytes.count else { throw CacheDecoder.corrupt() }
      self.count = count
    }

    private mutating func next() throws -> Value {
      guard !isAtEnd else { throw CacheDecoder.corrupt() }
      let value = try reader.value()
      currentIndex += 1
      return value
    }

    private mutating func present() throws -> Value {
      let value = try next()
      guard !value.isNil else { throw CacheDecoder.corrupt() }
      return value
    }

    mutating func decodeNil() throws -> Bool {
      guard !isAtEnd else { throw CacheDecoder.corrupt() }
      // Only a nil is consumed: otherwise the value is decoded next.
      guard reader.atNil else { return false }
      reader.offset += 1
      currentIndex += 1
      return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try present().bool() }
    mutating func decode(_ type: String.Type) throws -> String { try present().string() }
    mutating func decode(_ type: Double.Type) throws -> Double { Double(bitPattern: try present().word()) }
    mutating func decode(_ type: Float.Type) throws -> Float {
      Float(bitPattern: UInt32(truncatingIfNeeded: try present().word()))
    }
    mutating func decode(_ type: Int.Type) throws -> Int { try present().integer() }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try present().integer() }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try present().integer() }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try present().integer() }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try present().integer() }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try present().integer() }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try present().integer() }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try present().integer() }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try present().integer() }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try present().word() }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try CacheDecoder.value(type, try next()) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
      -> KeyedDecodingContainer<NestedKey>
    {
      KeyedDecodingContainer(try Keyed<NestedKey>(try present().bytes()))
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try Unkeyed(try present().bytes()) }

    mutating func superDecoder() throws -> any Decoder { ValueDecoder(value: try next()) }
  }

  /// Two words, as ``ValueDecoder``.
  private struct Single: SingleValueDecodingContainer {
    let value: Value
    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool { value.isNil }
    func decode(_ type: Bool.Type) throws -> Bool { try value.bool() }
    func decode(_ type: String.Type) throws -> String { try value.string() }
    func decode(_ type: Double.Type) throws -> Double { Double(bitPattern: try value.word()) }
    func decode(_ type: Float.Type) throws -> Float { Float(bitPattern: UInt32(truncatingIfNeeded: try value.word())) }
    func decode(_ type: Int.Type) throws -> Int { try value.integer() }
    func decode(_ type: Int8.Type) throws -> Int8 { try value.integer() }
    func decode(_ type: Int16.Type) throws -> Int16 { try value.integer() }
    func decode(_ type: Int32.Type) throws -> Int32 { try value.integer() }
    func decode(_ type: Int64.Type) throws -> Int64 { try value.integer() }
    func decode(_ type: UInt.Type) throws -> UInt { try value.integer() }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try value.integer() }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try value.integer() }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try value.integer() }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try value.word() }
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
      guard !value.isNil else { throw CacheDecoder.corrupt() }
      return try CacheDecoder.value(type, value)
    }
  }
}
