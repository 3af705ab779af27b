import Catalogue
import Foundation
import PodiumXML

/// A Media RSS feed of the show's videos, which Google also reads as a video feed.
enum MediaRSS {
  static let namespace = "http://search.yahoo.com/mrss/"

  static func write(_ videos: [VideoFacts], show: Show, catalogue: Catalogue) throws -> Data {
    let xml = try XMLWriter()
    try xml.startDocument()
    try xml.startElement("rss")
    try xml.attribute("version", "2.0")
    try xml.attribute("xmlns:media", namespace)
    try xml.attribute("xmlns:atom", "http://www.w3.org/2005/Atom")
    try xml.startElement("channel")
    try xml.element("title", show.title)
    try xml.element("link", show.link ?? catalogue.outputURL(for: show, path: "embed/"))
    try xml.element("description", show.description)
    try xml.element("language", show.language)
    if let newest = videos.first { try xml.element("lastBuildDate", newest.episode.date.rfc2822) }
    try xml.element("atom:link", attributes: [
      "href": catalogue.outputURL(for: show, path: VideoPaths.mediaRSS), "rel": "self", "type": "application/rss+xml",
    ])
    for video in videos { try item(video, to: xml) }
    try xml.endElement()
    try xml.endElement()
    return try xml.finish()
  }

  private static func item(_ video: VideoFacts, to xml: XMLWriter) throws {
    let episode = video.episode
    try xml.startElement("item")
    try xml.element("title", episode.title)
    try xml.element("link", video.pageURL)
    try xml.element("description", video.description)
    try xml.element("guid", episode.guid, attributes: ["isPermaLink": "false"])
    try xml.element("pubDate", episode.date.rfc2822)
    // A video only on YouTube or Vimeo has no file to point at: its page is the player.
    if let file = video.video {
      try xml.startElement("media:content")
      try xml.attribute("url", file.url)
      try xml.attribute("fileSize", String(file.length))
      try xml.attribute("type", file.type)
      try xml.attribute("medium", "video")
      try xml.attribute("isDefault", "true")
      try xml.attribute("duration", String(video.duration))
      if let width = video.width, let height = video.height {
        try xml.attribute("width", String(width))
        try xml.attribute("height", String(height))
      }
    }
    try xml.element("media:title", episode.title, attributes: ["type": "plain"])
    try xml.element("media:description", video.description, attributes: ["type": "plain"])
    try xml.startElement("media:thumbnail")
    try xml.attribute("url", video.posterURL)
    if let width = video.posterWidth, let height = video.posterHeight {
      try xml.attribute("width", String(width))
      try xml.attribute("height", String(height))
    }
    try xml.endElement()
    try xml.element("media:player", attributes: ["url": video.pageURL])
    for caption in video.captions {
      try xml.element("media:subTitle", attributes: ["type": "text/vtt", "lang": caption.language, "href": caption.url])
    }
    if video.video != nil { try xml.endElement() }
    try xml.endElement()
  }
}
