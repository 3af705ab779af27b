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

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    @Flag(help: "Fail on warnings too.")
    var strict = false

    @Flag(help: "Print how long each step took, to standard error.")
    var timings = false

    @Flag(help: "Let a published episode get a new GUID (apps will download it again).")
    var allowGUIDChange = false

    @Flag(help: "Let a published episode get a new media URL.")
    var allowEnclosureChange = false

    @Flag(help: "Let a published episode leave the feed.")
    var allowRemoval = false

    func run() throws {
      let buildOptions = BuildOptions(
        now: options.moment, allowGUIDChange: allowGUIDChange, allowEnclosureChange: allowEnclosureChange,
        allowRemoval: allowRemoval)
      let publisher = Publisher(catalogueURL: options.catalogueURL, outputURL: options.outputURL, options: buildOptions)
      let failsOnWarnings = strict
      let report: BuildReport
      if failsOnWarnings {
        let checked = publisher.validate()
        report = checked.findings.contains { $0.severity >= .warning } ? checked : try publisher.build()
      } else {
        report = try publisher.build()
      }
      try BuildOutput(format: format, output: options.output).print(report)
      if timings { TimingsOutput.print(report.timings) }
      if report.hasErrors || (failsOnWarnings && report.findings.contains { $0.severity == .warning }) {
        throw ExitCode.failure
      }
    }
  }
}
