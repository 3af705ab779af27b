import ArgumentParser
import Catalogue
import Foundation
import ObjectStore
import Publisher

extension Podium {
  struct Publish: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Build, then upload what changed to S3-compatible storage or a web server's folder.",
      discussion: """
        Runs every check of `build` first and publishes nothing when they fail. Media, artwork, transcripts, \
        chapters and posters go up first, feeds, sitemaps, the video index and the OPML last; only files whose \
        bytes changed are sent, and a published media file is never replaced. Credentials come from \
        AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN; the Podping token from PODPING_TOKEN. \
        See docs/publishing.md.
        """)

    @OptionGroup var options: CatalogueOptions

    @Option(help: ArgumentHelp(
      "Where to publish: s3://bucket/prefix, or a folder a web server serves (default: publish.bucket in podium.yaml).",
      valueName: "s3://bucket/prefix|DIR"))
    var to: String?

    @Option(help: "The S3 server's URL (default: publish.endpoint).")
    var endpoint: String?

    @Option(help: "The region requests are signed for (default: publish.region, else us-east-1).")
    var region: String?

    @Option(
      name: .customLong("part-size-mib"),
      help: ArgumentHelp(
        "S3 only: files larger than this go up in parts of this size, \(PublishSettings.partSizeMiBRange.lowerBound) "
          + "to \(PublishSettings.partSizeMiBRange.upperBound) (default: publish.part_size_mib, else "
          + "\(S3Store.Limits().partSize >> 20)).",
        valueName: "MiB"))
    var partSizeMiB: Int?

    @Flag(help: "Build and compare, then print what would be uploaded and skipped; upload nothing.")
    var dryRun = false

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    @Flag(help: "Fail on warnings of the build too.")
    var strict = false

    @Flag(help: "Don't tell the WebSub hub or Podping.")
    var noNotify = false

    @OptionGroup var guards: RecordGuardOptions

    func validate() throws {
      if let to, to.hasPrefix("s3://"), StoreTarget.parse(to) == nil {
        throw ValidationError("--to '\(to)' is not s3://bucket or s3://bucket/prefix")
      }
      let range = PublishSettings.partSizeMiBRange
      if let partSizeMiB, !range.contains(partSizeMiB) {
        throw ValidationError(
          "--part-size-mib must be between \(range.lowerBound) and \(range.upperBound) (5 MiB to 5 GiB, the part "
            + "sizes S3 accepts), not \(partSizeMiB)")
      }
    }

    func run() throws {
      let buildOptions = guards.buildOptions(now: options.moment, strict: strict)
      var publisher = Publisher(catalogueURL: options.catalogueURL, outputURL: options.outputURL, options: buildOptions)
      // For the digests of local media only: a publish's build does not skip work (docs/architecture.md).
      publisher.cache = .beside(options.outputURL, version: Podium.configuration.version)
      var publishOptions = PublishOptions()
      publishOptions.dryRun = dryRun
      publishOptions.notify = !noNotify
      publishOptions.podpingToken = ProcessInfo.processInfo.environment["PODPING_TOKEN"]
      let bar = format == .text && Terminal.isErrorInteractive && !dryRun ? ProgressBar(label: "Uploading") : nil
      var progress: Publisher.PublishProgress?
      if let bar {
        progress = { sent, total in bar.update(Int(sent / 1024), Int(max(1, total / 1024))) }
      }
      let target = StoreTarget(
        to: to, endpoint: endpoint, region: region, partSizeMiB: partSizeMiB, catalogue: options.catalogueURL)
      let makeStore = { (settings: PublishSettings) throws(ObjectStoreError) -> any ObjectStore in
        try target.makeStore(settings)
      }
      let report = try publisher.publish(options: publishOptions, progress: progress, store: makeStore)
      try PublishOutput(format: format, output: options.output).print(report)
      if !report.succeeded { throw ExitCode.failure }
    }
  }
}
