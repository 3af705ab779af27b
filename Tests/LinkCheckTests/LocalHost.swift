import Diagnostics
import Foundation
import LinkCheck
import PodiumTestSupport

/// A test server plus a checker. Timeouts are generous unless a test is about them, so a busy
/// CI machine cannot turn a slow loopback answer into a failure.
final class LocalHost: Sendable {
  let server: TestHTTPServer
  let checker: LinkChecker

  init(totalTimeout: Double = 10, maximumConcurrent: Int = 16) throws {
    server = try TestHTTPServer()
    checker = LinkChecker(
      configuration: LinkCheckConfiguration(
        maximumConcurrent: maximumConcurrent, connectTimeout: min(2, totalTimeout), totalTimeout: totalTimeout))
  }

  deinit { server.stop() }

  func check(_ url: String, kind: LinkRequest.Kind = .enclosure, length: Int64? = nil, type: String? = nil)
    -> LinkResult
  {
    let request = LinkRequest(url: url, kind: kind, expectedLength: length, expectedType: type)
    return checker.check([request])[0]
  }
}

/// Seconds taken by `body`, for hang guards (never for timing assertions).
func secondsTaken<T>(_ body: () throws -> T) rethrows -> (T, Double) {
  let start = Date()
  let value = try body()
  return (value, Date().timeIntervalSince(start))
}

/// Collects values from a `@Sendable` callback.
final class Recorder<Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: [Value] = []
  func append(_ value: Value) { lock.withLock { stored.append(value) } }
  var values: [Value] { lock.withLock { stored } }
}
