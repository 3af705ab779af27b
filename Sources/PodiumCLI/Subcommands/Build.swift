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


    @Flag(help: "Let a published episode get a new GUID (apps will download it again).")
    var allowGUIDChange = false

    @Flag(help: "Let a published episode get a new media URL.")
    var allowEnclosureChange = false

    @Flag(help: "Let a published episode leave the feed, or a published show lose its feed.")
    var allowRemoval = false

    @Flag(help: "Let a published show's feed move to a new URL; the old URL must redirect (HTTP 301) to it.")
    var allowFeedMove = false

    func run() throws {
      var buildOptions = BuildOptions(
        now: options.moment, allowGUIDChange: allowGUIDChange, allowEnclosureChange: allowEnclosureChange,
        allowRemoval: allowRemoval)
      buildOptions.strict = reporting.strict
      buildOptions.allowFeedMove = allowFeedMove
      var publisher = Publisher(catalogueURL: options.catalogueURL, outputURL: options.outputURL, options: buildOptions)
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
