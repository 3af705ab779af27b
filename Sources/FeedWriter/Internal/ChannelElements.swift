import Catalogue
import PodiumXML

/// The channel-level elements, in the order Apple's guide lists them, all before the first item.
struct ChannelElements {
  let catalogue: Catalogue
  let show: Show
  let podcastGUID: String
  let newest: Episode?

  func write(to xml: XMLWriter) throws {
    let link = show.link ?? catalogue.site.website ?? catalogue.feedURL(for: show)
    let artwork = catalogue.publicURL(for: show.artwork, in: show)
    try xml.element("title", show.title)
    try xml.element("link", link)
    try xml.element("description", show.description)
    try xml.element("language", show.language)
    if let copyright = show.copyright { try xml.element("copyright", copyright) }
    try xml.element("generator", "Podium")
    if let newest {
      // From the content, not the clock: an unchanged catalogue gives an unchanged feed.
      try xml.element("pubDate", newest.date.rfc2822)
      try xml.element("lastBuildDate", newest.date.rfc2822)
    }
    try xml.element(
      "atom:link", attributes: ["href": catalogue.feedURL(for: show), "rel": "self", "type": "application/rss+xml"])
    // WebSub (https://www.w3.org/TR/websub/#discovery): subscribers learn the hub from the feed,
    // and `podium publish` tells the hub when the feed changes.
    if let hub = catalogue.site.publish.websubHub { try xml.element("atom:link", attributes: ["href": hub, "rel": "hub"]) }
    try xml.startElement("image")
    try xml.element("url", artwork)
    try xml.element("title", show.title)
    try xml.element("link", link)
    try xml.endElement()
    try apple(artwork: artwork, to: xml)
    try podcastNamespace(to: xml)
  }

  private func apple(artwork: String, to xml: XMLWriter) throws {
    try xml.element("itunes:title", show.title)
    try xml.element("itunes:author", show.author)
    try xml.element("itunes:image", attributes: ["href": artwork])
    for category in show.categories {
      try xml.startElement("itunes:category")
      try xml.attribute("text", category.name)
      if let sub = category.subcategory { try xml.element("itunes:category", attributes: ["text": sub]) }
      try xml.endElement()
    }
    try xml.explicit(show.explicit)
    try xml.element("itunes:type", show.type.rawValue)
    if let owner = catalogue.site.owner {
      try xml.startElement("itunes:owner")
      try xml.element("itunes:name", owner.name)
      try xml.element("itunes:email", show.ownerEmail ?? owner.email)
      try xml.endElement()
    }
    if let url = show.newFeedURL { try xml.element("itunes:new-feed-url", url) }
    if show.complete { try xml.element("itunes:complete", "Yes") }
    if show.block { try xml.element("itunes:block", "Yes") }
  }

  private func podcastNamespace(to xml: XMLWriter) throws {
    try xml.element("podcast:guid", podcastGUID)
    try xml.startElement("podcast:locked")
    if let email = show.ownerEmail { try xml.attribute("owner", email) }
    try xml.text(show.locked ? "yes" : "no")
    try xml.endElement()
    try xml.element("podcast:medium", show.medium.rawValue)
    try xml.persons(show.persons)
    try xml.funding(show.funding)
    try xml.license(show.license)
    try xml.location(show.location)
    if let frequency = show.updateFrequency { try xml.element("podcast:updateFrequency", frequency) }
    for record in show.txt {
      try xml.startElement("podcast:txt")
      if let purpose = record.purpose { try xml.attribute("purpose", purpose) }
      try xml.text(record.value)
      try xml.endElement()
    }
  }
}
