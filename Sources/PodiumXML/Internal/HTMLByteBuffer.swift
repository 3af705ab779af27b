/// A growable byte buffer whose appends are single copies: `Array.append(contentsOf:)`
/// costs about a hundred instructions a call, and the sanitiser appends a few hundred short
/// runs per fragment.
struct HTMLByteBuffer {
  /// Always longer than `count`; the bytes past `count` are scratch.
  private var storage: [UInt8]
  private(set) var count = 0

  init(capacity: Int) {
    storage = Array(repeating: 0, count: max(capacity, 64))
  }

  var last: UInt8? { count > 0 ? storage[count - 1] : nil }
  var isEmpty: Bool { count == 0 }
  subscript(index: Int) -> UInt8 { storage[index] }

  /// The bytes written, from `start` on.
  func bytes(from start: Int = 0) -> ArraySlice<UInt8> { storage[start..<count] }

  mutating func append(_ byte: UInt8) {
    if count == storage.count { grow(by: 1) }
    storage[count] = byte
    count += 1
  }

  mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
    if count + bytes.count > storage.count { grow(by: bytes.count) }
    let offset = count
    storage.withUnsafeMutableBufferPointer { buffer in
      buffer.baseAddress.map { ($0 + offset).update(from: source, count: bytes.count) }
    }
    count += bytes.count
  }

  mutating func append(_ string: StaticString) {
    append(UnsafeBufferPointer(start: string.utf8Start, count: string.utf8CodeUnitCount))
  }

  mutating func removeLast() {
    count -= 1
  }

  /// Drops everything from `position` on.
  mutating func truncate(to position: Int) {
    count = min(count, position)
  }

  private mutating func grow(by needed: Int) {
    storage.append(contentsOf: repeatElement(0, count: max(storage.count, needed)))
  }
}
