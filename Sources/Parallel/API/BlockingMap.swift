import Foundation

/// Maps over items on threads of their own, `workers` at a time, keeping the order: for work
/// that waits (on a server) rather than computes, which `concurrentPerform` would run only as
/// many at once as there are cores.
public enum BlockingMap {
  public static func map<T, R>(_ items: [T], workers: Int, _ transform: (T) -> R) -> [R] {
    guard items.count > 1, workers > 1 else { return items.map(transform) }
    return withoutActuallyEscaping(transform) { transform in
      let state = State(items: items, transform: transform)
      let group = DispatchGroup()
      for _ in 0..<min(workers, items.count) {
        group.enter()
        Thread {
          defer { group.leave() }
          while let index = state.claim() { state.set(index, state.transform(state.items[index])) }
        }.start()
      }
      group.wait()
      return state.results.map { $0! }
    }
  }

  /// The next index and the results, under a lock; each index is claimed and written once.
  private final class State<T, R>: @unchecked Sendable {
    let items: [T]
    let transform: (T) -> R
    private let lock = NSLock()
    private var next = 0
    private(set) var results: [R?]

    init(items: [T], transform: @escaping (T) -> R) {
      self.items = items
      self.transform = transform
      results = Array(repeating: nil, count: items.count)
    }

    func claim() -> Int? {
      lock.withLock {
        guard next < items.count else { return nil }
        defer { next += 1 }
        return next
      }
    }

    func set(_ index: Int, _ result: R) { lock.withLock { results[index] = result } }
  }
}
