import Catalogue
import PodiumXML

/// A video's chapters as a `<track kind="chapters">`, so the browser's player lists them: the
/// WebVTT file the build publishes beside the JSON chapters (docs/catalogue.md).
struct ChapterTrack {
  let url: String
  let label: String
  let language: String

  init?(_ facts: VideoFacts, locale: PageLocale) {
    guard let url = facts.chaptersURL else { return nil }
    self.url = url
    label = locale.dutch ? "Hoofdstukken" : "Chapters"
    language = locale.language
  }

  /// For the video's own page, inside its `<video>`.
  func write(into html: HTMLWriter) throws {
    try html.element("track", attributes: ["kind": "chapters", "src": url, "srclang": language, "label": label])
    try html.newline()
  }

  /// For `embed/index.json`, which `embed.js` turns into the same track when the visitor plays.
  var json: [String: String] { ["url": url, "label": label] }
}
