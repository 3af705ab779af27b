import AtomicOutput
import Catalogue
import Diagnostics
import Foundation

/// `podium validate` and `podium build` as library calls: load the catalogue, check it, render
/// every output in memory, check the feeds and sitemaps, and only then, if nothing is at error level, replace
/// the output folder in one atomic step.
public struct Publisher: Sendable {
  public let catalogueURL: URL
  public let outputURL: URL
  public let options: BuildOptions
  /// Called before each output file is written; tests use it to fail a build halfway.
  public var willWrite: (@Sendable (String) throws -> Void)?

  public init(catalogueURL: URL, outputURL: URL, options: BuildOptions) {
    self.catalogueURL = catalogueURL
    self.outputURL = outputURL
    self.options = options
  }

  /// Everything a build does except writing; with `remote`, also the servers behind every URL.
  public func validate(remote: RemoteOptions? = nil) -> BuildReport {
    var (report, plan, catalogue) = self.plan()
    guard let plan, let catalogue else { return report }
    var stopwatch = Stopwatch()
    report.add(plan.settings.apply(Self.check(plan.checked)))
    report.timings.append(stopwatch.lap("check feeds"))
    if let remote {
      let (findings, checks) = RemoteValidation(catalogue: catalogue, now: options.now, options: remote).run()
      report.add(plan.settings.apply(findings))
      report.remote = checks
      report.timings.append(stopwatch.lap("check remote URLs"))
    }
    return report
  }

  /// Validates, then writes the outputs if there is no error-level finding. The feeds and
  /// sitemaps are checked while the new output is being staged beside the old one; the swap happens only if
  /// the checks pass.
  ///
  /// - Throws: `OutputError` when writing fails; the previous output is then left as it was.
  public func build() throws -> BuildReport {
    // The catalogue is not kept: the outputs are rendered, and checking them needs the memory.
    var (report, plan, _) = self.plan()
    guard let plan, !report.blocksPublishing(strict: options.strict) else { return report }
    var commit = DirectoryCommit(directory: outputURL)
    commit.willWrite = willWrite
    var stopwatch = Stopwatch()
    // The record is encoded while the outputs are checked, since nothing else needs it.
    var tree = plan.tree
    let (findings, staged) = Concurrently.run(
      { Self.check(plan.checked) },
      {
        Result {
          try tree.add(PublicationRecord.path, try plan.record.encoded())
          return try commit.stage(tree)
        }
      })
    report.add(plan.settings.apply(findings))
    report.timings.append(stopwatch.lap("check feeds, stage output"))
    let staging = try staged.get()
    guard !report.blocksPublishing(strict: options.strict) else {
      staging.discard()
      return report
    }
    try staging.commit()
    report.timings.append(stopwatch.lap("swap in, remove old output"))
    report.written = tree.paths
    return report
  }

  /// Our own feeds and video sitemaps, through their rules.
  private static func check(_ outputs: [CheckedOutput]) -> [Finding] {
    outputs.flatMap { $0.findings() }
  }

  private func plan() -> (BuildReport, Plan?, Catalogue?) {
    var stopwatch = Stopwatch()
    let loaded = CatalogueLoader(root: catalogueURL).load()
    var report = BuildReport(findings: loaded.findings)
    report.timings = [stopwatch.lap("load catalogue")]
    guard let catalogue = loaded.catalogue else {
      report.findings = report.findings.sortedForReport()
      return (report, nil, nil)
    }
    let previous = loadRecord(&report.findings)
    // The record check runs beside the rendering, which needs only the shows' podcast:guid.
    let recordCheck = RecordCheck(catalogue: catalogue, previous: previous, options: options)
    let renderer = OutputRenderer(
      catalogue: catalogue, options: options, podcastGUIDs: recordCheck.podcastGUIDs(),
      outputName: outputURL.lastPathComponent)
    let (rendered, check) = Concurrently.run({ renderer.render() }, { recordCheck.run() })
    report.timings.append(stopwatch.lap("render notes, write feeds"))
    let settings = RuleSettings(settings: catalogue.site.rules)
    report.findings = settings.apply(report.findings + check.findings + rendered.findings) + settings.check()
    report.findings = report.findings.sortedForReport()
    report.shows = summaries(catalogue)
    report.nextScheduled = nextScheduled(catalogue)
    return (
      report, Plan(tree: rendered.tree, record: check.record, checked: rendered.checked, settings: settings), catalogue
    )
  }

  /// What a validated build will write, and the settings that grade the feed and sitemap checks.
  private struct Plan {
    /// Every output but the publication record.
    let tree: OutputTree
    let record: PublicationRecord
    let checked: [CheckedOutput]
    let settings: RuleSettings
  }

  private func loadRecord(_ findings: inout [Finding]) -> PublicationRecord {
    let url = outputURL.appendingPathComponent(PublicationRecord.path)
    guard let data = FileManager.default.contents(atPath: url.path) else { return PublicationRecord() }
    do {
      return try PublicationRecord.decode(data)
    } catch {
      findings.append(PublishRules.record.finding(
        "the publication record cannot be read (\(error)); restore it from git, it guards the published GUIDs",
        at: SourceLocation(file: "\(outputURL.lastPathComponent)/\(PublicationRecord.path)")))
      return PublicationRecord()
    }
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

  private func nextScheduled(_ catalogue: Catalogue) -> BuildReport.Scheduled? {
    var next: BuildReport.Scheduled?
    for show in catalogue.shows {
      for episode in show.episodes where episode.status(at: options.now) == .scheduled {
        let candidate = BuildReport.Scheduled(show: show.slug, title: episode.title, file: episode.file, date: episode.date)
        if let current = next, (current.date, current.file) <= (candidate.date, candidate.file) { continue }
        next = candidate
      }
    }
    return next
  }
}
