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
    var print = UInt64(truncatingIfNeeded: name.utf8.count) << 56
    var shift: UInt64 = 0
    for byte in name.utf8.prefix(7) {
      print |= UInt64(byte) << shift
      shift += 8
    }
    fingerprint = print
  }

  /// `"title"` or `"prefix:name"` with one of the conventional prefixes.
  init(stringLiteral text: String) {
    guard let colon = text.utf8.firstIndex(of: UInt8(ascii: ":")),
      let namespace = FeedNamespace(prefix: text[..<colon])
    else {
      self.init(.none, text)
      return
    }
    self.init(namespace, String(text[text.index(after: colon)...]))
  }

  /// The key of an element; one with an undeclared prefix (`itunes:author` with no namespace)
  /// files as if declared, so a missing declaration is reported once, not as missing tags.
  init(_ element: XMLElement, namespace: FeedNamespace) {
    if namespace == .none, element.name.utf8.contains(UInt8(ascii: ":")) {
      self.init(stringLiteral: element.name)
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
