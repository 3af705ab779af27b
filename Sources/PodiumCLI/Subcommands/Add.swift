import ArgumentParser
import Catalogue
import Foundation

extension Podium {
  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Create an episode file from a media file, an https URL, or a YouTube or Vimeo video, with a new permanent GUID.",
      discussion: """
        A local file outside the show folder is copied to <show>/media/. Its size, type, duration and title are read \
        from the file itself; the episode number follows the show's last one. A YouTube or Vimeo URL (video shows \
        only) becomes `external:`, shown in the video index behind a click-to-load facade; give it --duration and a \
        --poster. A missing title is asked for on a terminal.
        """)

    @OptionGroup var options: CatalogueOptions

    @Argument(help: "A media file, an https URL, or a YouTube or Vimeo video URL.")
    var media: String

    @Option(help: "The show's folder name (needed when there are several shows).")
    var show: String?

    @Option(help: "The episode title.")
    var title: String?

    @Option(help: "Publication date and time with zone (default: now).")
    var date: String?

    @Option(help: "The file name part after the date (default: from the title).")
    var slug: String?

    @Option(help: "Duration in seconds or H:MM:SS.")
    var duration: String?

    @Option(help: "Size in bytes (remote media only).")
    var length: Int64?

    @Option(help: "MIME type (default: from the extension).")
    var type: String?

    @Option(help: "Season number.")
    var season: Int?

    @Option(help: "Episode number (default: the show's last plus one).")
    var episode: Int?

    @Option(help: "A still for a video (JPEG, PNG or WebP), copied to <show>/posters/.")
    var poster: String?

    @Flag(help: "Keep it out of the feeds for now.")
    var draft = false

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    func validate() throws {
      if let date, Timestamp.parse(date) == nil {
        throw ValidationError("--date '\(date)' is not like 2024-03-14T09:00:00+01:00")
      }
      if let duration, DurationParser.wholeSeconds(from: duration) == nil {
        throw ValidationError("--duration '\(duration)' is not seconds or H:MM:SS")
      }
    }

    func run() throws {
      let loaded = CatalogueLoader(root: options.catalogueURL).load()
      guard let catalogue = loaded.catalogue else {
        try ReportOutput(format: .text).findings(loaded.findings)
        throw ExitCode.failure
      }
      let slugs = catalogue.shows.map(\.slug)
      guard let show = show ?? (slugs.count == 1 ? slugs.first : Terminal.ask("Show (\(slugs.joined(separator: ", ")))"))
      else { throw ValidationError("there are several shows; choose one with --show (\(slugs.joined(separator: ", ")))") }
      let suggested = NewEpisode.suggestedTitle(for: media)
      var new = NewEpisode(
        show: show, media: media, title: title ?? Terminal.ask("Title", default: suggested) ?? suggested,
        date: date.flatMap(Timestamp.parse) ?? options.moment)
      new.slug = slug
      let remote = media.lowercased().hasPrefix("https://")
      new.duration = (duration ?? (remote ? Terminal.ask("Duration (seconds or H:MM:SS)") : nil))
        .flatMap { DurationParser.wholeSeconds(from: $0) }
      new.length = length
      new.type = type
      new.season = season
      new.number = episode
      new.draft = draft
      new.poster = poster
      do {
        let result = try new.create(in: catalogue)
        switch format {
        case .json:
          print(try JSONOutput.string(["file": result.file.relativePath, "guid": result.guid]))
        case .text:
          if let copied = result.copiedMedia { print("copied the media to \(copied.relativePath)") }
          if let copied = result.copiedPoster { print("copied the poster to \(copied.relativePath)") }
          print("created \(result.file.relativePath) with guid \(result.guid)")
        }
      } catch let problem as NewEpisode.Problem {
        throw ValidationError(problem.description)
      }
    }
  }
}
