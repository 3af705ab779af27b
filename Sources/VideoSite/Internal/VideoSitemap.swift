import Catalogue
import Foundation
import PodiumXML

/// A video sitemap: each video's page with its video, as Google's video sitemaps describe.
enum VideoSitemap {
  static func write(_ videos: [VideoFacts], show: Show) throws -> Data {
    let xml = try XMLWriter()
    try xml.startDocument()
    try xml.startElement("urlset")
    try xml.attribute("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9")
    try xml.attribute("xmlns:video", "http://www.google.com/schemas/sitemap-video/1.1")
    for video in videos {
      let episode = video.episode
      try xml.startElement("url")
      try xml.element("loc", video.pageURL)
      try xml.startElement("video:video")
      try xml.element("video:thumbnail_loc", video.posterURL)
      try xml.element("video:title", episode.title)
      try xml.element("video:description", String(video.description.prefix(2048)))
      // Google wants the file or a player, and neither may be the page itself (VSM-NOT-LOC).
      if let file = video.video {
        try xml.element("video:content_loc", file.url)
      } else if let external = video.external {
        try xml.element("video:player_loc", external.playerURL)
      }
      try xml.element("video:duration", String(min(max(video.duration, 1), 28_800)))
      try xml.element("video:publication_date", episode.date.iso8601)
      try xml.element("video:family_friendly", (episode.explicit ?? show.explicit) ? "no" : "yes")
      for tag in (episode.themes + episode.tags).prefix(32) { try xml.element("video:tag", tag) }
      try xml.endElement()
      try xml.endElement()
    }
    try xml.endElement()
    return try xml.finish()
  }
}
