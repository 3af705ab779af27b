import Foundation
import PodiumTestSupport
import Preview
import Testing

/// The served video index in real headless Chromium: its posters load from the local server, and
/// an open page reloads after a rebuild, showing the error page while the catalogue is broken.
@Suite(.serialized, .enabled(if: Browser.testsEnabled), .timeLimit(.minutes(5)))
struct PreviewBrowserTests {
  /// Every poster shown. A request that failed while the machine was busy (the image is complete
  /// but empty) is made again, at most once every two seconds, and one still loading after ten
  /// seconds (stalled while the whole suite ran) is started over, so a few quick polls can't
  /// spend the tries while the server is still busy: a poster the server can't serve still
  /// fails, when the wait runs out.
  static let postersLoaded = """
    const images = [...document.querySelectorAll('img.podium-poster')];
    images.forEach((i) => {
      i.loading = 'eager';
      if (!i.dataset.lastTry) { i.dataset.lastTry = Date.now(); }
      const since = Date.now() - Number(i.dataset.lastTry);
      const failed = i.complete && i.naturalWidth === 0 && since > 2000;
      const stalled = !i.complete && since > 10000;
      if (failed || stalled) { i.dataset.lastTry = Date.now(); i.src = i.src; }
    });
    return images.length > 0 && images.every((i) => i.complete && i.naturalWidth > 0)
    """

  @Test func theVideoIndexShowsItsPostersAndReloadsAfterARebuild() async throws {
    // `podium serve` in a process of its own, as a user runs it: a server in this process would
    // answer only when the other tests running beside it leave it a thread.
    let folder = try TemporaryFolder()
    let catalogue = folder.url.appendingPathComponent("episodes"), temporary = folder.url.appendingPathComponent("tmp")
    try FileManager.default.copyItem(at: ServedCatalogue.repositoryRoot.appendingPathComponent("episodes"), to: catalogue)
    try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
    let serve = try ServeProcess(catalogue: "episodes", in: folder.url, temporary: temporary)
    defer { serve.end() }
    let address = try await blocking { try serve.address() }
    let index = try #require(serve.urls(after: "video index").first)
    let browser = try await blocking { try Browser() }
    defer { browser.close() }

    try await blocking {
      try browser.open(index)
      try browser.waitUntil(timeout: 45, Self.postersLoaded)
    }
    let sources = try await blocking {
      try browser.execute("return [...document.querySelectorAll('img.podium-poster')].map((i) => i.currentSrc)")
    }
    let urls = sources.array?.compactMap(\.string) ?? []
    #expect(urls.count == 3)
    #expect(urls.allSatisfy { $0.hasPrefix(address + "/feeds/reportages/embed/images/posters/") })
    // Every request the page made went to the local server.
    #expect(try await blocking { try browser.requestedURLs() }.allSatisfy { $0.hasPrefix(address) || !$0.hasPrefix("http") })

    try await waitForSocket(browser, count: 1)
    _ = try await blocking { try browser.execute("window.podiumMarker = 1") }
    let show = catalogue.appendingPathComponent("reportages/show.yaml")
    let yaml = try String(contentsOf: show, encoding: .utf8)
    try Data(yaml.replacingOccurrences(of: "title: Allemaal politiek – reportages", with: "title: Reportages uit de buurt").utf8)
      .write(to: show)
    try await blocking {
      try browser.waitUntil(timeout: 45, "return window.podiumMarker === undefined && document.title === 'Reportages uit de buurt'")
      try browser.waitUntil(timeout: 45, Self.postersLoaded)
    }

    try await waitForSocket(browser, count: 2)
    try Data((yaml + "explicit: [\n").utf8).write(to: show)
    try await blocking {
      try browser.waitUntil(timeout: 45, "return document.querySelector('h1')?.textContent === 'The last build failed'")
    }
    let text = try await blocking { try browser.executeString("return document.body.textContent") } ?? ""
    #expect(text.contains("reportages/show.yaml"))

    try await waitForSocket(browser, count: 3)
    try Data(yaml.utf8).write(to: show)
    try await blocking { try browser.waitUntil(timeout: 45, Self.postersLoaded) }
    #expect(try await blocking { serve.interrupt() } == 0)
    #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).isEmpty)
  }

  /// The page loaded `count`-th has opened its reload socket (its script runs under the page's
  /// Content-Security-Policy), so the next rebuild reaches it through the open socket rather than
  /// when it connects.
  private func waitForSocket(_ browser: Browser, count: Int) async throws {
    @Sendable func opened() throws -> Int { try browser.webSocketHandshakes().filter { $0.contains("/_podium/reload") }.count }
    let seen = try await blocking {
      let deadline = Date().addingTimeInterval(30)
      while try opened() < count, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
      return try opened()
    }
    #expect(seen >= count)
  }
}
