/// The element rules in a direct-mapped table: a name's packed key modulo the table size
/// picks its slot. The size is the smallest for which no two names share a slot, found once,
/// so a lookup is one division and one comparison instead of a hashed dictionary probe.
struct HTMLElementTable: Sendable {
  private let keys: [UInt64]
  private let rules: [HTMLElementRule?]

  init(_ entries: [(key: UInt64, rule: HTMLElementRule)]) {
    var size = max(entries.count, 1)
    while Set(entries.map { $0.key % UInt64(size) }).count < entries.count { size += 1 }
    var keys = Array(repeating: UInt64.max, count: size)
    var rules = [HTMLElementRule?](repeating: nil, count: size)
    for (key, rule) in entries {
      keys[Int(key % UInt64(size))] = key
      rules[Int(key % UInt64(size))] = rule
    }
    self.keys = keys
    self.rules = rules
  }

  func rule(forKey key: UInt64) -> HTMLElementRule? {
    let slot = Int(key % UInt64(keys.count))
    return keys[slot] == key ? rules[slot] : nil
  }
}
