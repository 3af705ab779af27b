import AtomicOutput
import Catalogue
import Diagnostics
import FeedRules
import FeedWriter
import Foundation
import Parallel
import ShowNotes
import VideoSite

/// Renders every output of a build into memory and lists the feeds and sitemaps to check. Nothing here
/// touches the output folder, so a problem found at any point leaves it as it was.
struct OutputRenderer {
  let catalogue: Catalogue
  let options: BuildOptions
  let podcastGUIDs: [String: String]
  /// The output folder's name, for the location of feed findings.
  let outputName: String

  struct Result {
    var tree = OutputTree()
    var findings: [Finding] = []
    /// The feeds and video sitemaps written, for their rules.
    var checked: [CheckedOutput] = []
  }

  func render() -> Result {
    var result = Result()
    let renderer = ShowNotesRenderer()
    for show in catalogue.shows {
      let published = PodcastFeedWriter.order(
        show.episodes.filter { $0.status(at: options.now) == .published })
      // Everything per episode happens in one pass on every core: notes and the chapters file.
      let prepared = ParallelMap.map(published) { episode in
        (FeedEpisode(episode: episode, notes: renderer.render(markdown: episode.notes)),
         Swift.Result<Data?, Error> { episode.chapters.isEmpty ? nil : try ChaptersWriter.write(episode, show: show) })
      }
      let rendered = prepared.map { $0.0 }
      for item in rendered { result.findings += notesFindings(item) }
      do {
        try add(show: show, episodes: rendered, chapters: try prepared.map { try $0.1.get() }, to: &result)
      } catch {
        result.findings.append(PublishRules.output.finding("\(show.slug): \(error)", at: SourceLocation(file: show.file)))
      }
    }
    // The publication record is encoded by `Publisher.build` while the feeds are checked: a
    // validation never writes it.
    do {
      try result.tree.add("feeds.opml", try OPMLWriter.write(catalogue))
    } catch {
      result.findings.append(PublishRules.output.finding("\(error)", at: SourceLocation(file: "\(outputName)/feeds.opml")))
    }
    return result
  }

  private func add(show: Show, episodes: [FeedEpisode], chapters: [Data?], to result: inout Result) throws {
    let guid = podcastGUIDs[show.slug] ?? ""
    let feed = try PodcastFeedWriter(catalogue: catalogue, show: show, podcastGUID: guid).write(episodes)
    let feedPath = "\(show.slug)/\(OutputPaths.feed)"
    try result.tree.add(feedPath, feed)
    result.checked.append(CheckedOutput(file: "\(outputName)/\(feedPath)", data: feed, rules: .feed(.podcast)))
    if show.medium == .video {
      for file in try VideoSiteWriter(catalogue: catalogue, show: show).write(episodes) {
        try result.tree.add("\(show.slug)/\(file.path)", file.data)
        let rules: CheckedOutput.Rules? =
          switch file.path {
          case VideoPaths.mediaRSS: .feed(.rss)
          case VideoPaths.sitemap: .videoSitemap
          default: nil
          }
        if let rules {
          result.checked.append(CheckedOutput(file: "\(outputName)/\(show.slug)/\(file.path)", data: file.data, rules: rules))
        }
      }
    }
    var transcriptSources: [String: String] = [:]
    for (item, chaptersFile) in zip(episodes, chapters) {
      let episode = item.episode
      if let chaptersFile { try result.tree.add("\(show.slug)/\(OutputPaths.chapters(episode))", chaptersFile) }
      for transcript in episode.transcripts {
        let path = "\(show.slug)/\(OutputPaths.transcript(transcript))"
        // Episodes may share one transcript file; two different files may not share one URL.
        if let other = transcriptSources[path] {
          guard other == transcript.file else {
            throw OutputError(.duplicatePath("\(path) (from \(other) and \(transcript.file); rename one)"))
          }
          continue
        }
        transcriptSources[path] = transcript.file
        try result.tree.add(path, try Data(contentsOf: catalogue.fileURL(for: transcript.file, in: show)))
      }
    }
  }

  private func notesFindings(_ item: FeedEpisode) -> [Finding] {
    let location = SourceLocation(file: item.episode.file, line: item.episode.notesLine)
    return item.notes.removals.map { removal in
      PublishRules.notesHTML.finding("show notes: \(removal); podcast apps don't allow it, so it was left out", at: location)
    }
  }
}
