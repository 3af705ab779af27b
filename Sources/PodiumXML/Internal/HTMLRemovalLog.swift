/// Collects removals, each distinct one once, in the order first met, so a page of the same
/// tag gives one warning rather than hundreds.
///
/// A removal met again (every cell of a table loses its `align`) is recognised by its
/// packed name before any string is made.
struct HTMLRemovalLog {
  private(set) var removals: [HTMLRemoval] = []
  private var seen: Set<HTMLRemoval> = []
  private var seenKeys: Set<UInt64> = []

  mutating func removed(element name: UnsafePointer<UInt8>) {
    add(key: HTMLNameKey.key(name).map { 1 << 62 | $0 }) { .element(HTMLCString.string(name)) }
  }

  mutating func unwrapped(element name: UnsafePointer<UInt8>) {
    add(key: HTMLNameKey.key(name).map { 2 << 62 | $0 }) { .unwrapped(HTMLCString.string(name)) }
  }

  mutating func removed(attribute name: UnsafePointer<UInt8>, from tag: HTMLTag) {
    // Nine characters (54 bits) leave room for the tag (5 bits) and the kind (2 bits).
    let key = HTMLNameKey.key(name, maxLength: 9).map { 3 << 62 | UInt64(tag.rawValue) << 54 | $0 }
    add(key: key) { .attribute(element: tag.name, name: HTMLCString.string(name)) }
  }

  mutating func removed(url: UnsafeBufferPointer<UInt8>) {
    add(key: nil) { .url(String(decoding: url, as: UTF8.self)) }
  }

  private mutating func add(key: UInt64?, _ kind: () -> HTMLRemoval.Kind) {
    if let key, !seenKeys.insert(key).inserted { return }
    let removal = HTMLRemoval(kind())
    if seen.insert(removal).inserted { removals.append(removal) }
  }
}
