import Foundation

/// The requests an `S3Client` sent, counted from every thread that sends them.
final class RequestTally: @unchecked Sendable {
  private let lock = NSLock()
  private var requests = S3Store.Requests()

  var value: S3Store.Requests { lock.withLock { requests } }

  func count(_ action: S3Action) { lock.withLock { requests.count(action) } }
}
