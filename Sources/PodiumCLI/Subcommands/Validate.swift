import ArgumentParser
import Diagnostics
import Foundation
import Publisher

extension Podium {
  struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check the catalogue and the feeds it would make, without writing anything.")

    @OptionGroup var options: CatalogueOptions

    @OptionGroup var reporting: ReportOptions


    func run() throws {
      let report = Publisher(
        catalogueURL: options.catalogueURL, outputURL: options.outputURL, options: BuildOptions(now: options.moment)
      ).validate()
      try ReportOutput(format: reporting.format, artifacts: .catalogue(options)).findings(report.findings)
      if reporting.timings { TimingsOutput.print(report.timings) }
      if report.blocksPublishing(strict: reporting.strict) { throw ExitCode.failure }
    }
  }
}
