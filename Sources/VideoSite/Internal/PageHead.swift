import PodiumXML

/// How every video page starts: the doctype, `<html lang>`, and the first lines of `<head>`
/// (encoding, Content-Security-Policy, viewport, referrer policy), one element a line. The
/// caller adds its title and the rest of the head, then ends it.
enum PageHead {
  static func start(_ html: HTMLWriter, language: String, policy: ContentPolicy) throws {
    html.startDocument()
    try html.startElement("html")
    try html.attribute("lang", language)
    try html.newline()
    try html.startElement("head")
    try html.newline()
    try html.element("meta", attributes: ["charset": "utf-8"])
    try html.newline()
    try html.element("meta", attributes: ["http-equiv": "Content-Security-Policy", "content": policy.value])
    try html.newline()
    try html.element("meta", attributes: ["name": "viewport", "content": "width=device-width, initial-scale=1"])
    try html.newline()
    try html.element("meta", attributes: ["name": "referrer", "content": "strict-origin-when-cross-origin"])
    try html.newline()
  }

  /// Ends the head and opens `<body>` and `<main>` with the page's `<h1>`, one element a line;
  /// the caller writes the rest of `<main>` and closes the three.
  static func startBody(_ html: HTMLWriter, heading: String) throws {
    try html.endElement()
    try html.newline()
    try html.startElement("body")
    try html.newline()
    try html.startElement("main")
    try html.newline()
    try html.element("h1", heading)
    try html.newline()
  }
}
