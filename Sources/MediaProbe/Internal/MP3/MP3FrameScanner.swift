/// Finds and walks MPEG audio frames through a window over the file: counting the frames of an
/// hour-long file costs one `pread` per 256 KB and no copy per frame.
struct MP3FrameScanner<Source: ByteSource> {
  let source: Source
  /// Where the audio ends: the first trailing tag, or the end of the file.
  let end: Int64
  private var window: [UInt8] = []
  private var windowStart: Int64 = 0

  static var walkChunk: Int { 256 * 1024 }
  static var syncChunk: Int { 4 * 1024 }
  /// Valid headers in a row, each where the previous frame ends, that make a sync believable:
  /// 0xFF 0xFB turns up by chance in audio data and cover art, three chained headers hardly ever do.
  static var confirmations: Int { 3 }

  init(source: Source, end: Int64) {
    self.source = source
    self.end = end
  }

  /// The frame header at `offset`, reading `chunk` bytes from there when the window doesn't hold it.
  mutating func header(at offset: Int64, chunk: Int) throws(ProbeFailure) -> MPEGFrameHeader? {
    guard try load(offset, chunk: chunk) else { return nil }
    return MPEGFrameHeader(window, at: Int(offset - windowStart))
  }

  /// Up to `count` bytes at `offset`, within the audio.
  mutating func bytes(at offset: Int64, count: Int) throws(ProbeFailure) -> [UInt8] {
    let count = Int(max(0, min(Int64(count), end - offset)))
    let local = offset - windowStart
    if local >= 0, local + Int64(count) <= Int64(window.count) {
      return Array(window[Int(local)..<Int(local) + count])
    }
    return try source.read(at: offset, count: count)
  }

  /// The first frame at or after `start`, and before `limit`, that begins a run of valid frames.
  /// - Parameters:
  ///   - key: the stream's `streamKey`, or nil to accept any stream.
  ///   - limit: the offset where the search gives up.
  ///   - trustingStart: a frame right at `start` (just after the tags) whose frame runs past the end
  ///     is taken as a cut-short file rather than chance.
  mutating func sync(from start: Int64, key: UInt32?, before limit: Int64 = .max, trustingStart: Bool = false)
    throws(ProbeFailure) -> Int64?
  {
    var position = max(0, start)
    var chunk = Self.syncChunk
    while position < min(limit, end) {
      guard try load(position, chunk: chunk) else { return nil }
      guard let index = nextCandidate(from: Int(position - windowStart)) else {
        position = windowStart + Int64(window.count) - 3
        chunk = min(chunk * 4, Self.walkChunk)
        continue
      }
      let candidate = windowStart + Int64(index)
      guard candidate < limit else { return nil }
      if let header = MPEGFrameHeader(window, at: index), key == nil || header.streamKey == key,
        try confirms(candidate, header, cutAllowed: trustingStart && candidate == start)
      {
        return candidate
      }
      position = candidate + 1
    }
    return nil
  }

  /// Counts the frames from `start` (a confirmed frame) to the end of the audio, resyncing over
  /// unknown bytes. Stops early, saying so, at `maximumFrames` or the read limit.
  mutating func walk(from start: Int64, key: UInt32, maximumFrames: Int) throws(ProbeFailure) -> MP3FrameCount {
    var count = MP3FrameCount()
    var position = start
    do throws(ProbeFailure) {
      while position < end {
        if let header = try header(at: position, chunk: Self.walkChunk), header.streamKey == key {
          let next = position + Int64(header.frameLength)
          if next > end {
            count.cutFrame = .init(offset: position, needed: header.frameLength, present: end - position)
            break
          }
          count.add(header)
          position = next
          if count.frames >= maximumFrames {
            count.stoppedAt = (position, "counted \(maximumFrames) frames, the item limit")
            break
          }
          continue
        }
        if count.joinedAt == nil, try startsTag(at: position) { count.joinedAt = position }
        guard let resume = try sync(from: position + 1, key: key) else {
          count.trailingGap = .init(offset: position, length: end - position)
          if let other = try sync(from: position, key: nil), let header = try header(at: other, chunk: Self.syncChunk) {
            count.otherStream = (other, header)
          }
          break
        }
        count.addGap(at: position, length: resume - position)
        position = resume
      }
    } catch {
      guard case .limit(let reason) = error else { throw error }
      // Past the last frame, running out while looking for another stream changes nothing.
      if count.trailingGap == nil { count.stoppedAt = (position, reason) }
    }
    count.end = position
    return count
  }

  /// Whether the frame at `offset` is followed by more valid frames of the same stream, each where
  /// the one before it ends; or by the clean end of the audio after two; or, with `cutAllowed`, by
  /// the end of the audio anywhere.
  private mutating func confirms(_ offset: Int64, _ first: MPEGFrameHeader, cutAllowed: Bool) throws(ProbeFailure)
    -> Bool
  {
    var headers = 1
    var position = offset + Int64(first.frameLength)
    while headers < Self.confirmations {
      // The audio ends after whole frames, or in the middle of one: near the end of random data
      // that happens by chance too often to take on less than two headers, or a trusted start.
      if position == end { return headers >= 2 || cutAllowed }
      guard position + 4 <= end else { return cutAllowed }
      guard let next = try header(at: position, chunk: Self.syncChunk), next.streamKey == first.streamKey
      else { return false }
      headers += 1
      position += Int64(next.frameLength)
    }
    return true
  }

  /// Whether an ID3v2 ("ID3") or ID3v1 ("TAG") tag starts at `offset`, where a frame was expected.
  private mutating func startsTag(at offset: Int64) throws(ProbeFailure) -> Bool {
    guard try load(offset, chunk: Self.walkChunk) else { return false }
    let index = Int(offset - windowStart)
    let magic = window[index..<index + 3]
    return magic.elementsEqual("ID3".utf8) || magic.elementsEqual("TAG".utf8)
  }

  /// Makes the four bytes at `offset` available in the window; false when they lie past the audio.
  private mutating func load(_ offset: Int64, chunk: Int) throws(ProbeFailure) -> Bool {
    guard offset >= 0, offset + 4 <= end else { return false }
    if offset < windowStart || offset + 4 > windowStart + Int64(window.count) {
      window = try source.read(at: offset, count: Int(min(Int64(chunk), end - offset)))
      windowStart = offset
    }
    return offset + 4 <= windowStart + Int64(window.count)
  }

  /// The index of the next byte pair from `index` that could start a frame (eleven set bits).
  private func nextCandidate(from index: Int) -> Int? {
    window.withUnsafeBufferPointer { buffer in
      var position = index
      while position + 4 <= buffer.count {
        if buffer[position] == 0xFF, buffer[position + 1] & 0xE0 == 0xE0 { return position }
        position += 1
      }
      return nil
    }
  }
}
