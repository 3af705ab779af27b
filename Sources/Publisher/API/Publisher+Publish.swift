import Catalogue
import FeedWriter
import Foundation
import LinkCheck
import ObjectStore

extension Publisher {
  /// Progress of the uploads, in bytes: done so far and the total to send.
  public typealias PublishProgress = @Sendable (_ sent: Int64, _ total: Int64) -> Void

  /// `podium publish` as a library call: builds as `build` does (into this publisher's output
  /// folder, with every check), and publishes nothing when the build does not pass. Then plans
  /// every file against one listing of the store, uploads what changed (media, artwork,
  /// transcripts, chapters and posters first, then feeds, sitemaps, the video index and the
  /// OPML), checks each upload as an app will see it, lets websites read the store from other
  /// origins, and tells the WebSub hub and Podping about the feeds that changed.
  ///
  /// A failed upload or check stops the publish before the feeds go up, so the feeds that were
  /// live stay live and never name a file that is not there. A failed notification is a warning.
  public func publish(
    to store: any ObjectStore, options publishOptions: PublishOptions = PublishOptions(),
    progress: PublishProgress? = nil
  ) throws -> PublishReport {
    try publish(options: publishOptions, progress: progress) { _ in store }
  }

  /// The same, with the store made from the catalogue's `publish:` settings once they are read.
  public func publish(
    options publishOptions: PublishOptions = PublishOptions(), progress: PublishProgress? = nil,
    store makeStore: (PublishSettings) throws(ObjectStoreError) -> any ObjectStore
  ) throws -> PublishReport {
    var facts: PublicationFacts?
    // One set of digests for the build's integrity hashes and the plan's SHA-256: a media file
    // is read once, or not at all when the cache knows it.
    var publisher = self
    let (digests, digestsNote) = self.digests.map { ($0, nil) } ?? loadDigests(replacedBy: "this publish")
    publisher.digests = digests
    var build = try publisher.build { facts = PublicationFacts($0, now: options.now) }
    if let digestsNote { build.findings.insert(digestsNote, at: 0) }
    var report = PublishReport(build: build, location: "")
    report.dryRun = publishOptions.dryRun
    guard let facts, !build.blocksPublishing(strict: options.strict), !build.written.isEmpty
    else {
      report.blockedByBuild = true
      return report
    }
    let store: any ObjectStore
    do throws(ObjectStoreError) {
      store = try makeStore(facts.site.publish)
    } catch {
      report.failure = PublishReport.Failure(key: error.key, message: error.message)
      return report
    }
    report.location = store.location
    if let directory = store as? DirectoryStore, let refusal = refuseOverlap(directory) {
      report.failure = refusal
      return report
    }
    let layout: PublishLayout
    switch PublishLayout.of(facts.site) {
    case .success(let found): layout = found
    case .failure(let failure):
      report.failure = failure
      return report
    }
    let planner = PublishPlanner(
      facts: facts, layout: layout, output: outputURL, written: build.written,
      feedCacheSeconds: publishOptions.feedCacheSeconds ?? facts.site.publish.feedCacheSeconds)
    let items: [PublishItem]
    let planned = planner.items(digests: digests)
    if self.digests == nil { saveDigests(digests) }
    switch planned {
    case .success(let planned): items = planned
    case .failure(let failure):
      report.failure = failure
      return report
    }
    let stored: [String: StoredObject]
    do throws(ObjectStoreError) {
      stored = try store.list()
    } catch {
      report.items = items
      report.failure = PublishReport.Failure(
        error, key: nil, doing: "listing \(store.location)", location: store.location)
      return report
    }
    switch PublishPlanner.compare(items, with: stored, location: store.location) {
    case .success(let compared): report.items = compared
    case .failure(let failure):
      report.items = items
      report.failure = failure
      return report
    }
    guard !publishOptions.dryRun else { return report }

    let uploads = UploadRun(store: store, options: publishOptions, progress: progress, total: report.bytesToUpload)
    // First everything the feeds point at, checked; then the feeds.
    for phase in [report.toUpload.filter { !$0.kind.isLast }, report.toUpload.filter(\.kind.isLast)] {
      let outcome = uploads.run(phase)
      report.uploaded += outcome.uploaded
      if let failure = outcome.failure {
        report.failure = failure
        return report
      }
      let check = UploadCheck(store: store, options: publishOptions).run(phase.filter { outcome.uploaded.contains($0.key) })
      report.warnings += check.warnings
      if let failure = check.failure {
        report.failure = failure
        return report
      }
    }
    // Also after a publish that uploaded nothing: what its listing had to look up one object at a
    // time (after an interrupted publish, say) is then recorded, and the next one needs no lookup.
    // A store whose record would not change writes nothing.
    do throws(ObjectStoreError) {
      try store.finish()
    } catch {
      // Everything is uploaded and checked; the next publish only costs more.
      report.warnings.append("\(store.location) could not record what it now holds: \(error.message)")
    }
    // A publish that changed nothing asks nothing more of the store: one listing, no upload.
    guard !report.uploaded.isEmpty else { return report }
    do throws(ObjectStoreError) {
      report.crossOrigin = try store.allowCrossOriginReads()
    } catch {
      report.crossOrigin = .notPossible(
        instructions: "\(store.location) refused to set its cross-origin rule (\(error.message)). Set it by hand: allow "
          + "GET and HEAD from any origin (AllowedOrigins *), so websites can embed the video index")
    }
    if case .notPossible(let instructions) = report.crossOrigin { report.warnings.append(instructions) }
    if publishOptions.notify {
      let changed = Set(report.uploaded)
      let feeds = facts.feeds.filter { changed.contains(layout.feedsKey($0.slug + "/" + OutputPaths.feed)) }
      report.notifications = Notifier(settings: facts.site.publish, options: publishOptions).notify(feeds)
      report.warnings += report.notifications.compactMap { note in
        note.problem.map { "\(note.service == .websub ? "WebSub hub" : "Podping") not told about \(note.feedURL): \($0)" }
      }
    }
    return report
  }

  /// A folder target and the build's output folder may not overlap: the build replaces its
  /// folder whole, and would refuse (or take away) files published into it.
  private func refuseOverlap(_ directory: DirectoryStore) -> PublishReport.Failure? {
    let output = outputURL.standardizedFileURL.resolvingSymlinksInPath().path
    let target = directory.folder.path
    let problem: String
    if target == output || target.hasPrefix(output + "/") {
      problem = "it is the build's output folder (or inside it), which each build replaces whole"
    } else if output.hasPrefix(target + "/") {
      problem = "it holds the build's output folder \(output), which each build replaces whole"
    } else {
      return nil
    }
    return PublishReport.Failure(
      key: nil,
      message: "refusing to publish into \(target): \(problem). Keep the output (--output) outside the web server's "
        + "document root, and give --to the document root")
  }
}
