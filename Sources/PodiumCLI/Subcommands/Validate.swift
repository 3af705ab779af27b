import ArgumentParser
import Diagnostics
import Foundation
import LinkCheck
import Publisher

extension Podium {
  struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check the catalogue and the feeds it would make, without writing anything.",
      discussion: """
        With --remote, also check the servers behind every enclosure, artwork, transcript and chapters URL and \
        each show's own feed URL: reachable, HEAD allowed, byte ranges served, Content-Length and Content-Type as \
        declared, redirects counted, never from https to http. Results are cached for --remote-cache seconds.
        """)

    @OptionGroup var options: CatalogueOptions

    @OptionGroup var reporting: ReportOptions

    @Flag(help: "Also check the servers behind every URL (http and https only).")
    var remote = false

    @Option(help: "Seconds a remote result stays cached; 0 checks everything again.")
    var remoteCache: Double = 3600

    @Option(help: "How many URLs are checked at once.")
    var concurrency = 16

    @Option(help: "Seconds each URL may take before it is reported as not answering.")
    var timeout: Double = 20

    func validate() throws {
      guard concurrency >= 1, concurrency <= 256 else { throw ValidationError("--concurrency must be 1 to 256") }
      guard timeout > 0, remoteCache >= 0 else { throw ValidationError("--timeout must be above 0, --remote-cache 0 or more") }
    }

    func run() throws {
      var publisher = Publisher(
        catalogueURL: options.catalogueURL, outputURL: options.outputURL, options: BuildOptions(now: options.moment))
      // Read only: the last build's digests of local media spare reading them again.
      publisher.cache = .beside(options.outputURL, version: Podium.configuration.version)
      var remoteOptions: RemoteOptions?
      if remote {
        var configuration = LinkCheckConfiguration()
        configuration.maximumConcurrent = concurrency
        configuration.totalTimeout = timeout
        configuration.connectTimeout = min(configuration.connectTimeout, timeout)
        var progress: (@Sendable (Int, Int) -> Void)?
        if Terminal.isErrorInteractive {
          let bar = ProgressBar(label: "Checking URLs")
          progress = { done, total in bar.update(done, total) }
        }
        remoteOptions = RemoteOptions(configuration: configuration, cacheLifetime: remoteCache, progress: progress)
      }
      let report = publisher.validate(remote: remoteOptions)
      try ReportOutput(format: reporting.format, artifacts: .catalogue(options)).findings(report.findings)
      if remote, reporting.format == .text { print(RemoteSummary.text(report.remote)) }
      if reporting.timings { TimingsOutput.print(report.timings) }
      if report.blocksPublishing(strict: reporting.strict) { throw ExitCode.failure }
    }
  }
}
