import Catalogue
import FeedWriter
import Foundation
import PodiumTestSupport
import ShowNotes
import Testing
import VideoSite

/// The campaign's video show as the embed serves it, on three loopback origins: the feeds
/// (index, script, data, posters, captions), the media (the video files) and a host page of a
/// partner's site. The catalogue is the real one in `episodes/`, with its URLs pointed at the
/// servers, plus a YouTube video and an episode with a hostile title.
final class EmbedSite {
  static let hostileTitle = "<img src=x onerror=alert(1)>"
  static let youTubeID = "dQw4w9WgXcQ"

  let folder: TemporaryFolder
  let feeds: TestHTTPServer
  let media: TestHTTPServer
  let host: TestHTTPServer
  let catalogue: Catalogue
  let show: Show
  /// The show's videos as the index lists them: newest first.
  let videos: [Episode]

  static var repositoryRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  }

  init() throws {
    folder = try TemporaryFolder()
    (feeds, media, host) = (try TestHTTPServer(), try TestHTTPServer(), try TestHTTPServer())
    var catalogue = try #require(CatalogueLoader(root: Self.repositoryRoot.appendingPathComponent("episodes")).load().catalogue)
    catalogue.site.baseURL = feeds.baseURL + "/"
    catalogue.site.mediaBaseURL = media.baseURL + "/"
    let index = try #require(catalogue.shows.firstIndex { $0.slug == "reportages" })
    catalogue.shows[index].episodes += try Self.extraEpisodes(catalogue.shows[index])
    self.catalogue = catalogue
    show = catalogue.shows[index]
    let now = try #require(Timestamp.parse("2026-01-01T00:00:00Z"))
    videos = PodcastFeedWriter.order(show.episodes.filter { $0.status(at: now) == .published })

    let renderer = ShowNotesRenderer()
    let episodes = try videos.map { FeedEpisode(episode: $0, notes: renderer.render(markdown: try $0.loadNotes())) }
    for file in try VideoSiteWriter(catalogue: catalogue, show: show).write(episodes) {
      try folder.write("feeds/\(show.slug)/\(file.path)", file.data)
    }
    for transcript in videos.flatMap(\.transcripts) {
      let data = try Data(contentsOf: catalogue.fileURL(for: transcript.file, in: show))
      try folder.write("feeds/\(show.slug)/\(OutputPaths.transcript(transcript))", data)
    }
    // The WebVTT chapters, which the build writes beside the JSON ones.
    for episode in videos where !Chapter.listed(episode.chapters).isEmpty {
      try folder.write("feeds/\(show.slug)/\(OutputPaths.chaptersVTT(episode))", ChapterDialects.webVTT(episode))
    }
    feeds.serve(directory: folder.url.appendingPathComponent("feeds"))
    media.serve(directory: Self.repositoryRoot.appendingPathComponent("episodes"))
    // The web component on another site reads index.json and the captions across origins.
    feeds.extraHeaders = ["Access-Control-Allow-Origin": "*"]
    media.extraHeaders = ["Access-Control-Allow-Origin": "*"]
  }

  /// A partner's debate on YouTube, and a copy of a reportage whose title is an attack.
  private static func extraEpisodes(_ show: Show) throws -> [Episode] {
    var external = Episode(
      file: "reportages/2024-10-10-debat-op-youtube.md", slug: "debat-op-youtube", title: "Debat: wie beslist in de gemeenteraad?",
      date: try #require(Timestamp.parse("2024-10-10T20:00:00+02:00")), guid: "test-youtube", media: nil)
    external.external = ExternalVideo.parse("https://www.youtube.com/watch?v=\(youTubeID)", duration: 212)
    external.poster = Poster(
      reference: .local(path: "posters/2024-09-26-stemmen-zonder-stemrecht.jpg"), width: 1280, height: 720, type: "image/jpeg")
    external.themes = ["democratie"]
    var hostile = try #require(show.episodes.first { $0.slug == "fietsles-voor-volwassenen" })
    hostile.file = "reportages/2024-02-01-hostile.md"
    hostile.title = hostileTitle
    hostile.guid = "test-hostile"
    hostile.date = try #require(Timestamp.parse("2024-02-01T10:00:00+01:00"))
    return [external, hostile]
  }

  var indexURL: String { feeds.url("/\(show.slug)/embed/") }
  var indexJSON: String { feeds.url("/\(show.slug)/embed/index.json") }
  var script: String { feeds.url("/\(show.slug)/embed/embed.js") }

  /// The public URL of an episode's main video file.
  func videoURL(_ episode: Episode) throws -> String {
    catalogue.publicURL(for: try #require(episode.media).reference, in: show)
  }

  /// A partner's page with the web component, and CSS that tries to restyle everything on it.
  func serveHostilePage() -> String {
    host.route("/component.html", .text("""
      <!doctype html>
      <html lang="nl"><head><meta charset="utf-8"><title>Partner</title>
      <style>
      * { all: unset !important; display: inline !important; color: red !important; font-size: 3px !important;
          font-family: fantasy !important; line-height: 0 !important; }
      html { font-size: 3px !important; }
      button, img, li, video { display: none !important; }
      podium-video-index { font: 40px/3 cursive !important; color: lime !important; letter-spacing: 1em !important; }
      </style>
      <script src="\(script)" defer></script>
      </head><body>
      <h1>Een partner van de campagne</h1>
      <podium-video-index src="\(indexJSON)"><a href="\(indexURL)">Video's</a></podium-video-index>
      </body></html>
      """, type: "text/html; charset=utf-8"))
    return host.url("/component.html")
  }

  /// A partner's page with the index in an iframe and the resize snippet from docs/embed.md.
  func serveFramePage() throws -> String {
    let docs = try String(contentsOf: Self.repositoryRoot.appendingPathComponent("docs/embed.md"), encoding: .utf8)
    let section = try #require(docs.range(of: "## The index in an iframe"))
    let start = try #require(docs.range(of: "```html\n", range: section.upperBound..<docs.endIndex))
    let end = try #require(docs.range(of: "```", range: start.upperBound..<docs.endIndex))
    let snippet = String(docs[start.upperBound..<end.lowerBound])
      .replacingOccurrences(of: "https://feeds.example.org/reportages/embed/", with: indexURL)
      .replacingOccurrences(of: "https://feeds.example.org", with: feeds.baseURL)
    host.route("/frame.html", .text("""
      <!doctype html>
      <html lang="nl"><head><meta charset="utf-8"><title>Partner</title>
      <style>body { margin: 0 }</style></head><body>
      <script>addEventListener("message", (e) => { window.podiumHeights = (window.podiumHeights || []).concat(e.data.height) })</script>
      \(snippet)
      </body></html>
      """, type: "text/html; charset=utf-8"))
    return host.url("/frame.html")
  }
}
