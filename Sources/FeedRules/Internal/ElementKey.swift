import PodiumXML

/// What an element is filed under: a known namespace and a local name, written in rules as
/// `"itunes:duration"`. Building one allocates nothing, and comparing two mostly compares one
/// integer, as rules compare keys far more often than they build them.
///
/// `@unchecked Sendable`: a literal's name points into the program's static, read-only memory.
struct ElementKey: Hashable, @unchecked Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
  /// A name from a document, or the bytes of a literal a rule wrote: rules build a literal key on
  /// every lookup, millions of them for a large feed, so no `String` is made for it.
  private enum Name {
    case string(String)
    case literal(UnsafeBufferPointer<UInt8>)
  }

  // In this order the key takes 32 bytes, not 40: a channel of a million items has a million.
  /// The name's length (up to 255) and first 7 bytes: different fingerprints mean different
  /// names, and equal ones of names up to 7 bytes mean equal names.
  private let fingerprint: UInt64
  private let storage: Name
  let namespace: FeedNamespace

  /// The local name, for messages.
  var name: String {
    switch storage {
    case .string(let name): name
    case .literal(let bytes): String(decoding: bytes, as: UTF8.self)
    }
  }

  init(_ namespace: FeedNamespace, _ name: String) {
    self.namespace = namespace
    storage = .string(name)
    fingerprint = name.utf8.withContiguousStorageIfAvailable(Self.fingerprint) ?? Self.fingerprint(Array(name.utf8))
  }

  private init(_ namespace: FeedNamespace, literal bytes: UnsafeBufferPointer<UInt8>) {
    self.namespace = namespace
    storage = .literal(bytes)
    fingerprint = Self.fingerprint(bytes)
  }

  private static func fingerprint(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var print = UInt64(min(bytes.count, 255)) << 56
    for index in 0..<min(7, bytes.count) { print |= UInt64(bytes[index]) << (8 * UInt64(index)) }
    return print
  }

  private static func fingerprint(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBufferPointer(fingerprint) }

  /// `"title"` or `"prefix:name"` with one of the conventional prefixes, read from the literal's
  /// bytes in place.
  init(stringLiteral literal: StaticString) {
    let bytes = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
    if let colon = bytes.firstIndex(of: UInt8(ascii: ":")),
      let namespace = FeedNamespace(prefix: UnsafeBufferPointer(rebasing: bytes[..<colon]))
    {
      self.init(namespace, literal: UnsafeBufferPointer(rebasing: bytes[(colon + 1)...]))
    } else {
      self.init(.none, literal: bytes)
    }
  }

  /// The key a qualified name such as `itunes:author` is filed under.
  init(qualified name: String) {
    guard let colon = name.firstIndex(of: ":"), let namespace = FeedNamespace(prefix: name[..<colon]) else {
      self.init(.none, name)
      return
    }
    self.init(namespace, String(name[name.index(after: colon)...]))
  }

  private func withNameBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    switch storage {
    case .literal(let bytes): body(bytes)
    case .string(let name): name.utf8.withContiguousStorageIfAvailable(body) ?? Array(name.utf8).withUnsafeBufferPointer(body)
    }
  }

  /// The key of an element; one with an undeclared prefix (`itunes:author` with no namespace)
  /// files as if declared, so a missing declaration is reported once, not as missing tags.
  init(_ element: XMLElement, namespace: FeedNamespace) {
    if namespace == .none, element.name.utf8.contains(UInt8(ascii: ":")) {
      self.init(qualified: element.name)
    } else {
      self.init(namespace, element.name)
    }
  }

  init(_ element: XMLElement) { self.init(element, namespace: FeedNamespace(uri: element.namespaceURI)) }

  static func == (lhs: ElementKey, rhs: ElementKey) -> Bool {
    guard lhs.fingerprint == rhs.fingerprint, lhs.namespace == rhs.namespace else { return false }
    // Up to 7 bytes, the fingerprint holds the whole name.
    if lhs.fingerprint >> 56 <= 7 { return true }
    return lhs.withNameBytes { left in rhs.withNameBytes { right in left.elementsEqual(right) } }
  }

  func hash(into hasher: inout Hasher) {
    hasher.combine(namespace)
    withNameBytes { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
  }

  var description: String { namespace.prefix.isEmpty ? name : "\(namespace.prefix):\(name)" }
}
