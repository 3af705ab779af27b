import AtomicOutput
import Catalogue
import Diagnostics
import Foundation
import Identifiers
import Parallel
internal import CPodiumSystem

/// `podium validate` and `podium build` as library calls: load the catalogue, check it, render
/// every output in memory, check the feeds and sitemaps, and only then, if nothing is at error level, replace
/// the output folder in one atomic step.
public struct Publisher: Sendable {
  public let catalogueURL: URL
  public let outputURL: URL
  public let options: BuildOptions
  /// Called before each output file is written; tests use it to fail a build halfway.
  public var willWrite: (@Sendable (String) throws -> Void)?
  /// Called before each step of a commit entry by entry (``DirectoryCommit/willCommit``), with
  /// the entry's name; tests use it to fail a commit midway.
  public var willCommit: (@Sendable (String) throws -> Void)?
  /// Called when another build holds the output's lock, with its process id when known, before
  /// this build waits for it.
  public var willWait: (@Sendable (Int32?) -> Void)?
  /// Where a build may keep what lets the next skip unchanged work; `nil` (the default) keeps
  /// nothing. `podium build` keeps it beside the output (``BuildCache/beside(_:version:)``).
  public var cache: BuildCache?
  /// The digests of local media that runs of this publisher share; `podium serve` keeps one
  /// across its rebuilds. `nil` (the default): each run starts from the cache's `digests.json`,
  /// when there is a cache, and a build (or publish) that writes its output stores it again.
  public var digests: DigestCache?
  /// The most items a podcast feed may have to be checked as it is written rather than at the
  /// check step (``OutputRenderer/itemsCheckedAtOnce``); tests lower it to take the other path.
  var itemsCheckedAtOnce: Int?

  public init(catalogueURL: URL, outputURL: URL, options: BuildOptions) {
    self.catalogueURL = catalogueURL
    self.outputURL = outputURL
    self.options = options
  }

  /// Everything a build does except writing; with `remote`, also the servers behind every URL.
  ///
  /// Podcast feeds are written into a private scratch folder (``ValidationScratch``) and checked
  /// from there, as a build does with its staging folder, so that no feed is held in memory.
  public func validate(remote: RemoteOptions? = nil) -> BuildReport {
    let scratch = ValidationScratch()
    defer { scratch?.remove() }
    // The digests are read, never stored: validate writes nothing beside the output (docs/safety.md).
    let (digests, digestsNote) = self.digests.map { ($0, nil) } ?? loadDigests(replacedBy: "the next build")
    // Episode files a build read are taken from the cache as a build takes them, and nothing is
    // stored; the whole-build and per-show layers are a build's output, which validate doesn't write.
    let episodes = readOnlyEpisodeCache()
    // A podcast show the per-show layer holds under this validation's key is what the last build
    // rendered and checked of it: its stored findings are taken, and nothing of it is rendered or
    // checked. (Its files need not be in the output: validate links nothing.) The output is named
    // as a build resolves it, for the key.
    let shows = cache.flatMap { cache in
      episodes.map {
        ShowCache(
          cache: cache, episodes: $0, catalogue: catalogueURL, output: (try? OutputFolder(outputURL))?.url ?? outputURL,
          options: options)
      }
    }
    var (report, planned, catalogue) = self.plan(
      recordFolder: outputURL, recordCache: cache, digests: digests, episodes: episodes, shows: shows, validating: true,
      replacer: "the next build"
    ) {
      scratch?.startStaging(outputName: outputURL.lastPathComponent)
    }
    if let digestsNote { report.findings.insert(digestsNote, at: 0) }
    if let note = episodesNote(episodes, replacedBy: "the next build") { report.findings.insert(note, at: 0) }
    // Taken out of the optional, not copied: the record in it holds the catalogue, which would
    // otherwise be kept through the check however the copy is emptied.
    guard var plan = planned.take(), catalogue != nil else { return report }
    // As in a build, what rendering left is given back before the check; the catalogue is kept
    // only for the remote checks, and the record, which holds it and the last record, not at all.
    _ = plan.takeRecord()
    if remote == nil { catalogue = nil }
    podium_release_free_memory()
    var stopwatch = Stopwatch()
    let staged = Set(plan.staged)
    report.add(
      plan.settings.apply(
        CheckedOutput.findings(of: plan.checked) { checked in
          if let folder = plan.staging?.folder, staged.contains(checked.path) {
            // Checked as a build checks it (its items in chunks side by side), with no memo to take.
            return checked.check(stagedIn: folder) { nil }.findings
          }
          return checked.findings(plan.tree.files[checked.path] ?? Data())
        }))
    report.timings.append(stopwatch.lap("check feeds"))
    if let remote, let catalogue {
      let (findings, checks) = RemoteValidation(catalogue: catalogue, now: options.now, options: remote).run()
      report.add(plan.settings.apply(findings))
      report.remote = checks
      report.timings.append(stopwatch.lap("check remote URLs"))
    }
    return report
  }

  /// Validates, then writes the outputs if there is no error-level finding. Podcast feeds are
  /// written into a staging folder beside the output folder as they are made; the other feeds
  /// and sitemaps are staged next, then all are checked from there while the rest of the new
  /// output is staged; the swap happens only if the checks pass.
  ///
  /// Before anything is read or written, the output folder is checked (``OutputFolder``): a
  /// folder that is not Podium's, or that holds the catalogue, the current folder or the home
  /// folder, is refused with a `PUB-OUTPUT-*` finding and nothing changes. The build then holds
  /// the output's ``OutputLock`` until it is done.
  ///
  /// - Throws: `OutputError` when writing fails; the previous output is then left as it was.
  public func build() throws -> BuildReport { try build(collecting: nil) }

  /// A build that also hands the loaded catalogue to `collecting`, before the outputs are
  /// checked, for a publish to take what it needs from it.
  func build(collecting: ((Catalogue) -> Void)?) throws -> BuildReport {
    let output: OutputFolder
    do {
      output = try OutputFolder(outputURL)
      try output.checkPlace(catalogue: catalogueURL)
    } catch {
      return BuildReport(findings: [refusal(error)])
    }
    // The lock is on the output's parent folder. When that doesn't exist yet, neither does an
    // earlier output: the lock is taken when staging makes the folder, and the output checked
    // again then.
    let parent = output.url.deletingLastPathComponent()
    var isFolder: ObjCBool = false
    let parentExists = FileManager.default.fileExists(atPath: parent.path, isDirectory: &isFolder) && isFolder.boolValue
    var lock = parentExists ? try OutputLock(for: output.url) { willWait?($0) } : nil
    defer { withExtendedLifetime(lock) {} }
    var commit = DirectoryCommit(directory: output.url)
    commit.willWrite = willWrite
    commit.willCommit = willCommit
    // The last look before the swap can miss a file put in just after it: the old output is
    // looked at once more, swapped out, before it is removed.
    commit.oldOutputIsOurs = { old in (try? OutputFolder(old)).map { checkOwnership($0).refused == nil } ?? false }
    // Under the lock no other build is staging: what is left beside the output was killed,
    // and a commit it was making is undone first.
    var interrupted: [Finding] = []
    if lock != nil {
      interrupted = interruptedCommits(commit.undoInterruptedCommits())
      commit.removeStaleStaging()
    }
    // A publish needs the catalogue, and a preview builds into a new folder: neither uses the cache.
    let cache = collecting == nil && options.preview == nil ? self.cache : nil
    var cacheNote: Finding?
    var inputs: TreeFingerprint?
    if let cache {
      var stopwatch = Stopwatch()
      inputs = TreeFingerprint.of(catalogueURL, changeTimes: true, stamps: true)
      if let state = BuildState.load(from: cache, note: &cacheNote), let inputs,
        let report = reusable(state, cache: cache, inputs: inputs, output: output.url)
      {
        var report = report
        report.timings = [stopwatch.lap("cache: catalogue and output unchanged")]
        return report
      }
      BuildState.remove(from: cache)
    }
    // (An output whose fingerprint is the one the last build staged holds nothing else, so the
    // cache is asked first and this walk of the output is not repeated.)
    var liveFiles: [String: Int]?
    if lock != nil {
      let (refused, files) = checkOwnership(output)
      if let refused { return BuildReport(findings: interrupted + [refused]) }
      liveFiles = files
    }
    let (digests, digestsNote) = self.digests.map { ($0, nil) } ?? loadDigests(replacedBy: "this build")
    // Below the whole build, each episode file's reading is kept (a link to a folder in the
    // catalogue, which the walk refuses, turns this off too).
    let episodes = cache.flatMap { cache in
      inputs?.stamps.map { EpisodeCache(cache: cache, catalogue: catalogueURL, stamps: $0) }
    }
    // What it wrote is put in place with the output (below); on any other way out, removed.
    defer { episodes?.discard() }
    // The catalogue is not kept: the outputs are rendered, and checking them needs the memory.
    let shows = cache.flatMap { cache in
      episodes.map {
        ShowCache(cache: cache, episodes: $0, catalogue: catalogueURL, output: output.url, options: options)
      }
    }
    // The per-episode cache holds the stamps from here on, and lets go of each show's once it is keyed.
    inputs?.stamps = nil
    var (report, planned, loaded) = try self.plan(
      recordFolder: output.url, recordCache: cache, announcingFirstBuild: options.preview == nil, digests: digests,
      episodes: episodes, shows: shows, liveFiles: shows == nil ? nil : liveFiles
    ) {
      if lock == nil {
        try commit.makeParentFolder()
        lock = try OutputLock(for: output.url) { willWait?($0) }
        guard !FileManager.default.fileExists(atPath: output.url.path) else {
          throw OutputError(.io(
            path: output.url.path, detail: "another build made this folder while this one ran; build again"))
        }
      }
      return try commit.startStaging()
    }
    if let loaded, let collecting { collecting(loaded) }
    loaded = nil
    // The catalogue's stamps were for loading and keying what was rendered (a catalogue that
    // didn't load keyed nothing): the rest of the build needs only their digest.
    shows?.forgetStamps()
    cacheNote = cacheNote ?? episodesNote(episodes, replacedBy: "this build")
    if let cacheNote { report.findings.insert(cacheNote, at: 0) }
    if let digestsNote { report.findings.insert(digestsNote, at: 0) }
    report.findings.insert(contentsOf: interrupted, at: 0)
    guard var plan = planned.take() else { return report }
    // The copy of the record written, for the next build (``RecordCopy``), put in place with the
    // output; on any other way out, removed.
    var recordCopy: RecordCopy.Pending?
    defer { recordCopy?.discard() }
    guard var staging = plan.staging, !report.blocksPublishing(strict: options.strict) else {
      // Refused, the feeds are checked all the same, so that the build names every mistake, as
      // `validate` does: a duplicate GUID is the feed rules' to find, whatever else is wrong.
      let folder = plan.staging?.folder
      report.add(plan.settings.apply(CheckedOutput.findings(of: plan.checked) { output in
        if let folder, plan.staged.contains(output.path) { return output.check(stagedIn: folder) { nil }.findings }
        return output.findings(plan.tree.files[output.path] ?? Data())
      }))
      plan.staging?.discard()
      return report
    }
    var stopwatch = Stopwatch()
    var tree = plan.takeTree()
    let written = (tree.paths + plan.staged + [PublicationRecord.path, OutputManifest.path]).sorted()
    // Once the checked files are on disk their bytes are let go of: the checks read them back in
    // pieces, so a large feed is never in memory both whole and parsed. The record is written
    // into its staged file then too, a piece at a time, from the catalogue and the last record
    // (``RecordDraft``), which are let go of after it, before the check: written beside the check
    // instead, they were held through it, a large build's peak (docs/performance.md).
    do {
      try staging.write(tree.take(plan.checked.filter { $0.preview == nil }.map(\.path)))
      let record = plan.takeRecord()
      // A record that says what the last one says, whose copy the cache holds, has the bytes
      // of that copy's JSON: this Podium wrote them (a copy is made only of a record as it is
      // written, ``RecordCopy/Writer``), and the JSON is a function of what it says. The old
      // file is linked while it has the stamp it was read with, not written again; the copy
      // the cache holds stands for it still.
      let linked = try plan.recordUnchanged && plan.recordHeld?.stamp.map {
        try staging.link([(PublicationRecord.path, $0)])
      } == true
      if !linked {
        // Its copy is made as it is written, a show at a time, so that the next build reads
        // the copy rather than this JSON.
        recordCopy = try record.write(toFileAt: try staging.reserve(PublicationRecord.path), copyingInto: cache)
        staging.reuseIfUnchanged(PublicationRecord.path)
      }
    } catch {
      staging.discard()
      throw error
    }
    // The catalogue and the rendering's garbage are freed, but mostly on the worker threads'
    // heaps, where the parsed feed can't reuse them: give them back before the check.
    podium_release_free_memory()
    let folder = staging.folder
    let (checks, staged) = Concurrently.run(
      { ParallelMap.map(plan.checked) { output in output.check(stagedIn: folder) { shows?.memo(for: output.path) } } },
      {
        Result {
          try tree.add(OutputManifest.path, try OutputManifest.encode(written))
          try staging.write(tree)
          return staging.staged
        }
      })
    let found = checks.map(\.findings)
    report.add(plan.settings.apply(CheckedOutput.merged(plan.checked, found)))
    // The feeds' source maps have placed their findings and fill in the show cache's item layers:
    // let go of them before its records are made and written (a large feed's is some 20 MB).
    for (slug, part) in plan.cacheable {
      guard let pending = part.pending else { continue }
      let feed = plan.checked.first { $0.path == pending.path && $0.preview == nil }
      plan.cacheable[slug]?.fillItems(from: feed?.sourceMap)
    }
    for index in plan.checked.indices { plan.checked[index].sourceMap = nil }
    let reused = checks.reduce(0) { $0 + $1.reused }
    report.timings.append(stopwatch.lap("check feeds, stage output" + (reused > 0 ? " (\(reused) feed items from the cache)" : "")))
    let ready: StagedDirectory
    do {
      ready = try staged.get()
    } catch {
      staging.discard()
      throw error
    }
    guard !report.blocksPublishing(strict: options.strict) else {
      staging.discard()
      return report
    }
    // What the next build compares with, taken before the swap, while the folder is this build's
    // alone; once the clock has moved on, so that no file written here can change unseen.
    var outputs: TreeFingerprint?
    if cache != nil, plan.recordUnchanged, inputs?.racy == false {
      TreeFingerprint.waitForNextTick()
      outputs = TreeFingerprint.of(staging.folder, changeTimes: false, keeping: plan.kept, from: output.url)
    }
    var showRecords: [String: ShowCache.Record] = [:]
    if shows != nil, let cache {
      // What the check's parsing freed is mostly on the worker threads' heaps: given back before
      // the records are made, encoded and written, the last peak of a large build.
      podium_release_free_memory()
      if outputs == nil { TreeFingerprint.waitForNextTick() }
      showRecords = records(of: plan, checks: checks, staging: staging, cache: cache)
    }
    // Once more just before the swap: a file put into the output while the build ran would be
    // removed with the old output.
    let (refused, files) = checkOwnership(output, keepingManifest: true)
    if let refused {
      staging.discard()
      report.add([refused])
      return report
    }
    // A folder kept in place still holds the files its record names and no other: a file of
    // ours removed from it since it was looked at would be missing from the new output.
    if let moved = plan.kept.first(where: { files?[$0] != liveFiles?[$0] }) {
      staging.discard()
      throw OutputError(.io(
        path: output.url.appendingPathComponent(moved).path, detail: "changed while this build ran; build again"))
    }
    let kept = try plan.kept.isEmpty ? ready.commit() : ready.commit(keeping: Set(plan.kept))
    if let kept {
      var finding = PublishRules.outputForeign.finding(
        "while this build ran, something Podium did not write was put into \(outputURL.relativePath)/. The new output "
          + "is in place; the old one is kept, with it, at \(kept.path). Move what is yours out of it, then delete it",
        at: SourceLocation(file: outputURL.relativePath))
      finding.severity = .warning
      report.add([finding])
    }
    report.timings.append(stopwatch.lap(
      plan.kept.isEmpty ? "swap in, remove old output" : "swap in by entry (\(plan.kept.count) shows kept in place), remove old entries"))
    report.written = written
    episodes?.commit()
    recordCopy?.commit()
    recordCopy = nil
    if let shows, let cache, kept == nil {
      shows.store(showRecords, keeping: Set(plan.cacheable.filter { $0.value.reused }.keys), cache: cache)
    } else {
      shows?.removeAll()
    }
    // Digests shared by the caller are the caller's to store.
    if self.digests == nil { saveDigests(digests) }
    // A warning about what was found in the old output is this build's alone: not stored.
    if let cache, let inputs, let outputs, !outputs.racy, kept == nil {
      BuildState(
        podium: cache.podiumIdentity, catalogue: catalogueURL.standardizedFileURL.path, output: output.url.path,
        options: BuildState.key(options), inputs: inputs.digest, outputs: outputs.digest,
        publishedThrough: plan.window.publishedThrough, scheduledFrom: plan.window.scheduledFrom,
        // A note about the cache this build replaced is not the next build's to repeat.
        findings: report.findings.filter { $0.ruleID != PublishRules.cache.id && !interrupted.contains($0) },
        shows: report.shows,
        nextScheduled: report.nextScheduled,
        written: written.joined(separator: "\u{0}")
      ).store(in: cache)
    }
    return report
  }

  /// The cache's digests of local media, with a `PUB-CACHE` note when they can't be read (they are
  /// then ignored); none without a cache.
  func loadDigests(replacedBy replacer: String) -> (DigestCache, Finding?) {
    guard let cache else { return (DigestCache(), nil) }
    var problem: String?
    let digests = DigestCache(contentsOf: cache.digestsFile, problem: &problem)
    let name = "\(cache.folder.lastPathComponent)/\(cache.digestsFile.lastPathComponent)"
    let note = problem.map {
      PublishRules.cache.finding(
        "the digest cache \(name) could not be read (\($0)), so it was ignored and every local media file read "
          + "again; \(replacer) replaces it", at: SourceLocation(file: name))
    }
    return (digests, note)
  }

  /// A `PUB-CACHE` note when files of the per-episode cache could not be read (they were ignored).
  private func episodesNote(_ episodes: EpisodeCache?, replacedBy replacer: String) -> Finding? {
    guard let problem = episodes?.problem, let cache else { return nil }
    return PublishRules.cache.finding(
      "the build cache's episode files \(problem) could not be read, so they were ignored and those shows' "
        + "episodes read again; \(replacer) replaces them",
      at: SourceLocation(file: "\(cache.folder.lastPathComponent)/\(EpisodeCache.folderName)"))
  }

  /// Stores the digests this run asked for in the cache, when there is one: those of files no
  /// longer in the catalogue are dropped.
  func saveDigests(_ digests: DigestCache) {
    guard let cache, cache.makeFolder() else { return }
    digests.save(to: cache.digestsFile)
  }

  /// The show cache's records of the shows this build rendered: their staged files with their
  /// stamps, and what rendering and checking them found. A show whose rendering failed, or
  /// whose files can't be stamped, gets none.
  private func records(
    of plan: Plan, checks: [CheckedOutput.Check], staging: Staging, cache: BuildCache
  ) -> [String: ShowCache.Record] {
    var checked: [String: [ShowCache.Checked]] = [:]
    for (output, check) in zip(plan.checked, checks) {
      guard let slash = output.path.firstIndex(of: "/") else { continue }
      checked[String(output.path[..<slash]), default: []].append(ShowCache.Checked(
        path: output.path, file: output.file, size: output.size, preview: output.preview != nil,
        findings: check.findings, memo: check.memo ?? check.memoPlace.flatMap { plan.memos?.memo(at: $0) }))
    }
    let parts = plan.cacheable.filter { !$0.value.reused && !$0.value.rendered.contains { $0.severity == .error } }
    let made = ParallelMap.map(Array(parts)) { slug, part -> (String, ShowCache.Record)? in
      guard let stamps = staging.stamps(of: part.staged) else { return nil }
      let files = zip(part.staged, stamps).map { ShowCache.File(path: $0, stamp: $1) }
      return (slug, ShowCache.Record(
        format: ShowCache.format, podium: cache.podiumIdentity, key: part.key, files: files, rendered: part.rendered,
        checked: checked[slug] ?? [], items: part.items))
    }
    return Dictionary(made.compactMap { $0 }) { first, _ in first }
  }

  /// The report of the last build, when this one would write the same bytes and say the same:
  /// the same Podium, options, catalogue and output, at a moment that publishes the same episodes.
  private func reusable(_ state: BuildState, cache: BuildCache, inputs: TreeFingerprint, output: URL) -> BuildReport? {
    guard state.podium == cache.podiumIdentity, state.catalogue == catalogueURL.standardizedFileURL.path,
      state.output == output.path, state.options == BuildState.key(options), state.inputs == inputs.digest,
      state.publishesTheSame(at: options.now),
      TreeFingerprint.of(output, changeTimes: false)?.digest == state.outputs
    else { return nil }
    var report = BuildReport(findings: state.findings)
    report.shows = state.shows
    report.nextScheduled = state.nextScheduled
    report.written = state.written.isEmpty ? [] : state.written.split(separator: "\u{0}").map(String.init)
    return report
  }

  /// Loads the catalogue and renders every output.
  ///
  /// - Parameters:
  ///   - recordFolder: the folder whose publication record guards the build.
  ///   - announcingFirstBuild: whether to say so when there is no record and no feed to rebuild it from.
  ///   - episodes: earlier readings of episode files, to take instead of reading them again.
  ///   - shows: the shows the last build wrote, to take whole when nothing they depend on changed.
  ///   - validating: whether this is `validate`, which takes from `shows` what the last build found
  ///     rendering and checking a show, links nothing and writes nothing but feeds
  ///     (``OutputRenderer/validating``).
  ///   - startStaging: called once the catalogue has loaded, unless its findings already block
  ///     publishing: the staging folder that podcast feeds are written into as they are made, or
  ///     `nil` to keep them in memory.
  ///   - replacer: who replaces a cache file that can't be read, for its note.
  private func plan(
    recordFolder: URL, recordCache: BuildCache? = nil, announcingFirstBuild: Bool = false, digests: DigestCache,
    episodes: EpisodeCache? = nil, shows: ShowCache? = nil, liveFiles: [String: Int]? = nil, validating: Bool = false,
    replacer: String = "this build", startStaging: () throws -> Staging?
  ) rethrows -> (BuildReport, Plan?, Catalogue?) {
    // Before the catalogue's arrays are grown: what they leave behind is given back as it is freed.
    podium_map_large_blocks()
    var stopwatch = Stopwatch()
    var loader = CatalogueLoader(root: catalogueURL)
    loader.reuse = episodes
    let loaded = loader.load()
    var report = BuildReport(findings: loaded.findings)
    report.timings = [
      stopwatch.lap(
        episodes.map { "load catalogue (\($0.counts.taken) episode files from the cache, \($0.counts.read) read)" }
          ?? "load catalogue")
    ]
    guard var catalogue = loaded.catalogue else {
      report.findings = report.findings.sortedForReport()
      return (report, nil, nil)
    }
    if let preview = options.preview { catalogue = preview.applied(to: catalogue) }
    var recordRead = false
    var recordHeld: RecordCopy.Held?
    let previous = loadRecord(
      from: recordFolder, catalogue: catalogue, announcingFirstBuild: announcingFirstBuild, cache: recordCache,
      replacer: replacer, &report.findings, read: &recordRead, held: &recordHeld)
    report.timings.append(
      stopwatch.lap("read publication record" + (recordHeld == nil ? "" : " (the build cache's copy)")))
    // Parsing 100,000 episode files, and the last record's JSON, left garbage on the worker
    // threads' heaps that rendering would not reuse: given back first (docs/performance.md).
    podium_release_free_memory()
    let settings = RuleSettings(settings: catalogue.site.rules)
    // A catalogue that can't be published already gets no staging folder: a failed build makes
    // nothing beside the output, and can't fail to make it instead of reporting its findings.
    let blocked = BuildReport(findings: settings.apply(report.findings) + settings.check())
      .blocksPublishing(strict: options.strict)
    var staging = blocked ? nil : try startStaging()
    // The record check runs beside the rendering, which needs only the shows' podcast:guid. It
    // alone holds the last record, and lets go of it when it is done (``RecordCheck/Handoff``).
    let recordCheck = RecordCheck(catalogue: catalogue, previous: consume previous, options: options, gaps: loaded.gaps)
    let podcastGUIDs = recordCheck.podcastGUIDs()
    let handoff = RecordCheck.Handoff(consume recordCheck)
    var renderer = OutputRenderer(
      catalogue: catalogue, options: options, podcastGUIDs: podcastGUIDs, outputName: outputURL.lastPathComponent,
      digests: digests)
    renderer.shows = shows
    renderer.validating = validating
    if let itemsCheckedAtOnce { renderer.itemsCheckedAtOnce = itemsCheckedAtOnce }
    // Shows kept in place are committed entry by entry, which needs an atomic exchange.
    if let liveFiles, staging?.exchangesEntries() == true { renderer.liveFiles = liveFiles }
    // The check lets go of the last record when it is done, beside the rendering.
    let (rendered, check) = Concurrently.run(
      { renderer.render(staging: &staging) }, { handoff.run(comparing: recordRead) })
    if let problem = shows?.problem, let cache {
      report.findings.append(PublishRules.cache.finding(
        "the build cache's show files \(problem) could not be read, so they were ignored and those shows rendered "
          + "again; \(replacer) replaces them", at: SourceLocation(file: "\(cache.folder.lastPathComponent)/\(ShowCache.folderName)")))
    }
    let taken = rendered.cacheable.values.filter { $0.reused }.count
    report.timings.append(
      stopwatch.lap(
        shows == nil
          ? "render notes, write feeds"
          : "render notes, write feeds (\(taken) shows from the cache, \(rendered.copied) items copied)"))
    report.findings =
      settings.apply(report.findings + check.findings + rendered.findings, keepingErrorsIn: check.heldBack)
      + settings.check()
    report.findings = report.findings.sortedForReport()
    report.shows = summaries(catalogue)
    report.nextScheduled = nextScheduled(catalogue)
    let recordUnchanged = check.unchanged
    return (
      report, Plan(
        tree: rendered.tree, staging: staging, staged: rendered.staged, kept: rendered.kept, record: check.record,
        checked: rendered.checked, settings: settings, recordUnchanged: recordUnchanged, recordHeld: recordHeld,
        window: window(catalogue), cacheable: rendered.cacheable, memos: rendered.memos), catalogue
    )
  }

  /// What a validated build will write, and the settings that grade the feed and sitemap checks.
  private struct Plan {
    /// Every output but the publication record and those already staged.
    var tree: OutputTree
    /// The staging folder of a build, and the outputs written into it while they were rendered.
    var staging: Staging?
    let staged: [String]
    /// The shows whose folders stay in place in the output, not staged (``OutputRenderer/liveFiles``).
    let kept: [String]
    var record: RecordDraft
    var checked: [CheckedOutput]
    let settings: RuleSettings
    /// Whether the record read from the output is the one this build writes: a rebuild then reads
    /// the same record and finds the same (``BuildState``).
    let recordUnchanged: Bool
    /// The last record's digest and stamp, when the cache held its copy (``RecordCopy``).
    let recordHeld: RecordCopy.Held?
    let window: (publishedThrough: Timestamp?, scheduledFrom: Timestamp?)
    /// The shows the show cache may keep, by slug.
    var cacheable: [String: OutputRenderer.ShowPart]
    /// The memos of the feeds checked as they were written, until the show records are made.
    let memos: MemoSpill?

    /// Hands the tree over, so the plan no longer keeps the files' bytes alive.
    mutating func takeTree() -> OutputTree {
      defer { tree = OutputTree() }
      return tree
    }

    /// Hands the record over, for the same reason.
    mutating func takeRecord() -> RecordDraft {
      defer { record = RecordDraft() }
      return record
    }
  }

  /// The record of what was published; when it is missing but the folder holds feeds, the
  /// record those feeds give (``RecordRecovery``), so deleting it can't lift the GUID guard.
  /// With a `cache` that holds the copy of the record's very bytes (``RecordCopy``), that copy,
  /// and `held` its digest and the file's stamp; a copy that can't be read is a `PUB-CACHE`
  /// note that `replacer` replaces it.
  private func loadRecord(
    from folder: URL, catalogue: Catalogue, announcingFirstBuild: Bool, cache: BuildCache?, replacer: String,
    _ findings: inout [Finding], read: inout Bool, held: inout RecordCopy.Held?
  ) -> RecordIndex {
    let name = outputURL.lastPathComponent
    let location = SourceLocation(file: "\(name)/\(PublicationRecord.path)")
    let path = folder.appendingPathComponent(PublicationRecord.path).path
    var (before, after) = (stat(), stat())
    let statted = lstat(path, &before) == 0
    guard let data = FileManager.default.contents(atPath: path) else {
      if let recovered = RecordRecovery(folder: folder, catalogue: catalogue).recover() {
        let episodes = recovered.record.shows.values.reduce(0) { $0 + $1.episodes.count }
        findings.append(PublishRules.recordRecovered.finding(
          "the publication record was missing; it was rebuilt from the \(recovered.feeds) feed(s) in \(name)/ "
            + "(\(episodes) published episodes), so their GUIDs and media URLs stay guarded. If \(name)/ is in git, "
            + "restoring \(PublicationRecord.path) from there keeps its full history", at: location))
        for feed in recovered.unreadable {
          findings.append(PublishRules.record.finding(
            "the publication record is missing and \(name)/\(feed) can't be read to rebuild it, so that show's "
              + "published GUIDs are not guarded; restore \(PublicationRecord.path) (or the feed) from git first",
            at: SourceLocation(file: "\(name)/\(feed)")))
        }
        return RecordIndex(recovered.record)
      }
      guard announcingFirstBuild else { return RecordIndex() }
      findings.append(PublishRules.firstBuild.finding(
        "no publication record: this is the first build into \(name)/. If this catalogue was published before, "
          + "restore \(name)/ (with \(PublicationRecord.path)) from git or the server first, so published GUIDs "
          + "stay guarded", at: location))
      return RecordIndex()
    }
    if let cache {
      let digest = RecordCopy.digest(data)
      do throws(CacheFile.Problem) {
        if let copy = try RecordCopy.read(cache, digest: digest) {
          read = true
          // The file's stamp, when it was the same before and after it was read: the file of
          // the bytes digested, which a build may link again instead of writing the same record.
          func stamp(_ info: stat) -> OutputFileStamp {
            OutputFileStamp(
              inode: UInt64(info.st_ino), size: Int64(info.st_size), modified: Int64(info.st_mtim.tv_sec),
              modifiedNanoseconds: Int64(info.st_mtim.tv_nsec))
          }
          let unchanged = statted && lstat(path, &after) == 0 && before.st_mode & S_IFMT == S_IFREG
            && stamp(before) == stamp(after)
          held = RecordCopy.Held(digest: digest, stamp: unchanged ? stamp(after) : nil)
          return copy
        }
      } catch {
        findings.append(PublishRules.cache.finding(
          "the build cache's copy of the publication record could not be read, so it was ignored and the record "
            + "read from \(name)/\(PublicationRecord.path); \(replacer) replaces it",
          at: SourceLocation(file: "\(cache.folder.lastPathComponent)/\(RecordCopy.fileName)")))
      }
    }
    do {
      let record = try RecordIndex(json: data)
      read = true
      return record
    } catch {
      findings.append(PublishRules.record.finding(
        "the publication record cannot be read (\(error)); restore it from git, it guards the published GUIDs",
        at: location))
      return RecordIndex()
    }
  }

  /// Whether the output holds only what Podium wrote, as a finding when it does not.
  ///
  /// - Parameter keepingManifest: whether the next check, of the old output once swapped out,
  ///   may take the manifest read here instead of decoding it again.
  /// - Returns: the refusal, or how many files each folder at the top holds (``OutputFolder/checkOwnership(legacyMarker:legacyOwns:keepingManifest:)``).
  private func checkOwnership(_ output: OutputFolder, keepingManifest: Bool = false) -> (refused: Finding?, files: [String: Int]?) {
    // The record is read only for an output from before the manifest: for any other it would be
    // decoded for nothing, three times a build.
    var legacy: LegacyOutput?
    do {
      let files = try output.checkOwnership(
        legacyMarker: PublicationRecord.path,
        legacyOwns: { path, kind in
          let layout = legacy ?? LegacyOutput(recordIn: output.url)
          legacy = layout
          return layout.owns(path, kind)
        }, keepingManifest: keepingManifest)
      return (nil, files)
    } catch {
      return (refusal(error), nil)
    }
  }

  /// What the next build says of commits that builds killed midway left (``DirectoryCommit/undoInterruptedCommits()``).
  private func interruptedCommits(_ result: (undone: [String], kept: [URL])) -> [Finding] {
    let location = SourceLocation(file: outputURL.relativePath)
    var findings: [Finding] = []
    if !result.undone.isEmpty {
      findings.append(PublishRules.outputRepaired.finding(
        "a build was stopped while it put its output in place: the shows it had swapped in were swapped back, so "
          + "\(outputURL.relativePath)/ is again what the build before it wrote, and this build starts from there",
        at: location))
    }
    // Kept beside the output, as a swapped-out folder holding a file Podium did not write is.
    for kept in result.kept {
      var finding = PublishRules.outputForeign.finding(
        "a build was stopped while it put its output in place, and not all of what it swapped in could be swapped "
          + "back: \(outputURL.relativePath)/ holds some of its shows, and what they replaced is kept at \(kept.path). "
          + "Compare the two, move back what you want, then delete it", at: location)
      finding.severity = .warning
      findings.append(finding)
    }
    return findings
  }

  /// A refused output folder as a finding: nothing was read or written.
  private func refusal(_ refusal: OutputRefusal) -> Finding {
    let rule = refusal.kind == .place ? PublishRules.outputPlace : PublishRules.outputForeign
    return rule.finding(refusal.message, at: SourceLocation(file: outputURL.relativePath))
  }

  private func summaries(_ catalogue: Catalogue) -> [BuildReport.ShowSummary] {
    catalogue.shows.map { show in
      let statuses = show.episodes.map { $0.status(at: options.now) }
      return BuildReport.ShowSummary(
        slug: show.slug, title: show.title, feedURL: catalogue.feedURL(for: show),
        published: statuses.filter { $0 == .published }.count, scheduled: statuses.filter { $0 == .scheduled }.count,
        drafts: statuses.filter { $0 == .draft }.count)
    }
  }

  /// The latest date of a published episode and the earliest of a scheduled one.
  private func window(_ catalogue: Catalogue) -> (publishedThrough: Timestamp?, scheduledFrom: Timestamp?) {
    var window: (publishedThrough: Timestamp?, scheduledFrom: Timestamp?) = (nil, nil)
    for show in catalogue.shows {
      for episode in show.episodes {
        switch episode.status(at: options.now) {
        case .published: window.publishedThrough = max(window.publishedThrough ?? episode.date, episode.date)
        case .scheduled: window.scheduledFrom = min(window.scheduledFrom ?? episode.date, episode.date)
        case .draft: break
        }
      }
    }
    return window
  }

  private func nextScheduled(_ catalogue: Catalogue) -> BuildReport.Scheduled? {
    var next: BuildReport.Scheduled?
    for show in catalogue.shows {
      // By index: `for episode in show.episodes` copies each episode, retaining every field.
      for index in show.episodes.indices where show.episodes[index].status(at: options.now) == .scheduled {
        let episode = show.episodes[index]
        let candidate = BuildReport.Scheduled(show: show.slug, title: episode.title, file: episode.file, date: episode.date)
        if let current = next, (current.date, current.file) <= (candidate.date, candidate.file) { continue }
        next = candidate
      }
    }
    return next
  }
}
