import AtomicOutput
import Foundation
import Parallel

/// A staging folder that several shows, rendered at once, write into. ``Staging`` keeps the
/// paths reserved so far, to refuse a path written twice, so every change to it is made under
/// one lock; a feed is written into its reserved file outside the lock.
final class SharedStaging: @unchecked Sendable {
  private var staging: Staging
  private let lock = NSLock()
  /// Whether the files handed to ``write(_:)`` are written: not into `validate`'s scratch
  /// folder (``ValidationScratch``), from which only the feeds are read back to be checked; they
  /// are then reserved, so a path written twice is refused as a build refuses it.
  private let writesFiles: Bool

  /// Where the files are staged.
  let folder: URL

  init(_ staging: Staging, writesFiles: Bool) {
    self.staging = staging
    self.writesFiles = writesFiles
    folder = staging.folder
  }

  /// The staging folder with every path reserved through this one, for the rest of the build.
  var taken: Staging { lock.withLock { staging } }

  func reserve(_ path: String) throws -> String {
    try lock.withLock { try staging.reserve(path) }
  }

  /// Reserves the files' paths under the lock, and writes them outside it, on every core, a
  /// run of files each: a batch of a large show's chapters is thousands of files, each an
  /// `open`, a `write` and a `close`.
  func write(_ files: [(path: String, contents: Data)]) throws {
    let links = try lock.withLock {
      for file in files { _ = try staging.reserve(file.path) }
      return staging.links
    }
    guard writesFiles else { return }
    let runs = stride(from: 0, to: files.count, by: Self.filesPerRun).map {
      files[$0..<min($0 + Self.filesPerRun, files.count)]
    }
    for written in ParallelMap.map(runs, { run in Result { try links.write(run) } }) { try written.get() }
  }

  /// Files written one after another on one thread, between handing out runs.
  private static let filesPerRun = 128

  /// Links a show's files from the output folder, all or none: the paths are reserved under the
  /// lock, the files linked outside it, on every core.
  func link(_ files: [(path: String, stamp: OutputFileStamp)]) throws -> Bool {
    try claim(files.map(\.path), reserve: { try $0.reserve($1) }) { $0.link(files) }
  }

  /// Keeps a show's folder where it is in the output folder, when each of its files (all in
  /// `folder`) still has its stamp: the folder is reserved under the lock (nothing is made in the
  /// staging folder), the files looked at outside it. On `false` the folder is free again, for
  /// the show to be rendered.
  func keepInPlace(folder: String, _ files: [(path: String, stamp: OutputFileStamp)]) throws -> Bool {
    let links = try lock.withLock {
      try staging.reserveInPlace(folder: folder)
      return staging.links
    }
    if links.areInPlace(files) { return true }
    lock.withLock { staging.releaseInPlace(folder: folder) }
    return false
  }

  /// Reserves `paths` under the lock and runs `body` outside it; when it fails, frees them again.
  private func claim(
    _ paths: [String], reserve: (inout Staging, [String]) throws -> Void, _ body: (Staging.Links) -> Bool
  ) throws -> Bool {
    let links = try lock.withLock {
      try reserve(&staging, paths)
      return staging.links
    }
    if body(links) { return true }
    lock.withLock { staging.release(paths) }
    return false
  }

  /// Compares the file with the output folder's outside the lock. (Not on a copy of the staging:
  /// the next path reserved would then copy its set of paths, once per show.)
  /// Whether the old output's file had the same bytes (and is now linked in its place).
  @discardableResult func reuseIfUnchanged(_ path: String) -> Bool {
    let links = lock.withLock { staging.isReserved(path) ? staging.links : nil }
    return links?.reuseIfUnchanged(path) ?? false
  }
}
