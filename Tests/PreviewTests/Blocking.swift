import Foundation

/// Runs blocking work (a curl process, a WebDriver call) on a thread of its own: the server under
/// test runs in this process, on the cooperative threads a blocking wait would hold.
func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
  try await withCheckedThrowingContinuation { continuation in
    Thread { continuation.resume(with: Result { try work() }) }.start()
  }
}
