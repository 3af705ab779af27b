/// Serves a parser's many small header reads from a few larger `pread`s: one read at the start of
/// a file usually covers every header it has, so a probe costs one or two system calls. Also used by
/// the Ogg, FLAC and WAV parsers.
struct ReadAheadWindow<Source: ByteSource> {
  let source: Source
  /// How much to read when a request falls outside the window.
  let chunk: Int
  private var buffer: [UInt8] = []
  private var start: Int64 = 0

  init(_ source: Source, chunk: Int) {
    self.source = source
    self.chunk = chunk
  }

  var fileSize: Int64 { source.size }

  /// Up to `count` bytes at `offset`, fewer only where the file ends. The slice keeps the window's
  /// indices: use `startIndex`.
  ///
  /// - Parameter readAhead: how much to read if the window misses, instead of `chunk`; smaller for
  ///   a lone header far into the file.
  mutating func bytes(at offset: Int64, count: Int, readAhead: Int? = nil) throws(ProbeFailure) -> ArraySlice<UInt8> {
    guard offset >= 0, count >= 0 else { throw .outOfBounds(offset: offset) }
    let wanted = Int(max(0, min(Int64(count), fileSize - offset)))
    if offset >= start, offset + Int64(wanted) <= start + Int64(buffer.count) {
      let lower = Int(offset - start)
      return buffer[lower..<lower + wanted]
    }
    buffer = try source.read(at: offset, count: max(count, readAhead ?? chunk))
    start = offset
    return buffer[0..<min(wanted, buffer.count)]
  }

  /// Exactly `count` bytes at `offset` as a reader whose offsets are file offsets.
  ///
  /// - Throws: `outOfBounds` at the end of the file when it ends first.
  mutating func reader(at offset: Int64, count: Int, readAhead: Int? = nil) throws(ProbeFailure) -> ByteReader {
    let slice = try bytes(at: offset, count: count, readAhead: readAhead)
    guard slice.count == count else { throw .outOfBounds(offset: offset + Int64(slice.count)) }
    return ByteReader(Array(slice), base: offset)
  }
}
