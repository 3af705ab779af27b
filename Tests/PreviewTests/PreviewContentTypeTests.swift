import Foundation
import PodcastVocabulary
import PodiumTestSupport
import Preview
import Testing

/// Every kind of file Podium publishes, served with its type: the repository's catalogue has
/// them all (audio and video shows, transcripts, chapters, posters, the video index).
@Suite(.timeLimit(.minutes(2)))
struct PreviewContentTypeTests {
  static let types: [(String, String)] = [
    ("/feeds/gesprekken/feed.xml", "application/rss+xml"),
    ("/feeds/reportages/media.xml", "application/rss+xml"),
    ("/feeds/reportages/video-sitemap.xml", "text/xml; charset=utf-8"),
    ("/feeds/feeds.opml", "text/xml; charset=utf-8"),
    ("/feeds/gesprekken/chapters/2024-02-22-herstellen-in-plaats-van-weggooien.json", "application/json+chapters"),
    ("/feeds/gesprekken/transcripts/2024-02-22-herstellen-in-plaats-van-weggooien.vtt", "text/vtt; charset=utf-8"),
    ("/feeds/reportages/embed/", "text/html; charset=utf-8"),
    ("/feeds/reportages/embed/index.json", "application/json"),
    ("/feeds/reportages/embed/embed.js", "text/javascript; charset=utf-8"),
    ("/feeds/reportages/embed/images/posters/2024-09-26-stemmen-zonder-stemrecht.jpg", "image/jpeg"),
    ("/feeds/reportages/embed/2024-09-26-stemmen-zonder-stemrecht/", "text/html; charset=utf-8"),
    ("/feeds/reportages/embed/2024-09-26-stemmen-zonder-stemrecht/oembed.json", "application/json"),
    ("/media/gesprekken/media/2024-02-22-herstellen-in-plaats-van-weggooien.mp3", "audio/mpeg"),
    ("/media/gesprekken/artwork.jpg", "image/jpeg"),
    ("/media/reportages/media/2024-09-26-stemmen-zonder-stemrecht.mp4", "video/mp4"),
    ("/media/reportages/media/2024-09-26-stemmen-zonder-stemrecht-audio.m4a", "audio/x-m4a"),
    ("/media/reportages/media/2024-09-26-stemmen-zonder-stemrecht.webm", "video/webm"),
  ]

  @Test func everyPublishedFileHasItsType() async throws {
    try await ServedCatalogue.serving(repositoryCatalogue: true) { served in
      #expect(served.server.firstBuild.succeeded, "\(served.server.firstBuild.report.findings.filter { $0.severity == .error })")
      for (path, type) in Self.types {
        let response = try await served.get(path, method: "HEAD")
        #expect(response.status == 200, "\(path)")
        #expect(response["Content-Type"] == type, "\(path)")
      }
      // The reload script is added to the pages as they are served, not to what the build wrote.
      #expect(try await served.get("/feeds/reportages/embed/").text.contains("<script src=\"/_podium/reload.js?build=1\"></script>"))
      let built = served.server.workspace.appendingPathComponent("build-1/reportages/embed/index.html")
      #expect(!(try String(contentsOf: built, encoding: .utf8)).contains("_podium"))
      let shows = served.server.firstBuild.shows
      #expect(shows.map(\.slug) == ["gesprekken", "reportages"])
      #expect(shows.map(\.videoIndexURL) == [nil, served.url("/feeds/reportages/embed/")])
      #expect(shows.map(\.mediaRSSURL) == [nil, served.url("/feeds/reportages/media.xml")])
    }
  }

  /// The same table publishing uploads with, for names the repository's catalogue doesn't have.
  @Test(arguments: [
    ("show/transcripts/a.srt", "application/x-subrip"), ("show/cover.png", "image/png"), ("show/a.txt", "text/plain; charset=utf-8"),
    ("show/chapters.json", "application/json"), ("a/chapters/b.JSON", "application/json+chapters"),
    ("FEED.XML", "application/rss+xml"), ("show/media/a.opus", "audio/opus"), ("README", "application/octet-stream"),
    ("show/media/a.mp3.part", "application/octet-stream"),
  ])
  func contentTypeByPath(_ path: String, _ type: String) {
    #expect(MediaTypes.contentType(forPath: path) == type)
  }
}
