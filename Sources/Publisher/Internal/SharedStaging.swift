import AtomicOutput
import Foundation

/// A staging folder that several shows, rendered at once, write into. ``Staging`` keeps the
/// paths reserved so far, to refuse a path written twice, so every change to it is made under
/// one lock; a feed is written into its reserved file outside the lock.
final class SharedStaging: @unchecked Sendable {
  private var staging: Staging
  private let lock = NSLock()
  /// Whether the files handed to ``write(_:)`` are written: not into a staging folder of
  /// `validate`'s (``ValidationScratch``), from which only the feeds are read back to be checked.
  private let writesFiles: Bool

  /// Where the files are staged.
  let folder: URL

  init(_ staging: Staging) {
    self.staging = staging
    folder = staging.folder
    writesFiles = !Self.unread.contains(staging.folder.path)
  }

  /// The staging folders whose other files than the feeds no one reads (``unread(_:)``).
  private static let unread = FolderSet()

  /// Says that of a staging folder only the feeds will be read (`validate`'s): chapters and
  /// transcripts handed to ``write(_:)`` are then checked for their paths, as a build's are, but
  /// not written (10,000 episodes: 20,000 files made and removed again for nothing).
  static func unread(_ folder: URL, _ isUnread: Bool) {
    if isUnread { unread.insert(folder.path) } else { unread.remove(folder.path) }
  }

  private final class FolderSet: @unchecked Sendable {
    private var paths: Set<String> = []
    private let lock = NSLock()
    func insert(_ path: String) { lock.withLock { _ = paths.insert(path) } }
    func remove(_ path: String) { lock.withLock { _ = paths.remove(path) } }
    func contains(_ path: String) -> Bool { lock.withLock { paths.contains(path) } }
  }

  /// The staging folder with every path reserved through this one, for the rest of the build.
  var taken: Staging { lock.withLock { staging } }

  func reserve(_ path: String) throws -> String {
    try lock.withLock { try staging.reserve(path) }
  }

  func write(_ files: [(path: String, contents: Data)]) throws {
    guard writesFiles else {
      try lock.withLock { for file in files { _ = try staging.reserve(file.path) } }
      return
    }
    try lock.withLock { try staging.write(files) }
  }

  /// Links a show's files from the output folder, all or none: the paths are reserved under the
  /// lock, the files linked outside it, on every core.
  func link(_ files: [(path: String, stamp: OutputFileStamp)]) throws -> Bool {
    let links = try lock.withLock {
      try staging.reserve(files.map(\.path))
      return staging.links
    }
    if links.link(files) { return true }
    lock.withLock { staging.release(files.map(\.path)) }
    return false
  }

  /// Compares the file with the output folder's outside the lock. (Not on a copy of the staging:
  /// the next path reserved would then copy its set of paths, once per show.)
  func reuseIfUnchanged(_ path: String) {
    let links = lock.withLock { staging.isReserved(path) ? staging.links : nil }
    links?.reuseIfUnchanged(path)
  }
}
