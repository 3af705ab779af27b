import Dispatch

/// Maps over items on every core, keeping the order. Episode files are independent, so reading
/// and rendering them in parallel is the cheapest way to keep a 10,000-episode build fast.
public enum ParallelMap {
  public static func map<T, R>(_ items: [T], _ transform: (T) -> R) -> [R] {
    guard items.count > 1 else { return items.map(transform) }
    let buffer = UnsafeMutableBufferPointer<R?>.allocate(capacity: items.count)
    buffer.initialize(repeating: nil)
    defer {
      // The results are moved out below; anything left (none) is released before freeing.
      buffer.deinitialize()
      buffer.deallocate()
    }
    let slots = Slots(buffer: buffer)
    let count = items.count
    let chunk = max(1, count / 64)
    let chunks = (count + chunk - 1) / chunk
    withoutActuallyEscaping(transform) { transform in
      let work = Work(items: items, transform: transform)
      DispatchQueue.concurrentPerform(iterations: chunks) { index in
        for item in index * chunk..<min(count, (index + 1) * chunk) {
          slots.buffer[item] = work.transform(work.items[item])
        }
      }
    }
    // Moved, not copied: copying left every result with an extra reference when the buffer
    // was freed, so nothing a map returned (episodes, rendered notes) was ever released.
    var results: [R] = []
    results.reserveCapacity(count)
    for index in buffer.indices {
      if let result = buffer[index].take() { results.append(result) }
    }
    return results
  }

  /// Each index is written by exactly one iteration, so the shared buffer has no races.
  private struct Slots<R>: @unchecked Sendable { let buffer: UnsafeMutableBufferPointer<R?> }
  private struct Work<T, R>: @unchecked Sendable {
    let items: [T]
    let transform: (T) -> R
  }
}
