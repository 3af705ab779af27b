import PodiumXML

/// An element with the key of each child worked out once. Rules look children up by key with a
/// linear scan: items have a few dozen children, and comparing small keys is cheaper than
/// hashing them, so this beats a dictionary per item both to build and to query. A node with
/// many children (a channel of a million items) gets an index of each key's first child, or
/// every lookup of a rule would scan them all.
struct FeedNode: Sendable {
  let element: XMLElement
  private let children: [XMLElement]
  private let keys: [ElementKey]
  /// The index of each key's first child, for nodes of at least `indexedCount` children.
  private let firstIndex: [ElementKey: Int]?

  /// From this many children on, a lookup by hash beats a scan.
  private static let indexedCount = 256

  /// - Parameters:
  ///   - namespaces: a cache shared while filing many elements of one feed.
  ///   - podcastChildren: receives the children in the podcast namespace, in order.
  init(_ element: XMLElement, namespaces: inout NamespaceCache, podcastChildren: inout [XMLElement]) {
    self.element = element
    children = element.children
    var keys: [ElementKey] = []
    keys.reserveCapacity(children.count)
    for child in children {
      let namespace = namespaces.namespace(of: child)
      if namespace == .podcast { podcastChildren.append(child) }
      keys.append(ElementKey(child, namespace: namespace))
    }
    self.keys = keys
    firstIndex = keys.count < Self.indexedCount ? nil : Self.index(keys)
  }

  private static func index(_ keys: [ElementKey]) -> [ElementKey: Int] {
    var index: [ElementKey: Int] = [:]
    for (position, key) in keys.enumerated() where index[key] == nil { index[key] = position }
    return index
  }

  init(_ element: XMLElement) {
    var namespaces = NamespaceCache()
    var ignored: [XMLElement] = []
    self.init(element, namespaces: &namespaces, podcastChildren: &ignored)
  }

  var line: Int { element.line }

  /// Every child filed under `key` (`title`, `itunes:image`), in document order.
  func all(_ key: ElementKey) -> [XMLElement] {
    keys.indices.compactMap { keys[$0] == key ? children[$0] : nil }
  }

  func first(_ key: ElementKey) -> XMLElement? {
    position(of: key).map { children[$0] }
  }

  func has(_ key: ElementKey) -> Bool { position(of: key) != nil }

  private func position(of key: ElementKey) -> Int? {
    if let firstIndex { return firstIndex[key] }
    return keys.firstIndex(of: key)
  }

  /// The first child filed under any of `keys`, with its key.
  func first(anyOf wanted: [ElementKey]) -> (key: ElementKey, element: XMLElement)? {
    let position = firstIndex.map { index in wanted.compactMap { index[$0] }.min() } ?? keys.firstIndex(where: wanted.contains)
    return position.map { (keys[$0], children[$0]) }
  }

  /// The trimmed text of the first child filed under `key`.
  func text(_ key: ElementKey) -> String? { first(key)?.trimmedText }

  /// The keys among `wanted` that occur more than once, each with all its elements, in document
  /// order. Only wanted keys are gathered: a channel's million `<item>`s are not copied to be ignored.
  func repeated(among wanted: Set<ElementKey>) -> [(key: ElementKey, elements: [XMLElement])] {
    if keys.count < 48 {
      // Pairs compared, and only a key that repeats hashed: an item's `podcast:person`s and
      // `podcast:transcript`s repeat, and hashing every key of every item showed in profiles.
      var result: [(key: ElementKey, elements: [XMLElement])] = []
      for index in keys.indices.dropFirst() where keys[..<index].contains(keys[index]) {
        let key = keys[index]
        if !result.contains(where: { $0.key == key }), wanted.contains(key) { result.append((key, all(key))) }
      }
      return result
    }
    var seen: Set<ElementKey> = []
    var reported: Set<ElementKey> = []
    var result: [(key: ElementKey, elements: [XMLElement])] = []
    for key in keys where wanted.contains(key) && !seen.insert(key).inserted && reported.insert(key).inserted {
      result.append((key, all(key)))
    }
    return result
  }
}

/// Remembers which namespace each URI string names. Elements of one document share their URI
/// strings, so comparing against the few seen so far is cheaper than hashing each one.
struct NamespaceCache {
  private var known: [(uri: String, namespace: FeedNamespace)] = []

  mutating func namespace(of element: XMLElement) -> FeedNamespace {
    guard let uri = element.namespaceURI else { return .none }
    if let hit = known.first(where: { $0.uri == uri }) { return hit.namespace }
    let namespace = FeedNamespace(uri: uri)
    known.append((uri, namespace))
    return namespace
  }
}

extension XMLElement {
  var trimmedText: String { text.trimmingWhitespace() }

  /// The element as feeds usually write it, for messages: `<itunes:image>`.
  var tagName: String { "<\(ElementKey(self))>" }

  var feedNamespace: FeedNamespace { FeedNamespace(uri: namespaceURI) }
}
