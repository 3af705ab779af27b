import Catalogue
import PodiumXML

/// A video's own page: for direct links, sharing (Open Graph) and oEmbed discovery. It plays the
/// video in place with captions and needs no script. A YouTube or Vimeo video sits behind a
/// facade: the local poster and a link to the provider, which the index's script turns into the
/// provider's player only when the visitor clicks.
enum VideoPage {
  static func html(_ facts: VideoFacts, show: Show, catalogue: Catalogue, locale: PageLocale) throws -> String {
    let episode = facts.episode
    let html = HTMLWriter()
    let policy = ContentPolicy(catalogue: catalogue, videos: [facts], style: style)
    try PageHead.start(html, language: show.language, policy: policy)
    try html.element("title", "\(episode.title) – \(show.title)")
    try html.newline()
    try html.element("meta", attributes: ["name": "description", "content": facts.description])
    try html.newline()
    try html.element("link", attributes: ["rel": "canonical", "href": facts.pageURL])
    try html.newline()
    try html.element(
      "link",
      attributes: [
        "rel": "alternate", "type": "application/json+oembed", "href": facts.oEmbedURL, "title": episode.title,
      ])
    try html.newline()
    var properties = [
      ("og:type", "video.other"), ("og:title", episode.title), ("og:description", facts.description),
      ("og:url", facts.pageURL), ("og:site_name", show.title), ("og:image", facts.posterURL),
    ]
    if let file = facts.video {
      properties += [("og:video", file.url), ("og:video:type", file.type)]
      if let width = facts.width, let height = facts.height {
        properties += [("og:video:width", String(width)), ("og:video:height", String(height))]
      }
    }
    for (property, content) in properties {
      try html.element("meta", attributes: ["property": property, "content": content])
      try html.newline()
    }
    let structuredData = HTMLEscaping.scriptJSON(try VideoObject.json(facts, show: show))
    try html.element("script", structuredData, attributes: ["type": "application/ld+json"])
    try html.newline()
    try html.element("style", style)
    if facts.external != nil {
      try html.newline()
      try html.startElement("script")
      try html.attribute("src", "../embed.js")
      try html.attribute("defer")
      try html.endElement()
    }
    try html.newline()
    try PageHead.startBody(html, heading: episode.title)
    if let file = facts.video {
      try player(file, facts, locale: locale, into: html)
    } else {
      try facade(facts, locale: locale, into: html)
    }
    try html.newline()
    try html.startElement("p")
    try html.attribute("class", "meta")
    try html.element("time", locale.date(episode.date.localDate), attributes: ["datetime": episode.date.iso8601])
    try html.text(" · \(locale.duration(facts.duration))")
    for theme in episode.themes {
      try html.text(" · ")
      try html.element("span", theme, attributes: ["class": "theme"])
    }
    try html.endElement()
    try html.newline()
    try html.startElement("div")
    try html.attribute("class", "notes")
    try html.sanitizedHTML(facts.notesHTML)
    try html.endElement()
    if facts.transcript != nil {
      try html.newline()
      try html.startElement("p")
      try html.element("a", TranscriptPage.linkText(locale), attributes: ["href": "transcript.html"])
      try html.endElement()
    }
    for _ in ["main", "body", "html"] {
      try html.newline()
      try html.endElement()
    }
    try html.newline()
    return try html.finish()
  }

  private static func player(
    _ file: VideoFacts.File, _ facts: VideoFacts, locale: PageLocale, into html: HTMLWriter
  ) throws {
    try html.startElement("video")
    try html.attribute("controls")
    try html.attribute("preload", "none")
    try html.attribute("playsinline")
    try html.attribute("poster", facts.posterURL)
    if let width = facts.width, let height = facts.height {
      try html.attribute("width", width)
      try html.attribute("height", height)
    }
    try html.newline()
    let sources: [(url: String, type: String)] = [(file.url, file.type)] + facts.sources
    for source in sources {
      try html.element("source", attributes: ["src": source.url, "type": source.type])
      try html.newline()
    }
    try tracks(facts, locale: locale, into: html)
    try html.element("a", locale.download, attributes: ["href": file.url])
    try html.newline()
    try html.endElement()
  }

  /// A `<track>` per WebVTT file: captions in the show's language, subtitles in others. The first
  /// track in the show's language is on by default; a foreign one never is.
  static func tracks(_ facts: VideoFacts, locale: PageLocale, into html: HTMLWriter) throws {
    let preferred = facts.captions.firstIndex { locale.isShowLanguage($0.language) }
    for (index, caption) in facts.captions.enumerated() {
      try html.startElement("track")
      try html.attribute("kind", locale.isShowLanguage(caption.language) ? "captions" : "subtitles")
      try html.attribute("src", caption.url)
      try html.attribute("srclang", caption.language)
      try html.attribute("label", locale.languageName(caption.language))
      if index == preferred { try html.attribute("default") }
      try html.endElement()
      try html.newline()
    }
    if let chapters = ChapterTrack(facts, locale: locale) { try chapters.write(into: html) }
  }

  /// The poster and a link to the provider; `embed.js` swaps in the provider's player on a click.
  private static func facade(_ facts: VideoFacts, locale: PageLocale, into html: HTMLWriter) throws {
    guard let external = facts.external else { return }
    try html.startElement("div")
    try html.attribute("class", "facade")
    try html.attribute("data-podium-embed", external.embedURL)
    try html.attribute("data-title", facts.episode.title)
    try html.newline()
    try html.startElement("a")
    try html.attribute("href", external.watchURL)
    try html.startElement("img")
    try html.attribute("src", facts.posterURL)
    try html.attribute("alt", "")
    if let width = facts.posterWidth, let height = facts.posterHeight {
      try html.attribute("width", width)
      try html.attribute("height", height)
    }
    try html.endElement()
    try html.element("span", locale.watchOn(external.provider.rawValue), attributes: ["class": "watch"])
    try html.endElement()
    try html.newline()
    try html.element("p", locale.externalNote(external.provider.rawValue), attributes: ["class": "note"])
    try html.newline()
    try html.endElement()
  }

  static let style = """
    body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1a1a1a;background:#fff}\
    main{max-width:960px;margin:0 auto;padding:1rem}\
    video,.facade img,.facade iframe{display:block;width:100%;height:auto;background:#000}\
    .facade iframe{aspect-ratio:16/9;border:0}.facade a{display:block;position:relative;color:#fff}\
    .watch{position:absolute;left:1rem;bottom:1rem;background:#000c;padding:.3em .7em;border-radius:.3em}\
    .note{font-size:.9em;color:#555}\
    h1{font-size:1.5rem;line-height:1.2}.meta{color:#555}\
    .theme{background:#eef;padding:0 .4em;border-radius:.3em}
    """
}
