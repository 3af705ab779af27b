import ArgumentParser
import Diagnostics
import Foundation
import Publisher

extension Podium {
  struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check the catalogue and the feeds it would make, without writing anything.")

    @OptionGroup var options: CatalogueOptions

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    @Flag(help: "Fail on warnings too.")
    var strict = false

    @Flag(help: "Print how long each step took, to standard error.")
    var timings = false

    func run() throws {
      let report = Publisher(
        catalogueURL: options.catalogueURL, outputURL: options.outputURL, options: BuildOptions(now: options.moment)
      ).validate()
      try ReportOutput(format: format).findings(report.findings)
      if timings { TimingsOutput.print(report.timings) }
      if report.hasErrors || (strict && report.findings.contains { $0.severity == .warning }) {
        throw ExitCode.failure
      }
    }
  }
}
