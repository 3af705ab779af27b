import Catalogue
import PodiumXML

/// `embed/index.html`: the page a site puts in an iframe. Without script it is a list of the
/// show's videos, each linking to its own page. `embed.js` then renders the same list from
/// `index.json` with the theme filter, playing in place, and the height message to the host page.
/// It sets no cookies, and asks no other site for anything before a click (given posters in the
/// catalogue: CAT-POSTER-LOCAL).
enum VideoIndexPage {
  static func html(_ videos: [VideoFacts], show: Show, catalogue: Catalogue, locale: PageLocale) throws -> String {
    let html = HTMLWriter()
    let policy = ContentPolicy(catalogue: catalogue, videos: videos, style: EmbedAssets.css)
    try PageHead.start(html, language: show.language, policy: policy)
    try html.element("title", show.title)
    try html.newline()
    try html.element("style", EmbedAssets.css)
    try html.newline()
    try html.startElement("script")
    try html.attribute("src", "embed.js")
    try html.attribute("defer")
    try html.endElement()
    try html.newline()
    try html.endElement()
    try html.newline()
    try html.startElement("body")
    try html.attribute("class", "podium-page")
    try html.newline()
    try html.startElement("main")
    try html.attribute("data-podium-index", "index.json")
    try html.newline()
    try html.startElement("div")
    try html.attribute("class", "podium")
    try html.attribute("lang", show.language)
    try html.newline()
    try html.element("h1", show.title, attributes: ["class": "podium-heading"])
    try html.newline()
    try html.startElement("ul")
    try html.attribute("class", "podium-videos")
    try html.newline()
    for (index, video) in videos.enumerated() {
      if index > 0 { try html.newline() }
      try item(video, locale: locale, into: html)
    }
    try html.newline()
    for _ in ["ul", "div", "main", "body", "html"] {
      try html.endElement()
      try html.newline()
    }
    return try html.finish()
  }

  /// One video: its poster and title, each a link to its page, its date, length and themes.
  private static func item(_ video: VideoFacts, locale: PageLocale, into html: HTMLWriter) throws {
    let episode = video.episode
    try html.startElement("li")
    try html.attribute("class", "podium-video")
    try html.startElement("div")
    try html.attribute("class", "podium-player")
    try html.startElement("a")
    try html.attribute("href", video.pageURL)
    try html.attribute("tabindex", "-1")
    try html.attribute("aria-hidden", "true")
    try html.startElement("img")
    try html.attribute("class", "podium-poster")
    try html.attribute("src", video.posterURL)
    try html.attribute("alt", "")
    try html.attribute("loading", "lazy")
    try html.attribute("decoding", "async")
    if let width = video.posterWidth, let height = video.posterHeight {
      try html.attribute("width", width)
      try html.attribute("height", height)
    }
    try html.endElement()
    try html.endElement()
    try html.endElement()
    try html.startElement("h2")
    try html.attribute("class", "podium-title")
    try html.element("a", episode.title, attributes: ["href": video.pageURL])
    try html.endElement()
    try html.startElement("p")
    try html.attribute("class", "podium-meta")
    try html.element("time", locale.date(episode.date.localDate), attributes: ["datetime": episode.date.iso8601])
    try html.text(" · ")
    try html.element("span", locale.duration(video.duration), attributes: ["class": "podium-duration"])
    try html.endElement()
    if !episode.themes.isEmpty {
      try html.startElement("ul")
      try html.attribute("class", "podium-themes")
      for theme in episode.themes { try html.element("li", theme) }
      try html.endElement()
    }
    try html.endElement()
  }
}
