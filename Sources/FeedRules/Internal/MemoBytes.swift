import Diagnostics
import Identifiers

/// The compact binary form a ``FeedCheckMemo`` is held and stored in: one array of bytes, not a
/// value per item and event. A check writes each item's result into it as the item is read or
/// applied, and a result is made into a value only while it is applied, so the results of a
/// large feed's items are never all values at once (docs/performance.md). Numbers are LEB128
/// (signed ones zig-zag), strings their length and UTF-8.
///
/// Layout: a version byte and the context; then each item's *entry*: its digest (32 bytes), its
/// line offset, a flags byte (enclosure, Apple's namespace), the count of its events and each
/// event (a family index, a kind byte and the kind's fields); then the SHA-256 of all that, so
/// that a damaged memo (a changed letter in a message) is refused rather than given again as a
/// finding. An entry is copied from one memo into another as it is.
struct MemoBytes {
  static let version: UInt8 = 2

  private(set) var bytes: [UInt8] = []
  /// Where each entry starts in `bytes`.
  private(set) var starts: [Int] = []

  /// A memo of `context`, with no entry yet.
  init(context: String) {
    bytes.append(Self.version)
    write(context)
  }

  /// Appends an item's result as its entry.
  mutating func append(_ item: FeedItemResult) {
    starts.append(bytes.count)
    for word in [item.digest.first, item.digest.second, item.digest.third, item.digest.fourth] {
      withUnsafeBytes(of: word.bigEndian) { bytes += $0 }
    }
    write(signed: item.lineOffset)
    bytes.append((item.hasEnclosure ? 1 : 0) | (item.declaresITunes ? 2 : 0))
    write(item.events.count)
    for event in item.events {
      write(event.family)
      write(event.event)
    }
  }

  /// Appends an entry of another memo as it is.
  mutating func append(entry: ArraySlice<UInt8>) {
    starts.append(bytes.count)
    bytes += entry
  }

  /// The stored bytes, with their digest, and where each entry starts in them.
  consuming func finished() -> (bytes: [UInt8], starts: [Int]) {
    let end = bytes.count
    // Appended in place: a copy of a large feed's memo would be made just to add 32 bytes.
    bytes += bytes.withUnsafeBytes { ContentDigest.sha256($0) }
    return (bytes, starts + [end])
  }

  /// Where each entry of a stored memo starts, then where the last ends (its digest starts);
  /// `nil` when the bytes are not one (cut short, damaged, another version). Every entry is read
  /// through, so that one can be made into a value without fail.
  static func index(_ stored: [UInt8]) -> [Int]? {
    guard stored.count > 33 else { return nil }
    let end = stored.count - 32
    let digest = stored.withUnsafeBytes { ContentDigest.sha256(UnsafeRawBufferPointer(rebasing: $0[..<end])) }
    guard digest.elementsEqual(stored[end...]) else { return nil }
    var reader = Reader(bytes: stored, end: end)
    guard reader.byte() == version, reader.string() != nil else { return nil }
    var starts: [Int] = []
    while !reader.atEnd {
      starts.append(reader.position)
      guard reader.entry() != nil else { return nil }
    }
    starts.append(end)
    return starts
  }

  /// The context of a memo's bytes, written (``init(context:)``) or checked (``index(_:)``).
  static func context(_ bytes: [UInt8]) -> String {
    var reader = Reader(bytes: bytes, position: 1, end: bytes.count)
    return reader.string() ?? ""
  }

  /// The digest an entry starts with.
  static func digest(_ bytes: [UInt8], at start: Int) -> ItemDigest {
    bytes.withUnsafeBytes { buffer in
      func word(_ index: Int) -> UInt64 {
        UInt64(bigEndian: buffer.loadUnaligned(fromByteOffset: start + index * 8, as: UInt64.self))
      }
      return ItemDigest(first: word(0), second: word(1), third: word(2), fourth: word(3))
    }
  }

  /// The item's result an entry holds; `nil` when it is not one.
  static func result(_ bytes: [UInt8], in entry: Range<Int>) -> FeedItemResult? {
    var reader = Reader(bytes: bytes, position: entry.lowerBound, end: entry.upperBound)
    return reader.entry()
  }

  private mutating func write(_ event: ItemEvent) {
    switch event {
    case .finding(let rule, let message, let line, let severity):
      bytes.append(0)
      write(rule)
      write(message)
      write(line: line)
      write(severity?.rawValue ?? "")
    case .once(let key, let rule, let message, let line):
      bytes.append(1)
      write(key)
      write(rule)
      write(message)
      write(line: line)
    case .guid(let value, let line):
      bytes.append(2)
      write(value)
      write(signed: line)
    case .enclosure(let url, let line):
      bytes.append(3)
      write(url)
      write(signed: line)
    case .date(let seconds, let line):
      bytes.append(4)
      write(signed: seconds)
      write(signed: line)
    }
  }

  private mutating func write(_ number: Int) { write(unsigned: UInt64(max(number, 0))) }

  private mutating func write(signed number: Int) {
    write(unsigned: UInt64(bitPattern: Int64((number << 1) ^ (number >> 63))))
  }

  /// An optional line: 0 for none, else the line's zig-zag form plus one.
  private mutating func write(line: Int?) {
    guard let line else { return bytes.append(0) }
    write(unsigned: UInt64(bitPattern: Int64((line << 1) ^ (line >> 63))) + 1)
  }

  private mutating func write(unsigned number: UInt64) {
    var rest = number
    while rest >= 0x80 {
      bytes.append(UInt8(rest & 0x7F) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
  }

  private mutating func write(_ text: String) {
    write(text.utf8.count)
    bytes += text.utf8
  }

  /// Reads the bytes of `bytes` from `position`, never at or past `end`.
  private struct Reader {
    let bytes: [UInt8]
    var position = 0
    let end: Int

    var atEnd: Bool { position == end }

    mutating func byte() -> UInt8? {
      guard position < end else { return nil }
      defer { position += 1 }
      return bytes[position]
    }

    mutating func unsigned() -> UInt64? {
      var value: UInt64 = 0
      var shift: UInt64 = 0
      while let byte = byte() {
        guard shift < 64 else { return nil }
        value |= UInt64(byte & 0x7F) << shift
        if byte < 0x80 { return value }
        shift += 7
      }
      return nil
    }

    /// A count or index, at most the bytes left (each counted thing takes at least one).
    mutating func count() -> Int? {
      guard let value = unsigned(), value <= UInt64(end - position) else { return nil }
      return Int(value)
    }

    mutating func signed() -> Int? {
      guard let value = unsigned() else { return nil }
      return Int(Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1))
    }

    mutating func line() -> Int?? {
      guard let value = unsigned() else { return nil }
      guard value > 0 else { return .some(nil) }
      let zigzag = value - 1
      return .some(Int(Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1)))
    }

    mutating func string() -> String? {
      guard let length = count(), position + length <= end else { return nil }
      defer { position += length }
      return String(decoding: bytes[position..<position + length], as: UTF8.self)
    }

    mutating func digest() -> ItemDigest? {
      guard position + 32 <= end else { return nil }
      defer { position += 32 }
      return MemoBytes.digest(bytes, at: position)
    }

    /// An item's entry.
    mutating func entry() -> FeedItemResult? {
      guard let digest = digest(), let offset = signed(), let flags = byte(), let count = count() else { return nil }
      var events: [FeedItemResult.Event] = []
      events.reserveCapacity(min(count, 64))
      for _ in 0..<count {
        guard let family = self.count(), let event = event() else { return nil }
        events.append(.init(family: family, event: event))
      }
      return FeedItemResult(
        digest: digest, lineOffset: offset, hasEnclosure: flags & 1 != 0, declaresITunes: flags & 2 != 0,
        events: events)
    }

    mutating func event() -> ItemEvent? {
      switch byte() {
      case 0:
        guard let rule = string(), let message = string(), let line = line(), let severity = string() else { return nil }
        return .finding(rule: rule, message: message, line: line, severity: Severity(rawValue: severity))
      case 1:
        guard let key = string(), let rule = string(), let message = string(), let line = line() else { return nil }
        return .once(key: key, rule: rule, message: message, line: line)
      case 2:
        guard let value = string(), let line = signed() else { return nil }
        return .guid(value: value, line: line)
      case 3:
        guard let url = string(), let line = signed() else { return nil }
        return .enclosure(url: url, line: line)
      case 4:
        guard let seconds = signed(), let line = signed() else { return nil }
        return .date(seconds: seconds, line: line)
      default:
        return nil
      }
    }
  }
}
