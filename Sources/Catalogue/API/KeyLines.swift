/// The file line of each front-matter key of an episode (`"media.url"` → 9), for findings.
///
/// Held compactly, as every loaded episode keeps one until its feed is written: the keys in one
/// string, the lines in one array, where a dictionary had buckets and a string of its own for each
/// key over 15 bytes, such as `chapters[0].title` (docs/performance.md); a lookup is a scan of a
/// few hundred bytes, done a few times an item. The loader lets episodes with the same keys share
/// one string of them.
public struct KeyLines: Sendable, Hashable, Codable, ExpressibleByDictionaryLiteral {
  /// The keys, each followed by a newline (no key holds one: they are YAML keys joined by dots).
  private var keys: [UInt8] = []
  private var lines: [Int32] = []

  public init() {}

  public init(dictionaryLiteral elements: (String, Int)...) {
    for (key, line) in elements { self[key] = line }
  }

  /// The keys and lines as `encode(to:)` stores them (each key followed by a newline): for a
  /// cache's decoder that reads them without `Codable`'s containers.
  public init(storedKeys: [UInt8], lines: [Int32]) {
    keys = storedKeys
    self.lines = lines
  }

  /// The pairs in key order, so that two equal sets of keys make equal values.
  public init(_ dictionary: [String: Int]) {
    keys.reserveCapacity(dictionary.keys.reduce(0) { $0 + $1.utf8.count + 1 })
    lines.reserveCapacity(dictionary.count)
    for (key, line) in dictionary.sorted(by: { $0.key < $1.key }) { append(key, line) }
  }

  public subscript(key: String) -> Int? {
    get { index(of: key).map { Int(lines[$0.line]) } }
    set {
      if let found = index(of: key) {
        keys.removeSubrange(found.start..<found.start + key.utf8.count + 1)
        lines.remove(at: found.line)
      }
      if let newValue { append(key, newValue) }
    }
  }

  public var count: Int { lines.count }

  private mutating func append(_ key: String, _ line: Int) {
    keys.append(contentsOf: key.utf8)
    keys.append(0x0A)
    lines.append(Int32(clamping: line))
  }

  /// Where the key starts in `keys`, and its line's index.
  private func index(of key: String) -> (start: Int, line: Int)? {
    var key = key
    return key.withUTF8 { wanted in
      keys.withUnsafeBufferPointer { all -> (start: Int, line: Int)? in
        var start = 0
        var line = 0
        while start < all.count {
          let end = all[start...].firstIndex(of: 0x0A) ?? all.count
          if all[start..<end].elementsEqual(wanted) { return (start, line) }
          start = end + 1
          line += 1
        }
        return nil
      }
    }
  }

  /// Sets the line of the key `prefix` + `key` (`media.` and `url`) without making it a string:
  /// the loader records every key of every file this way.
  mutating func record(prefix: String, key: UnsafeBufferPointer<UInt8>, line: Int) {
    let prefixCount = prefix.utf8.count
    let found = keys.withUnsafeBufferPointer { all -> (start: Int, line: Int)? in
      var start = 0
      var index = 0
      while start < all.count {
        let end = all[start...].firstIndex(of: 0x0A) ?? all.count
        if end - start == prefixCount + key.count, all[start..<start + prefixCount].elementsEqual(prefix.utf8),
          all[(start + prefixCount)..<end].elementsEqual(key)
        {
          return (start, index)
        }
        start = end + 1
        index += 1
      }
      return nil
    }
    if let found {
      lines[found.line] = Int32(clamping: line)
      return
    }
    keys.append(contentsOf: prefix.utf8)
    keys.append(contentsOf: key)
    keys.append(0x0A)
    lines.append(Int32(clamping: line))
  }

  /// Takes its keys from `pool` when an equal list is there (else adds its own), and its lines
  /// into an array of their own size: most episodes of a show have the same keys in the same
  /// order, and the loader gives each file room for more keys than it has (docs/performance.md).
  mutating func share(keysIn pool: inout Set<[UInt8]>) {
    if let found = pool.firstIndex(of: keys) {
      keys = pool[found]
    } else {
      keys = keys.withUnsafeBufferPointer { Array($0) }
      pool.insert(keys)
    }
    lines = lines.withUnsafeBufferPointer { Array($0) }
  }

  mutating func reserve(keyBytes: Int, count: Int) {
    keys.reserveCapacity(keyBytes)
    lines.reserveCapacity(count)
  }

  /// The same pairs as a dictionary, as `Show` and `Site` keep them.
  var dictionary: [String: Int] { Dictionary(pairs, uniquingKeysWith: { $1 }) }

  /// Equal when they hold the same keys and lines, in whatever order they were added.
  public static func == (lhs: KeyLines, rhs: KeyLines) -> Bool {
    lhs.count == rhs.count && lhs.pairs.allSatisfy { rhs[$0.key] == $0.line }
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(count)
    hasher.combine(lines.reduce(0) { $0 &+ Int($1) })
  }

  /// The keys and lines, in the order they were added.
  public var pairs: [(key: String, line: Int)] {
    keys.split(separator: 0x0A, omittingEmptySubsequences: false).prefix(lines.count).enumerated().map {
      (String(decoding: $0.element, as: UTF8.self), Int(lines[$0.offset]))
    }
  }
}
