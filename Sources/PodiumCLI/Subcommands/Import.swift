import ArgumentParser
import Catalogue
import Foundation
import Importer

extension Podium {
  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Bring an existing podcast into the catalogue from its RSS feed, keeping every GUID and media URL.",
      discussion: """
        Writes <show>/show.yaml and one <date>-<slug>.md per episode (into a new catalogue, or beside the shows of an \
        existing one), fetches chapters and transcripts, and seeds the publication record in the output folder, so the \
        first build keeps the show's podcast:guid and every episode's GUID and enclosure URL. Everything the catalogue \
        can't hold is listed per episode. Nothing is written when the feed can't be imported. See docs/migrating.md.
        """)

    @OptionGroup var options: CatalogueOptions

    @Argument(help: "The old feed: its http(s) address or a file.")
    var feed: String

    @Option(help: "The new show's folder name (default: from the feed's title).")
    var show: String?

    @Flag(help: "Fetch the media into <show>/media/ (resumable, checked against the feed's length and type).")
    var downloadMedia = false

    @Flag(help: "Don't ask the media servers for each file's size and type, nor read its duration from it.")
    var noProbe = false

    @Option(help: "The old feed's address, when importing a file that names none (for the show's podcast:guid).")
    var feedURL: String?

    @Option(help: "Refuse a feed with more episodes than this.")
    var maxEpisodes = ImportLimits().maximumEpisodes

    @Option(help: "MiB of chapters and transcripts fetched in all; past it, the rest are listed as lost.")
    var maxFetchMib = ImportLimits().maximumSideBytes / (1024 * 1024)

    @Option(help: "Seconds for fetching chapters and transcripts and checking media in all; past them, the rest are listed.")
    var networkSeconds = ImportLimits().maximumNetworkSeconds

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    func validate() throws {
      if let show, Slug.make(show) != show { throw ValidationError("--show must be lower-case letters, digits and dashes") }
      if maxEpisodes < 1 { throw ValidationError("--max-episodes must be at least 1") }
      if maxFetchMib < 0 || maxFetchMib > Int.max / (1024 * 1024) { throw ValidationError("--max-fetch-mib must be 0 or more") }
      if !(networkSeconds >= 0) || !networkSeconds.isFinite { throw ValidationError("--network-seconds must be 0 or more") }
    }

    func run() throws {
      let source: ImportSource
      do {
        switch try FeedSource(feed) {
        case .file(let path): source = .file(path: path)
        case .remote(let url): source = .remote(url: url.absoluteString)
        }
      } catch {
        throw ValidationError(error.errorDescription ?? "\(error)")
      }
      var importOptions = ImportOptions(now: options.moment)
      importOptions.showSlug = show
      importOptions.downloadMedia = downloadMedia
      importOptions.probeMedia = !noProbe
      importOptions.feedURL = feedURL
      importOptions.limits.maximumEpisodes = maxEpisodes
      importOptions.limits.maximumSideBytes = maxFetchMib * 1024 * 1024
      importOptions.limits.maximumNetworkSeconds = networkSeconds
      if downloadMedia, format == .text, Terminal.isErrorInteractive {
        let bar = ProgressBar(label: "media")
        importOptions.progress = { done, total in bar.update(done, total) }
      }
      let importer = FeedImporter(catalogueURL: options.catalogueURL, outputURL: options.outputURL, options: importOptions)
      let report: ImportReport
      do {
        report = try importer.run(source)
      } catch {
        FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
        throw ExitCode.failure
      }
      switch format {
      case .json: print(try JSONOutput.string(report))
      case .text: print(ImportOutput.text(report))
      }
    }
  }
}
