import Foundation
import Publisher

/// One line about the URLs `validate --remote` checked: how many, how many came from the cache or
/// got no answer, and how fast servers answer.
enum RemoteSummary {
  static func text(_ checks: [BuildReport.RemoteCheck]) -> String {
    let timed = checks.compactMap { check in check.timeToFirstByte.map { (check.url, $0) } }.sorted { $0.1 < $1.1 }
    // A check that failed has no timing either; only those that came from the cache are cached.
    let cached = checks.count(where: \.fromCache)
    let unanswered = checks.count(where: \.unanswered)
    var line = "Checked \(checks.count) URL\(checks.count == 1 ? "" : "s")"
    let notes = [cached > 0 ? "\(cached) from the cache" : nil, unanswered > 0 ? "\(unanswered) unanswered" : nil]
      .compactMap { $0 }
    if !notes.isEmpty { line += " (\(notes.joined(separator: ", ")))" }
    if let slowest = timed.last {
      let median = timed[timed.count / 2].1
      line += String(format: "; first byte after %.0f ms (median), slowest %.0f ms: ", median * 1000, slowest.1 * 1000)
        + slowest.0
    }
    return line + "."
  }
}
