import Foundation

/// Encodes `Codable` values into the build cache's compact binary form, read back by
/// ``CacheDecoder``. JSON would do, but decoding every episode of a large catalogue from JSON
/// costs a good part of what parsing the files again costs (docs/performance.md); this form
/// needs no text scanning and no number parsing.
///
/// Every value is length-delimited, so the decoder can find a keyed value by its key in any
/// order (as `Codable` allows), and a string needs no terminator:
/// - a keyed container: the count of entries, then each entry's key (length, UTF-8), then a
///   presence byte (0: nil) and the value (length, bytes);
/// - an unkeyed container: the count, then each element as a presence byte and a value;
/// - a single value: its bytes (integers and floats little-endian in 8 bytes, a string's UTF-8,
///   a Boolean in one byte).
/// Lengths and counts are unsigned LEB128. Arrays of bytes (`[UInt8]`, `Data`) are one value.
///
/// Written straight into one array as `Codable` asks, with no value held per field: every
/// episode a build reads is encoded, and a tree of the values first cost an allocation or more
/// per field (docs/performance.md). A count or a length is known only once its container or
/// value is done, so one byte is left for it and the rest put in after it when it needs more.
/// `Codable` never says when a container is done: one is done when a container made before it
/// is written to again, or when the value it belongs to is. Containers are so used last-made
/// first, which every synthesized conformance does; a write to a container that is done throws.
enum CacheEncoder {
  static func encode(_ value: some Encodable) throws -> [UInt8] {
    if let bytes = Stream.rawBytes(value) { return bytes }
    let stream = Stream()
    try stream.encodeValue(value, presenceAt: nil)
    return stream.out
  }

  static func appendNumber(_ value: Int, to out: inout [UInt8]) {
    var rest = UInt64(value)
    while rest >= 0x80 {
      out.append(UInt8(rest & 0x7F) | 0x80)
      rest >>= 7
    }
    out.append(UInt8(rest))
  }

  static func bytes(of value: UInt64) -> [UInt8] {
    withUnsafeBytes(of: value.littleEndian) { Array($0) }
  }

  /// The bytes being written and the values still open in them, innermost last. One stream is
  /// used by one thread, and its containers write into it one call at a time: the run-time
  /// exclusivity checks on its properties, a good part of the encoder's time
  /// (docs/performance.md), are left out.
  fileprivate final class Stream {
    @exclusivity(unchecked) var out: [UInt8] = []
    @exclusivity(unchecked) var frames: [Frame] = []
    /// Names each frame, so that a container can tell its own frame from a later one at its depth.
    private var serial = 0

    enum Kind {
      case empty
      /// A nil written through a single-value container (an optional encoded as a value).
      case null
      case bytes
      case keyed
      case unkeyed
    }

    /// A value being written: where its presence byte, its length's byte and its bytes are,
    /// and, for a container, where its count's byte is and how many entries it has so far.
    struct Frame {
      let id: Int
      /// `nil` for the value encoded whole, which has neither.
      let presenceAt: Int?
      let start: Int
      var kind = Kind.empty
      var countAt = 0
      var count = 0
    }

    init() { out.reserveCapacity(1024) }

    /// A frame's place in `frames`, while it is open.
    struct Handle {
      let depth: Int
      let id: Int
    }

    static func rawBytes(_ value: some Encodable) -> [UInt8]? {
      // By type, not by cast: an empty array of anything casts to `[UInt8]`.
      if type(of: value) == [UInt8].self, let bytes = value as? [UInt8] { return bytes }
      if type(of: value) == Data.self, let data = value as? Data { return [UInt8](data) }
      return nil
    }

    /// Makes the frame the innermost open one, closing those opened after it; an error when it
    /// is closed itself (a container written to after one made before it was).
    func open(_ handle: Handle) throws -> Int {
      guard handle.depth < frames.count, frames[handle.depth].id == handle.id else {
        throw EncodingError.invalidValue(
          handle, .init(codingPath: [], debugDescription: "a container written to after it was done"))
      }
      while frames.count > handle.depth + 1 { close() }
      return handle.depth
    }

    /// Closes the innermost frame: puts in its count and length, or turns it into a nil.
    private func close() {
      let frame = frames.removeLast()
      switch frame.kind {
      case .null:
        out.removeSubrange((frame.presenceAt ?? frame.start)...)
        if frame.presenceAt != nil { out.append(0) }
        return
      case .keyed, .unkeyed: put(frame.count, at: frame.countAt)
      case .empty, .bytes: break
      }
      if frame.presenceAt != nil { put(out.count - frame.start, at: frame.start - 1) }
    }

    /// Writes a number into the byte left for it at `offset`, and what more it needs after it.
    private func put(_ number: Int, at offset: Int) {
      if number < 0x80 {
        out[offset] = UInt8(number)
        return
      }
      var bytes: [UInt8] = []
      CacheEncoder.appendNumber(number, to: &bytes)
      out[offset] = bytes[0]
      out.insert(contentsOf: bytes[1...], at: offset + 1)
    }

    /// Starts a value: its presence byte and the byte left for its length (none for the value
    /// encoded whole), and its frame.
    func begin(entry: Bool) -> Handle {
      var presenceAt: Int?
      if entry {
        presenceAt = out.count
        out.append(1)
        out.append(0)
      }
      serial += 1
      frames.append(Frame(id: serial, presenceAt: presenceAt, start: out.count))
      return Handle(depth: frames.count - 1, id: serial)
    }

    /// Encodes a value whole, after a presence byte at `presenceAt` when it is an entry or element.
    func encodeValue(_ value: some Encodable, presenceAt: Int?) throws {
      if let bytes = Self.rawBytes(value) {
        if presenceAt != nil { appendBytes(bytes) } else { out += bytes }
        return
      }
      let handle = begin(entry: presenceAt != nil)
      let encoder = StreamEncoder(stream: self, handle: handle)
      // A `Dictionary`'s order is its own (seeded per process and per instance): the dictionary of strings
      // an episode holds (a probed file's tags) is written in key order, so that a reading
      // encodes to the same bytes every time and its items' keys match. (By type, not by cast:
      // a cast of every value would cost more than the whole check.)
      if type(of: value) == [String: String].self, let dictionary = value as? [String: String] {
        var container = encoder.container(keyedBy: NameKey.self)
        for key in dictionary.keys.sorted() { try container.encode(dictionary[key]!, forKey: NameKey(key)) }
      } else {
        try value.encode(to: encoder)
      }
      _ = try open(handle)
      close()
    }

    /// A dictionary's key, by its name.
    struct NameKey: CodingKey {
      let stringValue: String
      var intValue: Int? { nil }
      init(_ name: String) { stringValue = name }
      init?(stringValue: String) { self.stringValue = stringValue }
      init?(intValue: Int) { nil }
    }

    /// Appends a present value's presence byte, length and bytes.
    func appendBytes(_ bytes: some Collection<UInt8>) {
      out.append(1)
      CacheEncoder.appendNumber(bytes.count, to: &out)
      out += bytes
    }

    func appendString(_ string: String) {
      var string = string
      string.withUTF8 { appendBytes($0) }
    }

    func appendWord(_ word: UInt64) {
      out.append(1)
      out.append(8)
      withUnsafeBytes(of: word.littleEndian) { out += $0 }
    }

    func appendKey(_ key: some CodingKey) {
      var name = key.stringValue
      name.withUTF8 {
        CacheEncoder.appendNumber($0.count, to: &out)
        out += $0
      }
    }

    /// Makes the frame a container of `kind`, leaving a byte for its count; an error when it is
    /// already a value of another kind.
    func becomes(_ kind: Kind, _ handle: Handle) throws -> Int {
      let depth = try open(handle)
      if frames[depth].kind == .empty {
        frames[depth].kind = kind
        frames[depth].countAt = out.count
        out.append(0)
      } else if frames[depth].kind != kind {
        throw EncodingError.invalidValue(
          handle, .init(codingPath: [], debugDescription: "a value encoded as two kinds of value"))
      }
      return depth
    }

    /// A single value's bytes, once.
    func setBytes(_ handle: Handle, _ write: (Stream) -> Void) throws {
      let depth = try open(handle)
      guard frames[depth].kind == .empty else {
        throw EncodingError.invalidValue(handle, .init(codingPath: [], debugDescription: "a value encoded twice"))
      }
      frames[depth].kind = .bytes
      write(self)
    }
  }

  /// Encodes into a frame of the stream; a container made of it is a view of that frame.
  private struct StreamEncoder: Encoder {
    let stream: Stream
    let handle: Stream.Handle
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
      KeyedEncodingContainer(Keyed<Key>(stream: stream, handle: handle, ready: (try? stream.becomes(.keyed, handle)) != nil))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
      Unkeyed(stream: stream, handle: handle, ready: (try? stream.becomes(.unkeyed, handle)) != nil)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { Single(stream: stream, handle: handle) }
  }

  /// The bytes of a primitive value, without presence or length.
  fileprivate static func word(_ value: some FixedWidthInteger) -> UInt64 {
    UInt64(truncatingIfNeeded: Int64(truncatingIfNeeded: value))
  }

  private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let stream: Stream
    let handle: Stream.Handle
    /// Whether the frame became a keyed container; writes throw when it could not.
    let ready: Bool
    var codingPath: [any CodingKey] { [] }

    /// Writes the entry's key and counts it; `write` then adds the value.
    private func entry(_ key: Key, _ write: (Stream) throws -> Void) throws {
      guard ready else { throw EncodingError.invalidValue(key.stringValue, .init(codingPath: [], debugDescription: "not a keyed value")) }
      let depth = try stream.open(handle)
      stream.frames[depth].count += 1
      stream.appendKey(key)
      try write(stream)
    }

    mutating func encodeNil(forKey key: Key) throws { try entry(key) { $0.out.append(0) } }
    mutating func encode(_ value: Bool, forKey key: Key) throws { try entry(key) { $0.appendBytes(CollectionOfOne(value ? 1 : 0)) } }
    mutating func encode(_ value: String, forKey key: Key) throws { try entry(key) { $0.appendString(value) } }
    mutating func encode(_ value: Double, forKey key: Key) throws { try entry(key) { $0.appendWord(value.bitPattern) } }
    mutating func encode(_ value: Float, forKey key: Key) throws { try entry(key) { $0.appendWord(UInt64(value.bitPattern)) } }
    mutating func encode(_ value: Int, forKey key: Key) throws { try entry(key) { $0.appendWord(CacheEncoder.word(value)) } }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try entry(key) { $0.appendWord(CacheEncoder.word(value)) } }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try entry(key) { $0.appendWord(CacheEncoder.word(value)) } }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try entry(key) { $0.appendWord(CacheEncoder.word(value)) } }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try entry(key) { $0.appendWord(CacheEncoder.word(value)) } }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try entry(key) { $0.appendWord(CacheEncoder.word(value)) } }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try entry(key) { $0.appendWord(CacheEncoder.word(value)) } }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try entry(key) { $0.appendWord(CacheEncoder.word(value)) } }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try entry(key) { $0.appendWord(CacheEncoder.word(value)) } }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try entry(key) { $0.appendWord(CacheEncoder.word(value)) } }
    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
      try entry(key) { try $0.encodeValue(value, presenceAt: $0.out.count) }
    }

    // An absent optional is written as a nil, not left out: the decoder then finds every key
    // where it expects it, instead of looking through every entry for one that isn't there.
    private mutating func present<T>(_ value: T?, _ key: Key, _ encode: (inout Self, T) throws -> Void) throws {
      if let value { try encode(&self, value) } else { try encodeNil(forKey: key) }
    }

    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try present(value, key) { try $0.encode($1, forKey: key) } }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try present(value, key) { try $0.encode($1, forKey: key) } }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try present(value, key) { try $0.encode($1, forKey: key) } }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try present(value, key) { try $0.encode($1, forKey: key) } }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try present(value, key) { try $0.encode($1, forKey: key) } }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try present(value, key) { try $0.encode($1, forKey: key) } }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try present(value, key) { try $0.encode($1, forKey: key) } }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try present(value, key) { try $0.encode($1, forKey: key) } }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try present(value, key) { try $0.encode($1, forKey: key) } }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try present(value, key) { try $0.encode($1, forKey: key) } }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try present(value, key) { try $0.encode($1, forKey: key) } }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try present(value, key) { try $0.encode($1, forKey: key) } }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try present(value, key) { try $0.encode($1, forKey: key) } }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try present(value, key) { try $0.encode($1, forKey: key) } }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
      try present(value, key) { try $0.encode($1, forKey: key) }
    }

    /// A frame for an entry's value whose containers are written to later; the frame is
    /// opened now, or, when this container is done, one that throws on every write is given.
    private func child(_ key: any CodingKey) -> Stream.Handle {
      guard ready, let depth = try? stream.open(handle) else { return Stream.Handle(depth: Int.max, id: 0) }
      stream.frames[depth].count += 1
      stream.appendKey(key)
      return stream.begin(entry: true)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
      -> KeyedEncodingContainer<NestedKey>
    {
      StreamEncoder(stream: stream, handle: child(key)).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
      StreamEncoder(stream: stream, handle: child(key)).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
      StreamEncoder(stream: stream, handle: child(SuperKey()))
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
      StreamEncoder(stream: stream, handle: child(key))
    }
  }

  private struct SuperKey: CodingKey {
    var stringValue: String { "super" }
    var intValue: Int? { nil }
    init() {}
    init?(stringValue: String) { nil }
    init?(intValue: Int) { nil }
  }

  private struct Unkeyed: UnkeyedEncodingContainer {
    let stream: Stream
    let handle: Stream.Handle
    let ready: Bool
    var codingPath: [any CodingKey] { [] }
    var count: Int {
      guard handle.depth < stream.frames.count, stream.frames[handle.depth].id == handle.id else { return 0 }
      return stream.frames[handle.depth].count
    }

    /// Counts an element; `write` then adds it.
    private func element(_ write: (Stream) throws -> Void) throws {
      guard ready else { throw EncodingError.invalidValue(0, .init(codingPath: [], debugDescription: "not a list")) }
      let depth = try stream.open(handle)
      stream.frames[depth].count += 1
      try write(stream)
    }

    mutating func encodeNil() throws { try element { $0.out.append(0) } }
    mutating func encode(_ value: Bool) throws { try element { $0.appendBytes(CollectionOfOne(value ? 1 : 0)) } }
    mutating func encode(_ value: String) throws { try element { $0.appendString(value) } }
    mutating func encode(_ value: Double) throws { try element { $0.appendWord(value.bitPattern) } }
    mutating func encode(_ value: Float) throws { try element { $0.appendWord(UInt64(value.bitPattern)) } }
    mutating func encode(_ value: Int) throws { try element { $0.appendWord(CacheEncoder.word(value)) } }
    mutating func encode(_ value: Int8) throws { try element { $0.appendWord(CacheEncoder.word(value)) } }
    mutating func encode(_ value: Int16) throws { try element { $0.appendWord(CacheEncoder.word(value)) } }
    mutating func encode(_ value: Int32) throws { try element { $0.appendWord(CacheEncoder.word(value)) } }
    mutating func encode(_ value: Int64) throws { try element { $0.appendWord(CacheEncoder.word(value)) } }
    mutating func encode(_ value: UInt) throws { try element { $0.appendWord(CacheEncoder.word(value)) } }
    mutating func encode(_ value: UInt8) throws { try element { $0.appendWord(CacheEncoder.word(value)) } }
    mutating func encode(_ value: UInt16) throws { try element { $0.appendWord(CacheEncoder.word(value)) } }
    mutating func encode(_ value: UInt32) throws { try element { $0.appendWord(CacheEncoder.word(value)) } }
    mutating func encode(_ value: UInt64) throws { try element { $0.appendWord(CacheEncoder.word(value)) } }
    mutating func encode(_ value: some Encodable) throws {
      try element { try $0.encodeValue(value, presenceAt: $0.out.count) }
    }

    private func child() -> Stream.Handle {
      guard ready, let depth = try? stream.open(handle) else { return Stream.Handle(depth: Int.max, id: 0) }
      stream.frames[depth].count += 1
      return stream.begin(entry: true)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
      -> KeyedEncodingContainer<NestedKey>
    {
      StreamEncoder(stream: stream, handle: child()).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
      StreamEncoder(stream: stream, handle: child()).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { StreamEncoder(stream: stream, handle: child()) }
  }

  private struct Single: SingleValueEncodingContainer {
    let stream: Stream
    let handle: Stream.Handle
    var codingPath: [any CodingKey] { [] }

    private func set(_ write: (Stream) -> Void) throws { try stream.setBytes(handle, write) }
    private func word(_ word: UInt64) throws { try set { stream in withUnsafeBytes(of: word.littleEndian) { stream.out += $0 } } }

    mutating func encodeNil() throws {
      let depth = try stream.open(handle)
      guard stream.frames[depth].kind == .empty else {
        throw EncodingError.invalidValue(0, .init(codingPath: [], debugDescription: "a value encoded twice"))
      }
      stream.frames[depth].kind = .null
    }
    mutating func encode(_ value: Bool) throws { try set { $0.out.append(value ? 1 : 0) } }
    mutating func encode(_ value: String) throws {
      var value = value
      try set { stream in value.withUTF8 { stream.out += $0 } }
    }
    mutating func encode(_ value: Double) throws { try word(value.bitPattern) }
    mutating func encode(_ value: Float) throws { try word(UInt64(value.bitPattern)) }
    mutating func encode(_ value: Int) throws { try word(CacheEncoder.word(value)) }
    mutating func encode(_ value: Int8) throws { try word(CacheEncoder.word(value)) }
    mutating func encode(_ value: Int16) throws { try word(CacheEncoder.word(value)) }
    mutating func encode(_ value: Int32) throws { try word(CacheEncoder.word(value)) }
    mutating func encode(_ value: Int64) throws { try word(CacheEncoder.word(value)) }
    mutating func encode(_ value: UInt) throws { try word(CacheEncoder.word(value)) }
    mutating func encode(_ value: UInt8) throws { try word(CacheEncoder.word(value)) }
    mutating func encode(_ value: UInt16) throws { try word(CacheEncoder.word(value)) }
    mutating func encode(_ value: UInt32) throws { try word(CacheEncoder.word(value)) }
    mutating func encode(_ value: UInt64) throws { try word(CacheEncoder.word(value)) }
    /// The value is this one: it is written into the same frame.
    mutating func encode(_ value: some Encodable) throws {
      if let bytes = Stream.rawBytes(value) {
        try set { $0.out += bytes }
        return
      }
      try value.encode(to: StreamEncoder(stream: stream, handle: handle))
    }
  }
}
