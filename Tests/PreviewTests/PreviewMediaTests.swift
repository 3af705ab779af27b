import Foundation
import PodiumTestSupport
import Preview
import Testing

/// `/media/` serves the catalogue files the served build names and nothing else: with `--host`,
/// a draft's media or a file no episode names would otherwise be on the network before its time.
@Suite(.timeLimit(.minutes(2)))
struct PreviewMediaTests {
  static let published = "2024-03-14-de-buurt-beslist"
  static let draft = "2024-04-11-nog-niet-klaar"
  static let scheduled = "2026-06-01-later-dit-jaar"

  @Test func onlyThePublishedEpisodesFilesAreServed() async throws {
    try await ServedCatalogue.serving { fixture in
      try fixture.addEpisode(extra: "artwork: art/\(Self.published).jpg\nposter: posters/\(Self.published).jpg")
      try fixture.folder.write(
        "episodes/gesprekken/art/\(Self.published).jpg", SampleMedia.jpeg(width: 1400, height: 1400))
      try fixture.folder.write(
        "episodes/gesprekken/posters/\(Self.published).jpg", SampleMedia.jpeg(width: 1280, height: 720))
      try fixture.addEpisode(
        Self.draft, title: "Nog niet klaar", date: "2024-04-11T09:00:00+02:00",
        guid: "0b7c2f9e-4d3a-4c1b-8e2f-3a4b5c6d7e8f", extra: "draft: true")
      try fixture.addEpisode(
        Self.scheduled, title: "Later dit jaar", date: "2026-06-01T09:00:00+02:00",
        guid: "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d")
      try fixture.folder.write("episodes/gesprekken/media/stray.mp3", SampleMedia.mp3(seconds: 5))
      try fixture.folder.write("episodes/gesprekken/posters/unused.jpg", SampleMedia.jpeg(width: 1280, height: 720))
    } body: { served in
      #expect(served.server.firstBuild.succeeded, "\(served.server.firstBuild.report.findings)")
      let feed = try await served.get("/feeds/gesprekken/feed.xml").text
      for path in [
        "gesprekken/media/\(Self.published).mp3", "gesprekken/artwork.jpg", "gesprekken/art/\(Self.published).jpg",
        "gesprekken/posters/\(Self.published).jpg",
      ] {
        #expect(feed.contains("\"\(served.url("/media/" + path))\""), "the feed names \(path)")
        let response = try await served.get("/media/" + path)
        #expect(response.status == 200, "\(path)")
        #expect(response.body == (try Data(contentsOf: served.catalogue.appendingPathComponent(path))), "\(path)")
        #expect(try await served.get("/media/" + path, method: "HEAD").status == 200, "\(path)")
      }
      for path in [
        "gesprekken/media/\(Self.draft).mp3", "gesprekken/media/\(Self.scheduled).mp3", "gesprekken/media/stray.mp3",
        "gesprekken/posters/unused.jpg", "gesprekken/posters/", "gesprekken/media/",
      ] {
        #expect(served.folder.exists("episodes/" + path), "\(path) is in the catalogue")
        for method in ["GET", "HEAD"] {
          #expect(try await served.get("/media/" + path, method: method).status == 404, "\(method) \(path)")
        }
      }
    }
  }

  @Test func anEpisodeAddedToTheCatalogueHasItsMediaServedOnceItIsBuilt() async throws {
    try await ServedCatalogue.serving { served in
      let path = "/media/gesprekken/media/2024-04-11-het-plein.mp3"
      // The file alone is not enough: no episode names it yet.
      try served.folder.write("episodes/gesprekken/media/2024-04-11-het-plein.mp3", SampleMedia.mp3(seconds: 30))
      let withFile = try await served.build(after: 1)
      #expect(withFile.succeeded)
      #expect(try await served.get(path).status == 404)
      try served.folder.write("episodes/gesprekken/2024-04-11-het-plein.md", """
        ---
        title: Het plein
        date: 2024-04-11T09:00:00+02:00
        guid: 2d4e6f80-1a3c-4e5f-8a7b-9c0d1e2f3a4b
        media:
          url: media/2024-04-11-het-plein.mp3
          type: audio/mpeg
          duration: 30
        ---
        Het plein na de heraanleg.

        """)
      let withEpisode = try await served.build(after: withFile.number)
      #expect(withEpisode.succeeded, "\(withEpisode.report.findings)")
      let media = try await served.get(path)
      #expect(media.status == 200)
      #expect(media.body == (try served.folder.read("episodes/gesprekken/media/2024-04-11-het-plein.mp3")))
      #expect(try await served.get("/feeds/gesprekken/feed.xml").text.contains(served.url(path)))
      // The episode that was there is still served.
      #expect(try await served.get(PreviewHTTPTests.mediaPath).status == 200)
    }
  }

  /// On the repository's catalogue (audio and video, alternates, posters, a draft and a scheduled
  /// episode): a catalogue file is served under `/media/` exactly when something the build wrote
  /// (feeds, the video index and its pages, the OPML) links to it there.
  @Test func everyFileTheBuildLinksToIsServedAndNoOther() async throws {
    try await ServedCatalogue.serving(repositoryCatalogue: true) { served in
      #expect(served.server.firstBuild.succeeded)
      let prefix = served.url("/media/")
      let built = served.server.workspace.appendingPathComponent("build-\(served.server.firstBuild.number)")
      var linked: Set<String> = []
      for (_, data) in try TemporaryFolder.snapshot(of: built) {
        // JSON may write `/` as `\/`.
        let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\\/", with: "/")
        for part in text.components(separatedBy: prefix).dropFirst() {
          let path = String(part.prefix { !"\"'<> \n)".contains($0) })
          linked.insert(path.removingPercentEncoding ?? path)
        }
      }
      var answered: Set<String> = []
      let files = try #require(FileManager.default.subpaths(atPath: served.catalogue.path))
      for file in files.sorted() {
        var isFolder: ObjCBool = false
        FileManager.default.fileExists(atPath: served.catalogue.appendingPathComponent(file).path, isDirectory: &isFolder)
        guard !isFolder.boolValue else { continue }
        let path = "/media/" + (file.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? file)
        if try await served.get(path, method: "HEAD").status == 200 { answered.insert(file) }
      }
      #expect(linked.contains("reportages/posters/2024-09-26-stemmen-zonder-stemrecht.jpg"))
      #expect(linked.contains("reportages/media/2024-09-26-stemmen-zonder-stemrecht.webm"))
      #expect(!answered.contains("gesprekken/media/2024-11-07-huiswerk-in-de-bib.mp3"), "a draft")
      #expect(!answered.contains("gesprekken/media/2027-01-15-vooruitblik-op-het-nieuwe-seizoen.mp3"), "scheduled")
      #expect(answered == linked, "served but not linked: \(answered.subtracting(linked)); linked but not served: \(linked.subtracting(answered))")
    }
  }
}
