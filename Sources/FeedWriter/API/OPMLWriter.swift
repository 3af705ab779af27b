import Catalogue
import Foundation
import PodiumXML

/// Writes `feeds.opml`, the list of every show's feed that podcast apps can import at once.
public enum OPMLWriter {
  public static func write(_ catalogue: Catalogue) throws -> Data {
    let xml = try XMLWriter()
    try xml.startDocument()
    try xml.startElement("opml")
    try xml.attribute("version", "2.0")
    try xml.startElement("head")
    try xml.element("title", catalogue.site.title ?? catalogue.site.publisher)
    if let owner = catalogue.site.owner {
      try xml.element("ownerName", owner.name)
      try xml.element("ownerEmail", owner.email)
    }
    try xml.endElement()
    try xml.startElement("body")
    for show in catalogue.shows {
      try xml.startElement("outline")
      try xml.attribute("type", "rss")
      try xml.attribute("text", show.title)
      try xml.attribute("title", show.title)
      try xml.attribute("xmlUrl", catalogue.feedURL(for: show))
      if let link = show.link { try xml.attribute("htmlUrl", link) }
      try xml.attribute("language", show.language)
      try xml.endElement()
    }
    try xml.endElement()
    try xml.endElement()
    return try xml.finish()
  }
}
