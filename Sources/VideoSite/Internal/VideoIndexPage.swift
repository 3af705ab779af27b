import Catalogue
import PodiumXML

/// `embed/index.html`: the page a site puts in an iframe. Without script it is a list of the
/// show's videos, each linking to its own page. `embed.js` then renders the same list from
/// `index.json` with the theme filter, playing in place, and the height message to the host page.
/// It sets no cookies, and asks no other site for anything before a click (given posters in the
/// catalogue: CAT-POSTER-LOCAL).
enum VideoIndexPage {
  static func html(_ videos: [VideoFacts], show: Show, catalogue: Catalogue, locale: PageLocale) -> String {
    var items: [String] = []
    for video in videos {
      let episode = video.episode
      var image = "<img class=\"podium-poster\" src=\"\(HTMLEscaping.attribute(video.posterURL))\" alt=\"\" loading=\"lazy\" decoding=\"async\""
      if let width = video.posterWidth, let height = video.posterHeight { image += " width=\"\(width)\" height=\"\(height)\"" }
      image += ">"
      let themes = episode.themes.map { "<li>\(HTMLEscaping.text($0))</li>" }.joined()
      let page = HTMLEscaping.attribute(video.pageURL)
      items.append(
        "<li class=\"podium-video\"><div class=\"podium-player\"><a href=\"\(page)\" tabindex=\"-1\" aria-hidden=\"true\">\(image)</a></div>"
          + "<h2 class=\"podium-title\"><a href=\"\(page)\">\(HTMLEscaping.text(episode.title))</a></h2>"
          + "<p class=\"podium-meta\"><time datetime=\"\(HTMLEscaping.attribute(episode.date.iso8601))\">"
          + "\(HTMLEscaping.text(locale.date(episode.date.localDate)))</time> · "
          + "<span class=\"podium-duration\">\(HTMLEscaping.text(locale.duration(video.duration)))</span></p>"
          + (themes.isEmpty ? "" : "<ul class=\"podium-themes\">\(themes)</ul>") + "</li>")
    }
    let head = [
      "<meta charset=\"utf-8\">",
      ContentPolicy(catalogue: catalogue, videos: videos, style: EmbedAssets.css).meta,
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
      "<meta name=\"referrer\" content=\"strict-origin-when-cross-origin\">",
      "<title>\(HTMLEscaping.text(show.title))</title>",
      "<style>\(EmbedAssets.css)</style>",
      "<script src=\"embed.js\" defer></script>",
    ]
    return "<!doctype html>\n<html lang=\"\(HTMLEscaping.attribute(show.language))\">\n<head>\n" + head.joined(separator: "\n")
      + "\n</head>\n<body class=\"podium-page\">\n<main data-podium-index=\"index.json\">\n"
      + "<div class=\"podium\" lang=\"\(HTMLEscaping.attribute(show.language))\">\n"
      + "<h1 class=\"podium-heading\">\(HTMLEscaping.text(show.title))</h1>\n<ul class=\"podium-videos\">\n"
      + items.joined(separator: "\n") + "\n</ul>\n</div>\n</main>\n</body>\n</html>\n"
  }
}
