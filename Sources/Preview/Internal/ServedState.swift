import Diagnostics
import Foundation

/// What the server answers from, swapped whole after each build: the folder of the last good
/// build, the catalogue files it names under `/media/`, and, while the latest build failed, its
/// findings.
final class ServedState: @unchecked Sendable {
  struct Snapshot {
    var folder: URL?
    var shows: [PreviewShow] = []
    /// Paths below `/media/` (`show/media/a.mp3`) that the build's feeds and pages name: only
    /// these are served, so a draft's media stays off the network (``Publisher/buildListingMedia()``).
    var media: Set<String> = []
    var failure: Failure?
    /// The number of the latest build, good or failed: a page served from an older one reloads.
    var generation = 0
  }

  struct Failure {
    var findings: [Finding]
    var error: String?
  }

  private let lock = NSLock()
  private var current = Snapshot()

  var snapshot: Snapshot { lock.withLock { current } }

  /// Serves a new good build; returns the folder it replaces.
  func serve(_ folder: URL, shows: [PreviewShow], media: Set<String>, generation: Int) -> URL? {
    lock.withLock {
      defer { current = Snapshot(folder: folder, shows: shows, media: media, generation: generation) }
      return current.folder
    }
  }

  func fail(_ failure: Failure, generation: Int) {
    lock.withLock {
      current.failure = failure
      current.generation = generation
    }
  }
}
