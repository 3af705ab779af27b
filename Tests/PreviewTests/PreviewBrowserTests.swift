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
    try await ServedCatalogue.serving(repositoryCatalogue: true) { served in
      let index = try #require(served.server.firstBuild.shows.compactMap(\.videoIndexURL).first)
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
      #expect(urls.allSatisfy { $0.hasPrefix(served.url("/feeds/reportages/embed/images/posters/")) })
      // Every request the page made went to the local server.
      #expect(try await blocking { try browser.requestedURLs() }.allSatisfy { $0.hasPrefix(served.server.address) || !$0.hasPrefix("http") })

      try await waitForListener(served)
      _ = try await blocking { try browser.execute("window.podiumMarker = 1") }
      let show = served.catalogue.appendingPathComponent("reportages/show.yaml")
      let yaml = try String(contentsOf: show, encoding: .utf8)
      try Data(yaml.replacingOccurrences(of: "title: Allemaal politiek – reportages", with: "title: Reportages uit de buurt").utf8)
        .write(to: show)
      try await blocking {
        try browser.waitUntil(timeout: 30, "return window.podiumMarker === undefined && document.title === 'Reportages uit de buurt'")
        try browser.waitUntil(timeout: 45, Self.postersLoaded)
      }

      try await waitForListener(served)
      try Data((yaml + "explicit: [\n").utf8).write(to: show)
      try await blocking {
        try browser.waitUntil(timeout: 30, "return document.querySelector('h1')?.textContent === 'The last build failed'")
      }
      let text = try await blocking { try browser.executeString("return document.body.textContent") } ?? ""
      #expect(text.contains("reportages/show.yaml"))

      try await waitForListener(served)
      try Data(yaml.utf8).write(to: show)
      try await blocking { try browser.waitUntil(timeout: 45, Self.postersLoaded) }
    }
  }

  /// The page's socket is open (the reload script runs under the page's Content-Security-Policy).
  private func waitForListener(_ served: ServedCatalogue) async throws {
    for _ in 0..<300 where served.server.reloadListeners == 0 { try await Task.sleep(for: .milliseconds(50)) }
    #expect(served.server.reloadListeners > 0)
  }
}
