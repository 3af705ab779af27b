import Catalogue
import Foundation
import PodiumXML

/// The static oEmbed answer beside each video page: a "video" type with an iframe of the page.
enum OEmbed {
  static func json(_ facts: VideoFacts, show: Show) throws -> Data {
    let width = facts.width ?? 640, height = facts.height ?? 360
    let iframe = HTMLWriter()
    try iframe.startElement("iframe")
    try iframe.attribute("src", facts.pageURL)
    try iframe.attribute("width", width)
    try iframe.attribute("height", height)
    try iframe.attribute("title", facts.episode.title)
    try iframe.attribute("loading", "lazy")
    try iframe.attribute("allow", "autoplay; fullscreen; picture-in-picture")
    try iframe.attribute("allowfullscreen")
    let iframeHTML = try iframe.finish()
    var object: [String: Any] = [
      "version": "1.0", "type": "video", "title": facts.episode.title, "author_name": show.author,
      "provider_name": show.title, "html": iframeHTML, "width": width, "height": height,
      "thumbnail_url": facts.posterURL,
    ]
    if let link = show.link { object["provider_url"] = link }
    if let posterWidth = facts.posterWidth, let posterHeight = facts.posterHeight {
      object["thumbnail_width"] = posterWidth
      object["thumbnail_height"] = posterHeight
    } else {
      object.removeValue(forKey: "thumbnail_url")
    }
    var data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted])
    data.append(0x0A)
    return data
  }
}
