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
enum CacheEncoder {
  static func encode(_ value: some Encodable) throws -> [UInt8] {
    let node = try Node.encoding(value)
    var out: [UInt8] = []
    node.serialize(into: &out)
    return out
  }

  /// A value being encoded: the bytes of a single value, or the entries of a container. The
  /// entries are stored properties, appended to in place (an array inside an enum's payload would
  /// be copied on every append).
  final class Node {
    enum Kind {
      case empty
      /// A nil written through a single-value container (an optional encoded as a value).
      case null
      case bytes
      case keyed
      case unkeyed
    }

    var kind = Kind.empty
    var bytes: [UInt8] = []
    var entries: [(key: String, value: Node?)] = []
    var elements: [Node?] = []

    init() {}
    init(bytes: [UInt8]) {
      kind = .bytes
      self.bytes = bytes
    }

    static func encoding(_ value: some Encodable) throws -> Node {
      // By type, not by cast: an empty array of anything casts to `[UInt8]`.
      if type(of: value) == [UInt8].self, let bytes = value as? [UInt8] { return Node(bytes: bytes) }
      if type(of: value) == Data.self, let data = value as? Data { return Node(bytes: [UInt8](data)) }
      let node = Node()
      try value.encode(to: NodeEncoder(node: node))
      return node
    }

    func set(_ bytes: [UInt8]) {
      kind = .bytes
      self.bytes = bytes
    }

    func serialize(into out: inout [UInt8]) {
      switch kind {
      case .empty, .null: break
      case .bytes: out += bytes
      case .keyed:
        CacheEncoder.appendNumber(entries.count, to: &out)
        for (key, value) in entries {
          CacheEncoder.appendNumber(key.utf8.count, to: &out)
          out += key.utf8
          Node.append(value, to: &out)
        }
      case .unkeyed:
        CacheEncoder.appendNumber(elements.count, to: &out)
        for element in elements { Node.append(element, to: &out) }
      }
    }

    private static func append(_ value: Node?, to out: inout [UInt8]) {
      guard let value, value.kind != .null else {
        out.append(0)
        return
      }
      out.append(1)
      if value.kind == .bytes {
        CacheEncoder.appendNumber(value.bytes.count, to: &out)
        out += value.bytes
        return
      }
      // The value goes in after its length, which is known once it is written: room is left
      // for the longest length, and the value moved back over what it didn't need.
      let lengthAt = out.count
      out += [UInt8](repeating: 0, count: 10)
      let start = out.count
      value.serialize(into: &out)
      var length: [UInt8] = []
      CacheEncoder.appendNumber(out.count - start, to: &length)
      out.replaceSubrange(lengthAt..<start, with: length)
    }
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

  private struct NodeEncoder: Encoder {
    let node: Node
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
      if node.kind == .empty { node.kind = .keyed }
      return KeyedEncodingContainer(Keyed<Key>(node: node))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
      if node.kind == .empty { node.kind = .unkeyed }
      return Unkeyed(node: node)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { Single(node: node) }
  }

  /// The bytes of a primitive value.
  fileprivate static func primitive(_ value: Bool) -> [UInt8] { [value ? 1 : 0] }
  fileprivate static func primitive(_ value: String) -> [UInt8] { Array(value.utf8) }
  fileprivate static func primitive(_ value: Double) -> [UInt8] { bytes(of: value.bitPattern) }
  fileprivate static func primitive(_ value: Float) -> [UInt8] { bytes(of: UInt64(value.bitPattern)) }
  fileprivate static func primitive(_ value: some FixedWidthInteger) -> [UInt8] {
    bytes(of: UInt64(truncatingIfNeeded: Int64(truncatingIfNeeded: value)))
  }

  private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: Node
    var codingPath: [any CodingKey] { [] }

    private func put(_ bytes: [UInt8], _ key: Key) { node.entries.append((key.stringValue, Node(bytes: bytes))) }

    mutating func encodeNil(forKey key: Key) throws { node.entries.append((key.stringValue, nil)) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { put(CacheEncoder.primitive(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { put(CacheEncoder.primitive(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { put(CacheEncoder.primitive(value), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { put(CacheEncoder.primitive(value), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { put(CacheEncoder.primitive(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { put(CacheEncoder.primitive(value), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { put(CacheEncoder.primitive(value), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { put(CacheEncoder.primitive(value), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { put(CacheEncoder.primitive(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { put(CacheEncoder.primitive(value), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { put(CacheEncoder.primitive(value), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { put(CacheEncoder.primitive(value), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { put(CacheEncoder.primitive(value), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { put(CacheEncoder.primitive(value), key) }
    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
      node.entries.append((key.stringValue, try Node.encoding(value)))
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

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
      -> KeyedEncodingContainer<NestedKey>
    {
      let child = Node()
      node.entries.append((key.stringValue, child))
      return NodeEncoder(node: child).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
      let child = Node()
      node.entries.append((key.stringValue, child))
      return NodeEncoder(node: child).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
      let child = Node()
      node.entries.append(("super", child))
      return NodeEncoder(node: child)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
      let child = Node()
      node.entries.append((key.stringValue, child))
      return NodeEncoder(node: child)
    }
  }

  private struct Unkeyed: UnkeyedEncodingContainer {
    let node: Node
    var codingPath: [any CodingKey] { [] }
    var count: Int { node.elements.count }

    private func put(_ bytes: [UInt8]) { node.elements.append(Node(bytes: bytes)) }

    mutating func encodeNil() throws { node.elements.append(nil) }
    mutating func encode(_ value: Bool) throws { put(CacheEncoder.primitive(value)) }
    mutating func encode(_ value: String) throws { put(CacheEncoder.primitive(value)) }
    mutating func encode(_ value: Double) throws { put(CacheEncoder.primitive(value)) }
    mutating func encode(_ value: Float) throws { put(CacheEncoder.primitive(value)) }
    mutating func encode(_ value: Int) throws { put(CacheEncoder.primitive(value)) }
    mutating func encode(_ value: Int8) throws { put(CacheEncoder.primitive(value)) }
    mutating func encode(_ value: Int16) throws { put(CacheEncoder.primitive(value)) }
    mutating func encode(_ value: Int32) throws { put(CacheEncoder.primitive(value)) }
    mutating func encode(_ value: Int64) throws { put(CacheEncoder.primitive(value)) }
    mutating func encode(_ value: UInt) throws { put(CacheEncoder.primitive(value)) }
    mutating func encode(_ value: UInt8) throws { put(CacheEncoder.primitive(value)) }
    mutating func encode(_ value: UInt16) throws { put(CacheEncoder.primitive(value)) }
    mutating func encode(_ value: UInt32) throws { put(CacheEncoder.primitive(value)) }
    mutating func encode(_ value: UInt64) throws { put(CacheEncoder.primitive(value)) }
    mutating func encode(_ value: some Encodable) throws { node.elements.append(try Node.encoding(value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
      -> KeyedEncodingContainer<NestedKey>
    {
      let child = Node()
      node.elements.append(child)
      return NodeEncoder(node: child).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
      let child = Node()
      node.elements.append(child)
      return NodeEncoder(node: child).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
      let child = Node()
      node.elements.append(child)
      return NodeEncoder(node: child)
    }
  }

  private struct Single: SingleValueEncodingContainer {
    let node: Node
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { node.kind = .null }
    mutating func encode(_ value: Bool) throws { node.set(CacheEncoder.primitive(value)) }
    mutating func encode(_ value: String) throws { node.set(CacheEncoder.primitive(value)) }
    mutating func encode(_ value: Double) throws { node.set(CacheEncoder.primitive(value)) }
    mutating func encode(_ value: Float) throws { node.set(CacheEncoder.primitive(value)) }
    mutating func encode(_ value: Int) throws { node.set(CacheEncoder.primitive(value)) }
    mutating func encode(_ value: Int8) throws { node.set(CacheEncoder.primitive(value)) }
    mutating func encode(_ value: Int16) throws { node.set(CacheEncoder.primitive(value)) }
    mutating func encode(_ value: Int32) throws { node.set(CacheEncoder.primitive(value)) }
    mutating func encode(_ value: Int64) throws { node.set(CacheEncoder.primitive(value)) }
    mutating func encode(_ value: UInt) throws { node.set(CacheEncoder.primitive(value)) }
    mutating func encode(_ value: UInt8) throws { node.set(CacheEncoder.primitive(value)) }
    mutating func encode(_ value: UInt16) throws { node.set(CacheEncoder.primitive(value)) }
    mutating func encode(_ value: UInt32) throws { node.set(CacheEncoder.primitive(value)) }
    mutating func encode(_ value: UInt64) throws { node.set(CacheEncoder.primitive(value)) }
    mutating func encode(_ value: some Encodable) throws {
      let inner = try Node.encoding(value)
      node.kind = inner.kind
      node.bytes = inner.bytes
      node.entries = inner.entries
      node.elements = inner.elements
    }
  }
}
