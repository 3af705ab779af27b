/// A 128-bit digest of a string, kept instead of the string by rules that remember every value
/// of a feed (each GUID, each enclosure URL): 16 bytes instead of a heap string of 50 to 100, so
/// what a check holds for a feed of a million items stays small. Two SipHash passes under
/// different prefixes with the process's random key: two different values share a digest with a
/// chance of about 2⁻¹²⁸ per pair, never in practice, and a feed cannot aim for it.
struct ValueDigest: Hashable, Sendable {
  private let first: Int
  private let second: Int

  init(_ value: String) {
    var hasher = Hasher()
    hasher.combine(0 as UInt8)
    hasher.combine(value)
    first = hasher.finalize()
    hasher = Hasher()
    hasher.combine(1 as UInt8)
    hasher.combine(value)
    second = hasher.finalize()
  }
}
