import Catalogue

/// A video's own page: for direct links, sharing (Open Graph) and oEmbed discovery. It plays the
/// video in place with captions, needs no script, and asks nothing from third parties.
enum VideoPage {
  static func html(_ facts: VideoFacts, show: Show) throws -> String {
    let locale = PageLocale(language: show.language)
    let episode = facts.episode
    let title = HTML.text("\(episode.title) – \(show.title)")
    var head = [
      "<meta charset=\"utf-8\">",
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
      "<title>\(title)</title>",
      "<meta name=\"description\" content=\"\(HTML.attribute(facts.description))\">",
      "<link rel=\"canonical\" href=\"\(HTML.attribute(facts.pageURL))\">",
      "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"\(HTML.attribute(facts.oEmbedURL))\" "
        + "title=\"\(HTML.attribute(episode.title))\">",
      "<meta property=\"og:type\" content=\"video.other\">",
      "<meta property=\"og:title\" content=\"\(HTML.attribute(episode.title))\">",
      "<meta property=\"og:description\" content=\"\(HTML.attribute(facts.description))\">",
      "<meta property=\"og:url\" content=\"\(HTML.attribute(facts.pageURL))\">",
      "<meta property=\"og:site_name\" content=\"\(HTML.attribute(show.title))\">",
      "<meta property=\"og:image\" content=\"\(HTML.attribute(facts.posterURL))\">",
      "<meta property=\"og:video\" content=\"\(HTML.attribute(facts.videoURL))\">",
      "<meta property=\"og:video:type\" content=\"\(HTML.attribute(facts.videoType))\">",
    ]
    if let width = facts.width, let height = facts.height {
      head.append("<meta property=\"og:video:width\" content=\"\(width)\">")
      head.append("<meta property=\"og:video:height\" content=\"\(height)\">")
    }
    head.append("<script type=\"application/ld+json\">\(HTML.scriptJSON(try VideoObject.json(facts, show: show)))</script>")
    head.append("<style>" + style + "</style>")

    var video = "<video controls preload=\"none\" playsinline poster=\"\(HTML.attribute(facts.posterURL))\""
    if let width = facts.width, let height = facts.height { video += " width=\"\(width)\" height=\"\(height)\"" }
    video += ">\n"
    video += "<source src=\"\(HTML.attribute(facts.videoURL))\" type=\"\(HTML.attribute(facts.videoType))\">\n"
    for source in facts.sources {
      video += "<source src=\"\(HTML.attribute(source.url))\" type=\"\(HTML.attribute(source.type))\">\n"
    }
    for (index, caption) in facts.captions.enumerated() {
      video += "<track kind=\"captions\" src=\"\(HTML.attribute(caption.url))\" srclang=\"\(HTML.attribute(caption.language))\" "
        + "label=\"\(HTML.attribute(locale.captions)) (\(HTML.attribute(caption.language)))\"\(index == 0 ? " default" : "")>\n"
    }
    video += "<a href=\"\(HTML.attribute(facts.videoURL))\">\(HTML.text(locale.download))</a>\n</video>"

    let body = [
      "<main>",
      "<h1>\(HTML.text(episode.title))</h1>",
      video,
      "<p class=\"meta\"><time datetime=\"\(HTML.attribute(episode.date.iso8601))\">\(HTML.text(locale.date(episode.date.localDate)))</time>"
        + " · \(HTML.text(locale.duration(episode.media.duration)))"
        + episode.themes.map { " · <span class=\"theme\">\(HTML.text($0))</span>" }.joined() + "</p>",
      "<div class=\"notes\">\(facts.notesHTML)</div>",
      "</main>",
    ]
    return "<!doctype html>\n<html lang=\"\(HTML.attribute(show.language))\">\n<head>\n" + head.joined(separator: "\n")
      + "\n</head>\n<body>\n" + body.joined(separator: "\n") + "\n</body>\n</html>\n"
  }

  static let style = """
    body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1a1a1a;background:#fff}\
    main{max-width:960px;margin:0 auto;padding:1rem}\
    video{display:block;width:100%;height:auto;background:#000}\
    h1{font-size:1.5rem;line-height:1.2}.meta{color:#555}\
    .theme{background:#eef;padding:0 .4em;border-radius:.3em}
    """
}
