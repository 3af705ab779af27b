/// The SHA-256 of an item's bytes, as four words.
struct ItemDigest: Sendable, Hashable {
  let first, second, third, fourth: UInt64

  init(_ sha256: [UInt8]) {
    func word(_ index: Int) -> UInt64 { sha256[index * 8..<index * 8 + 8].reduce(0) { $0 << 8 | UInt64($1) } }
    (first, second, third, fourth) = (word(0), word(1), word(2), word(3))
  }

  init(first: UInt64, second: UInt64, third: UInt64, fourth: UInt64) {
    (self.first, self.second, self.third, self.fourth) = (first, second, third, fourth)
  }
}
