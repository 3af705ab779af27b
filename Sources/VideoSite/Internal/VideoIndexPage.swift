import Catalogue

/// `embed/index.html`: the show's videos as a grid of posters linking to each video's page. It
/// works without script, makes no third-party requests and sets no cookies.
enum VideoIndexPage {
  static func html(_ videos: [VideoFacts], show: Show) -> String {
    let locale = PageLocale(language: show.language)
    var items: [String] = []
    for video in videos {
      let episode = video.episode
      var image = "<img src=\"\(HTML.attribute(video.posterURL))\" alt=\"\" loading=\"lazy\""
      if let width = video.posterWidth, let height = video.posterHeight { image += " width=\"\(width)\" height=\"\(height)\"" }
      image += ">"
      let themes = episode.themes.map { "<li>\(HTML.text($0))</li>" }.joined()
      items.append(
        "<li><a href=\"\(HTML.attribute(video.pageURL))\">\(image)"
          + "<span class=\"title\">\(HTML.text(episode.title))</span></a>"
          + "<p class=\"meta\"><time datetime=\"\(HTML.attribute(episode.date.iso8601))\">"
          + "\(HTML.text(locale.date(episode.date.localDate)))</time> · "
          + "<span class=\"duration\">\(HTML.text(locale.duration(episode.media.duration)))</span></p>"
          + (themes.isEmpty ? "" : "<ul class=\"themes\">\(themes)</ul>") + "</li>")
    }
    return "<!doctype html>\n<html lang=\"\(HTML.attribute(show.language))\">\n<head>\n<meta charset=\"utf-8\">\n"
      + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      + "<title>\(HTML.text(show.title))</title>\n<style>\(style)</style>\n</head>\n<body>\n<main>\n"
      + "<h1>\(HTML.text(show.title))</h1>\n<ul class=\"videos\">\n" + items.joined(separator: "\n")
      + "\n</ul>\n</main>\n</body>\n</html>\n"
  }

  static let style = """
    body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1a1a1a;background:#fff}\
    main{padding:1rem}h1{font-size:1.4rem}\
    .videos{list-style:none;margin:0;padding:0;display:grid;gap:1rem;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr))}\
    .videos a{color:inherit;text-decoration:none;display:block}.videos a:focus-visible{outline:3px solid #1f5fbf}\
    .videos img{display:block;width:100%;height:auto;aspect-ratio:16/9;object-fit:cover;background:#ddd}\
    .title{display:block;font-weight:600;margin-top:.4rem}.meta{margin:.2rem 0;color:#555}\
    .themes{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:.3rem}\
    .themes li{background:#eef;padding:0 .4em;border-radius:.3em;font-size:.9em}
    """
}
