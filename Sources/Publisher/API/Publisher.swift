import AtomicOutput
import Catalogue
import Diagnostics
import Foundation

/// `podium validate` and `podium build` as library calls: load the catalogue, check it, render
/// every output in memory, check the feeds, and only then, if nothing is at error level, replace
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

  /// Everything a build does except writing.
  public func validate() -> BuildReport {
    plan().report
  }

  /// Validates, then writes the outputs if there is no error-level finding.
  ///
  /// - Throws: `OutputError` when writing fails; the previous output is then left as it was.
  public func build() throws -> BuildReport {
    let plan = plan()
    guard !plan.report.hasErrors, let tree = plan.tree else { return plan.report }
    var commit = DirectoryCommit(directory: outputURL)
    commit.willWrite = willWrite
    try commit.commit(tree)
    var report = plan.report
    report.written = tree.paths
    return report
  }

  private func plan() -> (report: BuildReport, tree: OutputTree?) {
    let loaded = CatalogueLoader(root: catalogueURL).load()
    guard let catalogue = loaded.catalogue else { return (BuildReport(findings: loaded.findings.sortedForReport()), nil) }
    var findings = loaded.findings
    let previous = loadRecord(&findings)
    let check = RecordCheck(catalogue: catalogue, previous: previous, options: options).run()
    findings += check.findings
    let guids = check.record.shows.mapValues(\.podcastGUID)
    let rendered = OutputRenderer(catalogue: catalogue, options: options, record: check.record, podcastGUIDs: guids)
      .render()
    findings += rendered.findings
    let report = BuildReport(
      findings: findings.sortedForReport(), shows: summaries(catalogue), nextScheduled: nextScheduled(catalogue))
    return (report, rendered.tree)
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
