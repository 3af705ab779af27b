/// ``MediaRanges`` as a ``ByteSource``: reads whole aligned blocks, neighbours missing together
/// in one call, and keeps the last few, so the parsers' small reads near each other (box headers,
/// frame headers, a tag's frames) cost one call, and a read of the tail costs one more.
/// `bytesRead` counts what was asked of the caller; the read budget and the number of calls are
/// ``ProbeLimits``'s.
final class RangeByteSource: ByteSource {
  let size: Int64
  private(set) var bytesRead: Int64 = 0
  private(set) var reads = 0
  private let ranges: any MediaRanges
  private let limits: ProbeLimits
  private let blockSize: Int64
  private var cache: [Int64: [UInt8]] = [:]
  /// Block numbers, least recently used first.
  private var order: [Int64] = []

  /// Blocks kept: enough for the head, the tail and a box or tag between.
  static let cachedBlocks = 16

  init(_ ranges: any MediaRanges, limits: ProbeLimits) {
    self.ranges = ranges
    self.limits = limits
    self.size = max(0, ranges.size)
    self.blockSize = Int64(max(4096, limits.rangeBlockSize))
  }

  func read(at offset: Int64, count: Int) throws(ProbeFailure) -> [UInt8] {
    guard offset >= 0, count >= 0 else { throw .outOfBounds(offset: offset) }
    // In this order, so that a size near Int64.max (a server's word) can't overflow.
    let end = offset >= size ? offset : offset + min(Int64(min(count, limits.maximumChunk)), size - offset)
    guard end > offset else { return [] }
    let first = offset / blockSize, last = (end - 1) / blockSize
    var fetched: [Int64: [UInt8]] = [:]
    var block = first
    while block <= last {
      guard cache[block] == nil else {
        block += 1
        continue
      }
      var runEnd = block
      while runEnd < last, cache[runEnd + 1] == nil { runEnd += 1 }
      for (number, bytes) in try fetch(block...runEnd) { fetched[number] = bytes }
      block = runEnd + 1
    }
    var result: [UInt8] = []
    result.reserveCapacity(Int(end - offset))
    // Taken from the cache before any is evicted by keeping the new ones.
    let blocks = (first...last).map { fetched[$0] ?? cache[$0] ?? [] }
    for (number, bytes) in zip(first...last, blocks) {
      let start = number * blockSize
      let low = Int(max(offset, start) - start), high = Int(min(end, start + Int64(bytes.count)) - start)
      guard low < high else { throw .io("block \(number) of the media came back short") }
      result += bytes[low..<high]
      keep(number, bytes)
    }
    return result
  }

  /// One call for the blocks `numbers`, within the budget; split into blocks.
  private func fetch(_ numbers: ClosedRange<Int64>) throws(ProbeFailure) -> [(Int64, [UInt8])] {
    let start = numbers.lowerBound * blockSize
    let count = min(size - start, Int64(numbers.count) * blockSize)
    guard bytesRead + count <= limits.maximumBytesRead else {
      throw .limit("the probe would read more than \(limits.maximumBytesRead) bytes of the media")
    }
    guard reads < limits.maximumRangeReads else {
      throw .limit("the probe would ask for the media's bytes more than \(limits.maximumRangeReads) times")
    }
    reads += 1
    bytesRead += count
    let bytes: [UInt8]
    do {
      bytes = try ranges.read(at: start, count: Int(count))
    } catch {
      throw .io("\(error)")
    }
    guard Int64(bytes.count) == count else {
      throw .io("asked for \(count) bytes at byte \(start), got \(bytes.count)")
    }
    return numbers.map { number in
      let low = Int((number - numbers.lowerBound) * blockSize)
      return (number, Array(bytes[low..<min(bytes.count, low + Int(blockSize))]))
    }
  }

  private func keep(_ number: Int64, _ bytes: [UInt8]) {
    if cache[number] != nil {
      order.removeAll { $0 == number }
    } else {
      cache[number] = bytes
    }
    order.append(number)
    while order.count > Self.cachedBlocks { cache[order.removeFirst()] = nil }
  }
}
