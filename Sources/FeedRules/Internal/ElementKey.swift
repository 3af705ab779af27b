import PodiumXML

/// What an element is filed under: a known namespace and a local name, written in rules as
/// `"itunes:duration"`. Building one allocates nothing, and comparing two mostly compares one
/// integer, as rules compare keys far more often than they build them.
struct ElementKey: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
  let namespace: FeedNamespace
  let name: String
  /// The name's length and first bytes: different fingerprints mean different names.
  private let fingerprint: UInt64

  init(_ namespace: FeedNamespace, _ name: String) {
    self.namespace = namespace
    self.name = name
    fingerprint = name.utf8.withContiguousStorageIfAvailable(Self.fingerprint) ?? Self.fingerprint(Array(name.utf8))
  }

  /// Rules build keys on every lookup, millions of them for a large feed: read the bytes in place.
  private static func fingerprint(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var print = UInt64(truncatingIfNeeded: bytes.count) << 56
    for index in 0..<min(7, bytes.count) { print |= UInt64(bytes[index]) << (8 * UInt64(index)) }
    return print
  }

  private static func fingerprint(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBufferPointer(fingerprint) }

  /// `"title"` or `"prefix:name"` with one of the conventional prefixes. Rules write a literal
  /// key on every lookup, millions of them for a large feed, so it is read from the literal's
  /// bytes in place: no `String` searched, no `Substring` compared.
  init(stringLiteral literal: StaticString) {
    self = literal.withUTF8Buffer(Self.parse)
  }

  /// The key a qualified name such as `itunes:author` is filed under.
  init(qualified name: String) {
    var name = name
    self = name.withUTF8(Self.parse)
  }

  private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> ElementKey {
    if let colon = bytes.firstIndex(of: UInt8(ascii: ":")),
      let namespace = FeedNamespace(prefix: UnsafeBufferPointer(rebasing: bytes[..<colon]))
    {
      return ElementKey(namespace, String(decoding: UnsafeBufferPointer(rebasing: bytes[(colon + 1)...]), as: UTF8.self))
    }
    return ElementKey(.none, String(decoding: bytes, as: UTF8.self))
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
    lhs.fingerprint == rhs.fingerprint && lhs.namespace == rhs.namespace && lhs.name == rhs.name
  }

  func hash(into hasher: inout Hasher) {
    hasher.combine(namespace)
    hasher.combine(name)
  }

  var description: String { namespace.prefix.isEmpty ? name : "\(namespace.prefix):\(name)" }
}
