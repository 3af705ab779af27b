import Foundation
import Publisher

/// One line about the URLs `validate --remote` checked: how many, and how fast servers answer.
enum RemoteSummary {
  static func text(_ checks: [BuildReport.RemoteCheck]) -> String {
    let timed = checks.compactMap { check in check.timeToFirstByte.map { (check.url, $0) } }.sorted { $0.1 < $1.1 }
    let cached = checks.count - timed.count
    var line = "Checked \(checks.count) URL\(checks.count == 1 ? "" : "s")"
    if cached > 0 { line += " (\(cached) from the cache)" }
    if let slowest = timed.last {
      let median = timed[timed.count / 2].1
      line += String(format: "; first byte after %.0f ms (median), slowest %.0f ms: ", median * 1000, slowest.1 * 1000)
        + slowest.0
    }
    return line + "."
  }
}
