import Diagnostics
import Foundation
import PodiumXML

/// What `podium serve` adds to the pages it serves, and never to what `build` writes: the script
/// that reloads a page after a rebuild, and the pages of its own (the start page and the error
/// page). Text goes through the one HTML escaping path.
enum LivePage {
  static let scriptPath = "/_podium/reload.js"

  /// Loaded from the server's own origin, which the pages' Content-Security-Policy allows for
  /// scripts and connections ('self'); an inline script would be refused. The build the page
  /// came from rides along from the script's URL to the socket's.
  static let script = """
    // podium serve: reload this page when the catalogue has been built again.
    (() => {
      const build = new URL(document.currentScript.src).searchParams.get('build') || '';
      const connect = () => {
        const url = new URL('\(ReloadHub.path)', location.href);
        url.searchParams.set('build', build);
        const socket = new WebSocket(url.href.replace(/^http/, 'ws'));
        socket.onmessage = (event) => { if (event.data === '\(ReloadHub.message)') location.reload(); };
        socket.onclose = () => setTimeout(connect, 1000);
      };
      connect();
    })();

    """

  static func scriptTag(build: Int) -> String {
    "<script src=\"\(HTMLEscaping.attribute("\(scriptPath)?build=\(build)"))\"></script>"
  }

  /// A built page with the reload script added before `</head>` (or at the end, when it has none).
  static func injecting(into page: Data, build: Int) -> Data {
    let tag = Data(scriptTag(build: build).utf8)
    guard let end = page.range(of: Data("</head>".utf8)) else { return page + tag }
    var result = page
    result.insert(contentsOf: tag, at: end.lowerBound)
    return result
  }

  /// The page served in place of every HTML page while the last build failed.
  static func failure(_ findings: [Finding], error: String?, build: Int) -> String {
    let shown = findings.filter { $0.severity == .error } + findings.filter { $0.severity != .error }
    var items = shown.map { finding in
      let place = finding.location.map { "\($0)" } ?? "catalogue"
      return "<li class=\"\(finding.severity.rawValue)\"><code>\(HTMLEscaping.text(place))</code> "
        + "<strong>\(HTMLEscaping.text(finding.severity.rawValue)) [\(HTMLEscaping.text(finding.ruleID))]</strong> "
        + "\(HTMLEscaping.text(finding.message))</li>"
    }
    if let error { items.insert("<li class=\"error\">\(HTMLEscaping.text(error))</li>", at: 0) }
    return page(
      title: "Podium: the last build failed", build: build,
      body: "<h1>The last build failed</h1>\n<p>Feeds and media are still served from the last good build. "
        + "Fix what is listed below: this page reloads when the catalogue builds again.</p>\n<ul class=\"findings\">\n"
        + items.joined(separator: "\n") + "\n</ul>")
  }

  /// `/`: every feed and video index of the current build, with the addresses to paste into an app.
  static func start(_ shows: [PreviewShow], build: Int) -> String {
    let items = shows.map { show in
      var links = "<li><strong>\(HTMLEscaping.text(show.title))</strong>: <a href=\"\(HTMLEscaping.attribute(show.feedURL))\">"
        + "\(HTMLEscaping.text(show.feedURL))</a>"
      if let index = show.videoIndexURL {
        links += " · <a href=\"\(HTMLEscaping.attribute(index))\">video index</a>"
      }
      return links + "</li>"
    }
    return page(
      title: "Podium preview", build: build,
      body: "<h1>Podium preview</h1>\n<ul class=\"shows\">\n" + items.joined(separator: "\n") + "\n</ul>")
  }

  private static func page(title: String, build: Int, body: String) -> String {
    "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>\(HTMLEscaping.text(title))</title>\n"
      + "<style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem;max-width:60rem}code{font-size:.9em}"
      + "li{margin:.5rem 0}.error strong{color:#b00}.warning strong{color:#850}</style>\n\(scriptTag(build: build))\n</head>\n"
      + "<body>\n\(body)\n</body>\n</html>\n"
  }
}
