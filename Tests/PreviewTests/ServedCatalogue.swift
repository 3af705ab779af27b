import Catalogue
import Foundation
import PodiumTestSupport
import Preview
import Publisher
import Testing

/// A catalogue in a test's own folder, served by a real ``PreviewServer`` on 127.0.0.1 (any free
/// port), whose private folder is made in the test's folder too (`work/`).
struct ServedCatalogue {
  let folder: TemporaryFolder
  let catalogue: URL
  let server: PreviewServer
  var work: URL { folder.url.appendingPathComponent("work") }

  static let now = Timestamp.parse("2026-01-01T00:00:00Z")!

  /// The fixture catalogue with one audio episode (a real MP3), or the repository's own
  /// `episodes/` (audio and video shows, posters, transcripts, chapters) copied in.
  private static func start(repositoryCatalogue: Bool = false, prepare: (CatalogueFixture) throws -> Void = { _ in })
    async throws -> ServedCatalogue
  {
    let fixture = try CatalogueFixture()
    if repositoryCatalogue {
      try FileManager.default.removeItem(at: fixture.catalogue)
      try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("episodes"), to: fixture.catalogue)
    } else {
      try fixture.addEpisode()
    }
    try prepare(fixture)
    let work = fixture.folder.url.appendingPathComponent("work")
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    let server = try await PreviewServer.start(
      catalogue: fixture.catalogue, port: 0, workspace: work, pollInterval: .milliseconds(100)
    ) { BuildOptions(now: now) }
    return ServedCatalogue(folder: fixture.folder, catalogue: fixture.catalogue, server: server)
  }

  /// Serves the catalogue for `body` and stops the server before returning, so that the
  /// test's folder is removed when it ends (a stop left to an unawaited task could outlive
  /// the test process and leave the folder behind).
  static func serving(
    repositoryCatalogue: Bool = false, prepare: (CatalogueFixture) throws -> Void = { _ in },
    body: (ServedCatalogue) async throws -> Void
  ) async throws {
    let served = try await start(repositoryCatalogue: repositoryCatalogue, prepare: prepare)
    do {
      try await body(served)
    } catch {
      await served.server.stop()
      throw error
    }
    await served.server.stop()
  }

  static var repositoryRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  }

  func url(_ path: String) -> String { server.address + path }

  func get(_ path: String, method: String = "GET", headers: [String: String] = [:]) async throws -> Curl.Response {
    try await Curl.get(url(path), method: method, headers: headers)
  }

  /// Waits for the build after `number` (the watcher sees the change, waits for it to settle, builds).
  func build(after number: Int) async throws -> PreviewBuild {
    for _ in 0..<600 {
      let build = server.latestBuild
      if build.number > number { return build }
      try await Task.sleep(for: .milliseconds(50))
    }
    throw Curl.Failure(message: "no build after build \(number) within 30 seconds")
  }
}
