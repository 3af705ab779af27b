import FeedWriter
import Foundation
import Identifiers
import Publisher
import VideoSite

/// Runs the preview's builds, one at a time, each into a new folder inside the private
/// temporary folder: a preview build never reads an earlier one's publication record, so
/// removing an episode previews as it would publish instead of tripping the record's guards.
/// A good build replaces the served one (whose folder is then removed); a failed one leaves it.
final class Builder: @unchecked Sendable {
  let catalogue: URL
  let folder: URL
  let options: @Sendable () -> BuildOptions
  let state: ServedState
  let addresses: PreviewAddresses
  private let lock = NSLock()
  private var count = 0
  private var last: PreviewBuild?
  /// The integrity hashes of the catalogue's media, kept from one build to the next: a rebuild
  /// reads only the files that changed. Never stored: `serve` writes nothing beside the catalogue.
  private var digests = DigestCache()

  /// The build that finished last.
  var latest: PreviewBuild? { lock.withLock { last } }

  init(
    catalogue: URL, folder: URL, options: @escaping @Sendable () -> BuildOptions, state: ServedState,
    addresses: PreviewAddresses
  ) {
    self.catalogue = catalogue
    self.folder = folder
    self.options = options
    self.state = state
    self.addresses = addresses
  }

  func build() async -> PreviewBuild {
    let number = lock.withLock {
      count += 1
      return count
    }
    let output = folder.appendingPathComponent("build-\(number)")
    var options = options()
    options.preview = addresses
    var building = Publisher(catalogueURL: catalogue, outputURL: output, options: options)
    building.digests = lock.withLock {
      digests = DigestCache(after: digests)
      return digests
    }
    let publisher = building
    // The build blocks (and uses both cores itself): a thread of its own keeps the server answering.
    let (report, media, error) = await withCheckedContinuation { continuation in
      let thread = Thread {
        do {
          let (report, media) = try publisher.buildListingMedia()
          continuation.resume(returning: (report, media, nil as String?))
        } catch {
          continuation.resume(returning: (BuildReport(findings: []), [], "\(error)"))
        }
      }
      thread.stackSize = 8 << 20
      thread.start()
    }
    var build = PreviewBuild(number: number, report: report, error: error, shows: [])
    if build.succeeded {
      build.shows = shows(report, in: output)
      if let old = state.serve(output, shows: build.shows, media: media, generation: number) { try? FileManager.default.removeItem(at: old) }
    } else {
      try? FileManager.default.removeItem(at: output)
      state.fail(ServedState.Failure(findings: report.findings, error: error), generation: number)
      build.shows = state.snapshot.shows
    }
    lock.withLock { last = build }
    return build
  }

  private func shows(_ report: BuildReport, in output: URL) -> [PreviewShow] {
    report.shows.map { show in
      let base = addresses.baseURL + show.slug + "/"
      func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: output.appendingPathComponent(show.slug).appendingPathComponent(path).path)
      }
      return PreviewShow(
        slug: show.slug, title: show.title, feedURL: show.feedURL,
        mediaRSSURL: exists(VideoPaths.mediaRSS) ? base + VideoPaths.mediaRSS : nil,
        videoIndexURL: exists(VideoPaths.index) ? base + VideoPaths.folder + "/" : nil)
    }
  }
}
