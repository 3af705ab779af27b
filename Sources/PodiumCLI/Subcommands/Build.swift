import ArgumentParser
import Foundation
import Publisher

extension Podium {
  struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Validate, then write every feed into the output folder in one atomic step.",
      discussion: """
        Nothing is written when there is a finding at error level: the previous output stays as it was. \
        The build prints when the next scheduled episode goes live, so a cron job can rebuild then.
        """)

    @OptionGroup var options: CatalogueOptions

    @OptionGroup var reporting: ReportOptions

    @OptionGroup var guards: RecordGuardOptions

    func run() throws {
      let buildOptions = guards.buildOptions(now: options.moment, strict: reporting.strict)
      var publisher = Publisher(catalogueURL: options.catalogueURL, outputURL: options.outputURL, options: buildOptions)
      publisher.cache = .beside(options.outputURL, version: Podium.configuration.version)
      let output = options.output
      publisher.willWait = { holder in
        let who = holder.map { "process \($0)" } ?? "another process"
        FileHandle.standardError.write(Data("Another build (\(who)) is writing \(output)/; waiting for it to finish.\n".utf8))
      }
      let report = try publisher.build()
      try BuildOutput(format: reporting.format, output: options.output, artifacts: .catalogue(options)).print(report)
      if reporting.timings { TimingsOutput.print(report.timings) }
      if report.blocksPublishing(strict: reporting.strict) { throw ExitCode.failure }
    }
  }
}
