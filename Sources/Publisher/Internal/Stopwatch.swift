import Foundation

/// Measures the steps of a build for `--timings`.
struct Stopwatch {
  private let clock = ContinuousClock()
  private var start: ContinuousClock.Instant

  init() { start = clock.now }

  /// The time since the last lap (or the start), named.
  mutating func lap(_ step: String) -> BuildReport.Timing {
    let now = clock.now
    let elapsed = now - start
    start = now
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return BuildReport.Timing(step: step, seconds: seconds, peakMemory: Int64(usage.ru_maxrss) * 1024)
  }
}
