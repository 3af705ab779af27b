import CurlTransfer
import Foundation

/// Easy handles kept between requests, so that connections to the endpoint are reused; each
/// thread takes one for a request and gives it back.
final class CurlHandlePool: @unchecked Sendable {
  private let lock = NSLock()
  private var spare: [CurlEasy] = []

  func take() -> CurlEasy? {
    lock.withLock { spare.popLast() } ?? CurlEasy()
  }

  func give(_ handle: CurlEasy) {
    lock.withLock { if spare.count < 16 { spare.append(handle) } }
  }
}
