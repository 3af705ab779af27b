import AtomicOutput
import Foundation

/// A staging folder that several shows, rendered at once, write into. ``Staging`` keeps the
/// paths reserved so far, to refuse a path written twice, so every change to it is made under
/// one lock; a feed is written into its reserved file outside the lock.
final class SharedStaging: @unchecked Sendable {
  private var staging: Staging
  private let lock = NSLock()

  init(_ staging: Staging) { self.staging = staging }

  /// The staging folder with every path reserved through this one, for the rest of the build.
  var taken: Staging { lock.withLock { staging } }

  func reserve(_ path: String) throws -> String {
    try lock.withLock { try staging.reserve(path) }
  }

  func write(_ files: [(path: String, contents: Data)]) throws {
    try lock.withLock { try staging.write(files) }
  }

  func link(_ files: [(path: String, stamp: OutputFileStamp)]) throws -> Bool {
    try lock.withLock { try staging.link(files) }
  }

  /// Compares the file with the output folder's outside the lock, on a copy that holds its path.
  func reuseIfUnchanged(_ path: String) {
    let copy = lock.withLock { staging }
    copy.reuseIfUnchanged(path)
  }
}
