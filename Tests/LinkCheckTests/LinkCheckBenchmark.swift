import Foundation
import LinkCheck
import PodiumTestSupport
import Testing

/// 1,000 URLs against the local server: prints URLs per second. Run by `Benchmarks/links.sh`;
/// skipped unless PODIUM_BENCH=1, and it asserts correctness only, never timings.
@Suite("LinkCheckBenchmark", .enabled(if: ProcessInfo.processInfo.environment["PODIUM_BENCH"] == "1"))
struct LinkCheckBenchmark {
  @Test func thousandURLs() throws {
    let count = Int(ProcessInfo.processInfo.environment["PODIUM_BENCH_URLS"] ?? "") ?? 1000
    let concurrency = Int(ProcessInfo.processInfo.environment["PODIUM_BENCH_CONCURRENCY"] ?? "") ?? 16
    let server = try TestHTTPServer()
    defer { server.stop() }
    let requests = (0..<count).map { index in
      server.route("/show/\(index).mp3", .file(bytes: 10_000 + index, type: "audio/mpeg"))
      return LinkRequest(
        url: server.url("/show/\(index).mp3"), kind: .enclosure, expectedLength: Int64(10_000 + index),
        expectedType: "audio/mpeg")
    }
    let checker = LinkChecker(configuration: LinkCheckConfiguration(maximumConcurrent: concurrency))

    let (results, seconds) = secondsTaken { checker.check(requests) }

    let failed = results.filter { !$0.findings.isEmpty }.count
    let perSecond = Double(count) / seconds
    print(
      "links benchmark: \(count) URLs (HEAD + ranged GET each), concurrency \(concurrency): "
        + "\(String(format: "%.2f", seconds)) s, \(String(format: "%.0f", perSecond)) URLs/s, \(failed) with findings")
    #expect(failed == 0)
  }
}
