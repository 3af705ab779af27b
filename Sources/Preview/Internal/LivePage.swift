import Diagnostics
import Foundation
import PodiumXML

/// What `podium serve` adds to the pages it serves, and never to what `build` writes: the script
/// that reloads a page after a rebuild, and the pages of its own (the start page and the error
/// page), written with HTMLWriter.
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

  /// The reload script's element alone, to go into a page `build` wrote.
  static func scriptTag(build: Int) throws -> String {
    let html = HTMLWriter()
    try writeScript(html, build: build)
    return try html.finish()
  }

  private static func writeScript(_ html: HTMLWriter, build: Int) throws {
    try html.element("script", attributes: ["src": "\(scriptPath)?build=\(build)"])
  }

  /// A built page with the reload script added before `</head>` (or at the end, when it has none).
  static func injecting(into page: Data, build: Int) throws -> Data {
    let tag = Data(try scriptTag(build: build).utf8)
    guard let end = page.range(of: Data("</head>".utf8)) else { return page + tag }
    var result = page
    result.insert(contentsOf: tag, at: end.lowerBound)
    return result
  }

  /// The page served in place of every HTML page while the last build failed.
  static func failure(_ findings: [Finding], error: String?, build: Int) throws -> String {
    let shown = findings.filter { $0.severity == .error } + findings.filter { $0.severity != .error }
    return try page(title: "Podium: the last build failed", build: build) { html in
      try html.element("h1", "The last build failed")
      try html.newline()
      try html.element(
        "p",
        "Feeds and media are still served from the last good build. "
          + "Fix what is listed below: this page reloads when the catalogue builds again.")
      try html.newline()
      try html.startElement("ul")
      try html.attribute("class", "findings")
      try html.newline()
      if let error {
        try html.element("li", error, attributes: ["class": "error"])
        if !shown.isEmpty { try html.newline() }
      }
      for (index, finding) in shown.enumerated() {
        if index > 0 { try html.newline() }
        try html.startElement("li")
        try html.attribute("class", finding.severity.rawValue)
        try html.element("code", finding.location.map { "\($0)" } ?? "catalogue")
        try html.text(" ")
        try html.element("strong", "\(finding.severity.rawValue) [\(finding.ruleID)]")
        try html.text(" " + finding.message)
        try html.endElement()
      }
      try html.newline()
      try html.endElement()
    }
  }

  /// `/`: every feed and video index of the current build, with the addresses to paste into an app.
  static func start(_ shows: [PreviewShow], build: Int) throws -> String {
    try page(title: "Podium preview", build: build) { html in
      try html.element("h1", "Podium preview")
      try html.newline()
      try html.startElement("ul")
      try html.attribute("class", "shows")
      try html.newline()
      for (index, show) in shows.enumerated() {
        if index > 0 { try html.newline() }
        try html.startElement("li")
        try html.element("strong", show.title)
        try html.text(": ")
        try html.element("a", show.feedURL, attributes: ["href": show.feedURL])
        if let index = show.videoIndexURL {
          try html.text(" · ")
          try html.element("a", "video index", attributes: ["href": index])
        }
        try html.endElement()
      }
      try html.newline()
      try html.endElement()
    }
  }

  private static func page(title: String, build: Int, body: (HTMLWriter) throws -> Void) throws -> String {
    let html = HTMLWriter()
    html.startDocument()
    try html.startElement("html")
    try html.attribute("lang", "en")
    try html.newline()
    try html.startElement("head")
    try html.newline()
    try html.element("meta", attributes: ["charset": "utf-8"])
    try html.newline()
    try html.element("title", title)
    try html.newline()
    try html.element("style", style)
    try html.newline()
    try writeScript(html, build: build)
    try html.newline()
    try html.endElement()
    try html.newline()
    try html.startElement("body")
    try html.newline()
    try body(html)
    for _ in ["body", "html"] {
      try html.newline()
      try html.endElement()
    }
    try html.newline()
    return try html.finish()
  }

  private static let style = "body{font:16px/1.5 system-ui,sans-serif;margin:2rem;max-width:60rem}code{font-size:.9em}"
    + "li{margin:.5rem 0}.error strong{color:#b00}.warning strong{color:#850}"
}
