import Diagnostics
import Foundation
import Publisher

/// Prints what a build did.
struct BuildOutput {
  let format: ReportFormat
  let output: String
  /// Maps the files findings name to the URIs SARIF reports.
  var artifacts = ArtifactLocator.asGiven
  let terminal = Terminal.standardOutput

  func print(_ report: BuildReport) throws {
    switch format {
    case .json: Swift.print(try JSONOutput.string(BuildJSON(report)))
    case .text: Swift.print(text(report))
    case .sarif: Swift.print(try SARIFOutput(artifacts: artifacts).string(report.findings))
    }
  }

  private func text(_ report: BuildReport) -> String {
    let printer = FindingPrinter(terminal: terminal)
    var lines: [String] = []
    if !report.findings.isEmpty { lines.append(printer.text(report.findings) + "\n") }
    if report.written.isEmpty {
      lines.append(terminal.paint("Nothing written", .bold) + ": \(output)/ is as it was.")
    } else {
      for show in report.shows {
        lines.append(
          "\(terminal.paint(show.slug, .bold)): \(show.published) published, \(show.scheduled) scheduled, "
            + "\(show.drafts) draft → \(output)/\(show.slug)/feed.xml")
      }
      lines.append("Wrote \(report.written.count) files to \(output)/.")
    }
    if let next = report.nextScheduled {
      lines.append("Next scheduled: \(next.date.iso8601) — \(next.title) (\(next.file)); rebuild then.")
    }
    lines.append(printer.summary(report.findings))
    return lines.joined(separator: "\n")
  }
}

/// The build report as JSON.
struct BuildJSON: Encodable {
  struct Show: Encodable {
    var slug: String, title: String, feedURL: String, published: Int, scheduled: Int, drafts: Int
  }

  struct Next: Encodable {
    var show: String, title: String, file: String, date: String
  }

  var findings: [FindingJSON]
  var shows: [Show]
  var nextScheduled: Next?
  var written: [String]

  init(_ report: BuildReport) {
    findings = report.findings.map(FindingJSON.init)
    shows = report.shows.map {
      Show(slug: $0.slug, title: $0.title, feedURL: $0.feedURL, published: $0.published, scheduled: $0.scheduled,
           drafts: $0.drafts)
    }
    nextScheduled = report.nextScheduled.map { Next(show: $0.show, title: $0.title, file: $0.file, date: $0.date.iso8601) }
    written = report.written
  }
}
