import Diagnostics
import Identifiers

/// The compact binary form a ``FeedCheckMemo`` is stored in: one array of bytes, not a value
/// per item and event, so a memo of 100,000 items is written and read in one go. Numbers are
/// LEB128 (signed ones zig-zag), strings their length and UTF-8.
///
/// Layout: a version byte, the context, the count of items; per item its digest (32 bytes), its
/// line offset, a flags byte (enclosure, Apple's namespace) and its events, each a family index,
/// a kind byte and the kind's fields; then the SHA-256 of all that, so that a damaged memo (a
/// changed letter in a message) is refused rather than given again as a finding.
struct MemoBytes {
  static let version: UInt8 = 1

  private(set) var bytes: [UInt8] = []

  static func encode(_ memo: FeedCheckMemo) -> [UInt8] {
    var out = MemoBytes()
    out.bytes.append(version)
    out.write(memo.context)
    out.write(memo.items.count)
    for item in memo.items {
      for word in [item.digest.first, item.digest.second, item.digest.third, item.digest.fourth] {
        withUnsafeBytes(of: word.bigEndian) { out.bytes += $0 }
      }
      out.write(signed: item.lineOffset)
      out.bytes.append((item.hasEnclosure ? 1 : 0) | (item.declaresITunes ? 2 : 0))
      out.write(item.events.count)
      for event in item.events {
        out.write(event.family)
        out.write(event.event)
      }
    }
    // Appended in place: a copy of a large feed's memo would be made just to add 32 bytes.
    out.bytes += ContentDigest.sha256(out.bytes)
    return out.bytes
  }

  /// The memo in `bytes`; `nil` when they are not one (cut short, damaged, another version).
  static func decode(_ stored: [UInt8]) -> FeedCheckMemo? {
    guard stored.count > 32 else { return nil }
    let bytes = Array(stored[..<(stored.count - 32)])
    guard ContentDigest.sha256(bytes) == Array(stored[(stored.count - 32)...]) else { return nil }
    var reader = Reader(bytes: bytes)
    guard reader.byte() == version, let context = reader.string(), let count = reader.count() else { return nil }
    var items: [FeedItemResult] = []
    items.reserveCapacity(min(count, bytes.count / 36))
    for _ in 0..<count {
      guard let digest = reader.digest(), let offset = reader.signed(), let flags = reader.byte(),
        let events = reader.count()
      else { return nil }
      var list: [FeedItemResult.Event] = []
      list.reserveCapacity(min(events, 64))
      for _ in 0..<events {
        guard let family = reader.count(), let event = reader.event() else { return nil }
        list.append(.init(family: family, event: event))
      }
      items.append(FeedItemResult(
        digest: digest, lineOffset: offset, hasEnclosure: flags & 1 != 0, declaresITunes: flags & 2 != 0, events: list))
    }
    guard reader.atEnd else { return nil }
    return FeedCheckMemo(context: context, items: items)
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

  private struct Reader {
    let bytes: [UInt8]
    var position = 0

    var atEnd: Bool { position == bytes.count }

    mutating func byte() -> UInt8? {
      guard position < bytes.count else { return nil }
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
      guard let value = unsigned(), value <= UInt64(bytes.count) else { return nil }
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
      guard let length = count(), position + length <= bytes.count else { return nil }
      defer { position += length }
      return String(decoding: bytes[position..<position + length], as: UTF8.self)
    }

    mutating func digest() -> ItemDigest? {
      guard position + 32 <= bytes.count else { return nil }
      defer { position += 32 }
      return ItemDigest(Array(bytes[position..<position + 32]))
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
