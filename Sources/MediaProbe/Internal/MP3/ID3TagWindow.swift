/// The bytes of one tag, read through a small window: frames are fetched as they are visited and
/// a picture's data is skipped, so a tag holding a 5 MB cover costs a few KB of reads. A tag
/// that had to be decoded first (unsynchronisation) lives in memory instead.
struct ID3TagWindow<Source: ByteSource> {
  /// Where the tag's bytes start and end: file offsets, or indexes into the decoded bytes.
  let start: Int64
  let end: Int64
  private let source: Source?
  private var window: [UInt8]
  private var windowStart: Int64

  static var windowSize: Int { 8 * 1024 }

  /// A tag read from the file, from `start` up to `end`.
  init(source: Source, start: Int64, end: Int64) {
    self.source = source
    self.start = start
    self.end = max(start, end)
    self.window = []
    self.windowStart = start
  }

  /// A tag already in memory.
  init(memory: [UInt8]) {
    self.source = nil
    self.start = 0
    self.end = Int64(memory.count)
    self.window = memory
    self.windowStart = 0
  }

  /// Exactly `count` bytes at `offset`; throws when they are not all inside the tag.
  mutating func bytes(at offset: Int64, count: Int) throws(ProbeFailure) -> ArraySlice<UInt8> {
    guard count >= 0, offset >= start, offset + Int64(count) <= end else { throw .outOfBounds(offset: offset) }
    if offset < windowStart || offset + Int64(count) > windowStart + Int64(window.count) {
      guard let source else { throw .outOfBounds(offset: offset) }
      window = try source.read(at: offset, count: Int(min(Int64(max(count, Self.windowSize)), end - offset)))
      windowStart = offset
      guard window.count >= count else { throw .outOfBounds(offset: offset + Int64(window.count)) }
    }
    let local = Int(offset - windowStart)
    return window[local..<local + count]
  }

  /// Up to `count` bytes at `offset`, fewer at the end of the tag.
  mutating func prefix(at offset: Int64, count: Int) throws(ProbeFailure) -> ArraySlice<UInt8> {
    try bytes(at: offset, count: Int(max(0, min(Int64(count), end - offset))))
  }

  /// Exactly `count` bytes at `offset`, read without moving the window: a look ahead past a large
  /// frame shouldn't make the reader fetch that frame's start again.
  func peek(at offset: Int64, count: Int) throws(ProbeFailure) -> [UInt8] {
    guard count >= 0, offset >= start, offset + Int64(count) <= end else { throw .outOfBounds(offset: offset) }
    let local = offset - windowStart
    if local >= 0, local + Int64(count) <= Int64(window.count) { return Array(window[Int(local)..<Int(local) + count]) }
    guard let source else { throw .outOfBounds(offset: offset) }
    let bytes = try source.read(at: offset, count: count)
    guard bytes.count == count else { throw .outOfBounds(offset: offset + Int64(bytes.count)) }
    return bytes
  }
}
