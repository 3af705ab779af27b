/// Where each value was first used in a feed, for the rules that allow a value once (a GUID, an
/// enclosure URL): a digest per value (``ValueDigest``), not the value, so a feed of a million
/// items keeps a small set.
struct FirstUse {
  private var lines: [ValueDigest: Int] = [:]

  /// The line of an earlier use of `value`; nil when this is its first, which is then kept at `line`.
  mutating func earlierLine(of value: String, usedAt line: Int) -> Int? {
    let digest = ValueDigest(value)
    if let earlier = lines[digest] { return earlier }
    lines[digest] = line
    return nil
  }
}
