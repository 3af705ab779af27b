import Foundation

/// Maps over items on threads of their own, `workers` at a time, keeping the order: for work
/// that waits (on a server) rather than computes, which `concurrentPerform` would run only as
/// many at once as there are cores.
public enum BlockingMap {
  public static func map<T, R>(_ items: [T], workers: Int, _ transform: (T) -> R) -> [R] {
    guard items.count > 1, workers > 1 else { return items.map(transform) }
    return map(items, workers: workers, stoppingAfter: { _ in false }, transform).map { $0! }
  }

  /// The same, except that once a result meets `stop` no further item is started: those not
  /// started stay `nil` (a publish asks no more of a store that failed once). Only the items
  /// already running on other workers finish. `stop` runs under the map's lock: keep it short.
  public static func map<T, R>(
    _ items: [T], workers: Int, stoppingAfter stop: (R) -> Bool, _ transform: (T) -> R
  ) -> [R?] {
    withoutActuallyEscaping(transform) { transform in
      withoutActuallyEscaping(stop) { stop in
        let state = State(items: items, transform: transform, stop: stop)
        let group = DispatchGroup()
        for _ in 0..<min(max(1, workers), items.count) {
          group.enter()
          Thread {
            defer { group.leave() }
            state.work()
          }.start()
        }
        group.wait()
        // A finished thread may hold `state` a moment longer: it must not hold the closures,
        // which may not outlive this call.
        state.release()
        return state.results
      }
    }
  }

  /// The next index and the results, under a lock; each index is claimed and written once.
  private final class State<T, R>: @unchecked Sendable {
    private let items: [T]
    private var transform: ((T) -> R)?
    private var stop: ((R) -> Bool)?
    private let lock = NSLock()
    private var next = 0
    private var stopped = false
    private var stored: [R?]

    init(items: [T], transform: @escaping (T) -> R, stop: @escaping (R) -> Bool) {
      self.items = items
      self.transform = transform
      self.stop = stop
      stored = Array(repeating: nil, count: items.count)
    }

    var results: [R?] { lock.withLock { stored } }

    /// Runs items until none is left or one stopped the map.
    func work() {
      guard let transform, let stop else { return }
      while let index = claim() {
        let result = transform(items[index])
        // Judged under the lock that claims take: no item is claimed between the result
        // that stops the map and the stop being recorded.
        lock.withLock {
          stored[index] = result
          if stop(result) { stopped = true }
        }
      }
    }

    func release() {
      transform = nil
      stop = nil
    }

    private func claim() -> Int? {
      lock.withLock {
        guard !stopped, next < items.count else { return nil }
        defer { next += 1 }
        return next
      }
    }
  }
}
