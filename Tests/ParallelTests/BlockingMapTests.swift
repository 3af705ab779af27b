import Foundation
import Parallel
import Synchronization
import Testing

@Suite struct BlockingMapTests {
  @Test(arguments: [0, 1, 2, 17, 200])
  func keepsTheOrder(count: Int) {
    #expect(BlockingMap.map(Array(0..<count), workers: 8) { $0 * 2 } == (0..<count).map { $0 * 2 })
  }

  /// Items that wait run `workers` at once, more than this machine has cores: the first eight
  /// each wait until all eight are inside, which they never would if fewer ran at once (a wait
  /// that gives up after a minute is the failure). None runs beside more than eight.
  @Test func runsAsManyAtOnceAsItIsGiven() {
    final class Gate: @unchecked Sendable {
      let condition = NSCondition()
      var inside = 0, arrived = 0, peak = 0
    }
    let gate = Gate()
    let results = BlockingMap.map(Array(0..<24), workers: 8) { item -> Bool in
      gate.condition.lock()
      defer { gate.condition.unlock() }
      gate.inside += 1
      gate.arrived += 1
      gate.peak = max(gate.peak, gate.inside)
      gate.condition.broadcast()
      var met = true
      while gate.arrived < 8, met { met = gate.condition.wait(until: Date().addingTimeInterval(60)) }
      gate.inside -= 1
      return met
    }
    #expect(results.allSatisfy { $0 })
    #expect(gate.peak == 8)
  }

  /// After a result that stops the map, no item starts: with one worker, exactly those up to it
  /// ran; with several, at most one more per other worker: those already claimed when the stop
  /// was recorded (under the lock claims take). Counted from the moment the stop was seen, not from the
  /// item's place: on a busy machine the other workers may run far ahead of item 10 before its
  /// result comes (a CI run saw 61 items run).
  @Test(arguments: [1, 4])
  func startsNothingAfterAStop(workers: Int) {
    let log = Mutex<(started: Int, atStop: Int?)>((0, nil))
    let results = BlockingMap.map(
      Array(0..<100), workers: workers,
      stoppingAfter: { result in
        guard result == 10 else { return false }
        log.withLock { $0.atStop = $0.started }
        return true
      }
    ) { item in
      log.withLock { $0.started += 1 }
      return item
    }
    let ran = results.compactMap { $0 }
    #expect(ran.contains(10))
    let (started, atStop) = log.withLock { $0 }
    #expect(started == ran.count)
    #expect(started - (atStop ?? 0) <= workers - 1, "\(ran)")
    if workers == 1 { #expect(results.map { $0 != nil } == (0..<100).map { $0 <= 10 }) }
    for (index, result) in results.enumerated() { #expect(result == nil || result == index) }
  }

  /// A worker's thread outlives the map by a moment: it must not hold the caller's closure then,
  /// which `withoutActuallyEscaping` checks (and stops the program). Many short maps give the
  /// moment many chances to come.
  @Test func theClosureDoesNotOutliveTheMap() {
    var total = 0
    for round in 0..<3000 { total += BlockingMap.map(Array(0..<4), workers: 4) { $0 + round }.reduce(0, +) }
    #expect(total == (0..<3000).reduce(0) { $0 + 6 + 4 * $1 })
  }
}
