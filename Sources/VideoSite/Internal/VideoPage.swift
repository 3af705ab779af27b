import Catalogue
import PodiumXML

/// A video's own page: for direct links, sharing (Open Graph) and oEmbed discovery. It plays the
/// video in place with captions and needs no script. A YouTube or Vimeo video sits behind a
/// facade: the local poster and a link to the provider, which the index's script turns into the
/// provider's player only when the visitor clicks.
enum VideoPage {
  static func html(_ facts: VideoFacts, show: Show, catalogue: Catalogue, locale: PageLocale) throws -> String {
    let episode = facts.episode
    let title = HTMLEscaping.text("\(episode.title) – \(show.title)")
    var head = [
      "<meta charset=\"utf-8\">",
      ContentPolicy(catalogue: catalogue, videos: [facts], style: style).meta,
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
      "<meta name=\"referrer\" content=\"strict-origin-when-cross-origin\">",
      "<title>\(title)</title>",
      "<meta name=\"description\" content=\"\(HTMLEscaping.attribute(facts.description))\">",
      "<link rel=\"canonical\" href=\"\(HTMLEscaping.attribute(facts.pageURL))\">",
      "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"\(HTMLEscaping.attribute(facts.oEmbedURL))\" "
        + "title=\"\(HTMLEscaping.attribute(episode.title))\">",
      "<meta property=\"og:type\" content=\"video.other\">",
      "<meta property=\"og:title\" content=\"\(HTMLEscaping.attribute(episode.title))\">",
      "<meta property=\"og:description\" content=\"\(HTMLEscaping.attribute(facts.description))\">",
      "<meta property=\"og:url\" content=\"\(HTMLEscaping.attribute(facts.pageURL))\">",
      "<meta property=\"og:site_name\" content=\"\(HTMLEscaping.attribute(show.title))\">",
      "<meta property=\"og:image\" content=\"\(HTMLEscaping.attribute(facts.posterURL))\">",
    ]
    if let file = facts.video {
      head.append("<meta property=\"og:video\" content=\"\(HTMLEscaping.attribute(file.url))\">")
      head.append("<meta property=\"og:video:type\" content=\"\(HTMLEscaping.attribute(file.type))\">")
      if let width = facts.width, let height = facts.height {
        head.append("<meta property=\"og:video:width\" content=\"\(width)\">")
        head.append("<meta property=\"og:video:height\" content=\"\(height)\">")
      }
    }
    head.append("<script type=\"application/ld+json\">\(HTMLEscaping.scriptJSON(try VideoObject.json(facts, show: show)))</script>")
    head.append("<style>" + style + "</style>")
    if facts.external != nil { head.append("<script src=\"../embed.js\" defer></script>") }

    let playerHTML = facts.video.map { player($0, facts, locale: locale) } ?? facade(facts, locale: locale)
    let body = [
      "<main>",
      "<h1>\(HTMLEscaping.text(episode.title))</h1>",
      playerHTML,
      "<p class=\"meta\"><time datetime=\"\(HTMLEscaping.attribute(episode.date.iso8601))\">\(HTMLEscaping.text(locale.date(episode.date.localDate)))</time>"
        + " · \(HTMLEscaping.text(locale.duration(facts.duration)))"
        + episode.themes.map { " · <span class=\"theme\">\(HTMLEscaping.text($0))</span>" }.joined() + "</p>",
      "<div class=\"notes\">\(facts.notesHTML)</div>",
      "</main>",
    ]
    return "<!doctype html>\n<html lang=\"\(HTMLEscaping.attribute(show.language))\">\n<head>\n" + head.joined(separator: "\n")
      + "\n</head>\n<body>\n" + body.joined(separator: "\n") + "\n</body>\n</html>\n"
  }

  private static func player(_ file: VideoFacts.File, _ facts: VideoFacts, locale: PageLocale) -> String {
    var video = "<video controls preload=\"none\" playsinline poster=\"\(HTMLEscaping.attribute(facts.posterURL))\""
    if let width = facts.width, let height = facts.height { video += " width=\"\(width)\" height=\"\(height)\"" }
    video += ">\n"
    video += "<source src=\"\(HTMLEscaping.attribute(file.url))\" type=\"\(HTMLEscaping.attribute(file.type))\">\n"
    for source in facts.sources {
      video += "<source src=\"\(HTMLEscaping.attribute(source.url))\" type=\"\(HTMLEscaping.attribute(source.type))\">\n"
    }
    video += tracks(facts, locale: locale)
    return video + "<a href=\"\(HTMLEscaping.attribute(file.url))\">\(HTMLEscaping.text(locale.download))</a>\n</video>"
  }

  /// A `<track>` per WebVTT file: captions in the show's language, subtitles in others. The first
  /// track in the show's language is on by default; a foreign one never is.
  static func tracks(_ facts: VideoFacts, locale: PageLocale) -> String {
    let preferred = facts.captions.firstIndex { locale.isShowLanguage($0.language) }
    return facts.captions.enumerated().map { index, caption in
      let kind = locale.isShowLanguage(caption.language) ? "captions" : "subtitles"
      return "<track kind=\"\(kind)\" src=\"\(HTMLEscaping.attribute(caption.url))\" srclang=\"\(HTMLEscaping.attribute(caption.language))\" "
        + "label=\"\(HTMLEscaping.attribute(locale.languageName(caption.language)))\"\(index == preferred ? " default" : "")>\n"
    }.joined()
  }

  /// The poster and a link to the provider; `embed.js` swaps in the provider's player on a click.
  private static func facade(_ facts: VideoFacts, locale: PageLocale) -> String {
    guard let external = facts.external else { return "" }
    var image = "<img src=\"\(HTMLEscaping.attribute(facts.posterURL))\" alt=\"\""
    if let width = facts.posterWidth, let height = facts.posterHeight { image += " width=\"\(width)\" height=\"\(height)\"" }
    image += ">"
    let note = locale.externalNote(external.provider.rawValue)
    return "<div class=\"facade\" data-podium-embed=\"\(HTMLEscaping.attribute(external.embedURL))\" "
      + "data-title=\"\(HTMLEscaping.attribute(facts.episode.title))\">\n"
      + "<a href=\"\(HTMLEscaping.attribute(external.watchURL))\">\(image)"
      + "<span class=\"watch\">\(HTMLEscaping.text(locale.watchOn(external.provider.rawValue)))</span></a>\n"
      + "<p class=\"note\">\(HTMLEscaping.text(note))</p>\n</div>"
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
