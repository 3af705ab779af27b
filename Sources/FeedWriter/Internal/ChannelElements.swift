import Catalogue
import Diagnostics
import PodiumXML

/// The channel-level elements, in the order Apple's guide lists them, all before the first item.
struct ChannelElements {
  let catalogue: Catalogue
  let show: Show
  let podcastGUID: String
  let newest: Episode?
  /// Published episodes of type trailer, newest first: each is also a `podcast:trailer`.
  var trailers: [Episode] = []

  /// Records, for each element, the line of the show.yaml key it came from, or of the
  /// podium.yaml key a show inherits (the show file's first line when it is neither's).
  private struct Marker {
    let show: Show
    let site: Site
    let xml: XMLWriter
    var marks: [(line: Int, location: SourceLocation)] = []

    mutating func mark(_ key: String?, site siteKey: String? = nil) throws {
      let location =
        if let key, let line = show.lines[key] { SourceLocation(file: show.file, line: line) }
        else if let siteKey, let line = site.lines[siteKey] { SourceLocation(file: Site.file, line: line) }
        else { SourceLocation(file: show.file, line: 1) }
      try mark(location)
    }

    /// An element that comes from an episode file, such as a trailer's.
    mutating func mark(file: String, line: Int) throws { try mark(SourceLocation(file: file, line: line)) }

    private mutating func mark(_ location: SourceLocation) throws {
      if marks.last?.location == location { return }  // and no flush
      marks.append((try xml.line(), location))
    }
  }

  /// - Returns: the line each element starts on, with where it came from in the catalogue.
  func write(to xml: XMLWriter) throws -> [(line: Int, location: SourceLocation)] {
    var marker = Marker(show: show, site: catalogue.site, xml: xml)
    let link = show.link ?? catalogue.site.website ?? catalogue.feedURL(for: show)
    let artwork = catalogue.publicURL(for: show.artwork, in: show)
    try marker.mark("title")
    try xml.element("title", show.title)
    try marker.mark("link", site: "website")
    try xml.element("link", link)
    try marker.mark("description")
    try xml.element("description", show.description)
    try marker.mark("language", site: "language")
    try xml.element("language", show.language)
    if let copyright = show.copyright {
      try marker.mark("copyright", site: "copyright")
      try xml.element("copyright", copyright)
    }
    try marker.mark(nil)
    try xml.element("generator", "Podium")
    if let newest {
      // From the content, not the clock: an unchanged catalogue gives an unchanged feed.
      try xml.element("pubDate", newest.date.rfc2822)
      try xml.element("lastBuildDate", newest.date.rfc2822)
    }
    try marker.mark(nil, site: "base_url")
    try xml.element(
      "atom:link", attributes: ["href": catalogue.feedURL(for: show), "rel": "self", "type": "application/rss+xml"])
    // WebSub (https://www.w3.org/TR/websub/#discovery): subscribers learn the hub from the feed,
    // and `podium publish` tells the hub when the feed changes.
    if let hub = catalogue.site.publish.websubHub {
      try marker.mark(nil, site: "publish")
      try xml.element("atom:link", attributes: ["href": hub, "rel": "hub"])
    }
    try marker.mark("artwork")
    try xml.startElement("image")
    try xml.element("url", artwork)
    try xml.element("title", show.title)
    try xml.element("link", link)
    try xml.endElement()
    try apple(artwork: artwork, to: xml, marker: &marker)
    try podcastNamespace(to: xml, marker: &marker)
    try podcasting(artwork: artwork, to: xml, marker: &marker)
    return marker.marks
  }

  private func apple(artwork: String, to xml: XMLWriter, marker: inout Marker) throws {
    try marker.mark("title")
    try xml.element("itunes:title", show.title)
    try marker.mark("author", site: "publisher")
    try xml.element("itunes:author", show.author)
    try marker.mark("artwork")
    try xml.element("itunes:image", attributes: ["href": artwork])
    if !show.categories.isEmpty { try marker.mark("categories") }
    for category in show.categories {
      try xml.startElement("itunes:category")
      try xml.attribute("text", category.name)
      if let sub = category.subcategory { try xml.element("itunes:category", attributes: ["text": sub]) }
      try xml.endElement()
    }
    try marker.mark("explicit")
    try xml.explicit(show.explicit)
    try marker.mark("type")
    try xml.element("itunes:type", show.type.rawValue)
    if let owner = catalogue.site.owner {
      try marker.mark("owner_email", site: "owner")
      try xml.startElement("itunes:owner")
      try xml.element("itunes:name", owner.name)
      try xml.element("itunes:email", show.ownerEmail ?? owner.email)
      try xml.endElement()
    }
    if let url = show.newFeedURL {
      try marker.mark("new_feed_url")
      try xml.element("itunes:new-feed-url", url)
    }
    if show.complete {
      try marker.mark("complete")
      try xml.element("itunes:complete", "Yes")
    }
    if show.block {
      try marker.mark("block")
      try xml.element("itunes:block", "Yes")
    }
  }

  private func podcastNamespace(to xml: XMLWriter, marker: inout Marker) throws {
    try marker.mark("guid")
    try xml.element("podcast:guid", podcastGUID)
    try marker.mark("locked")
    try xml.startElement("podcast:locked")
    if let email = show.ownerEmail { try xml.attribute("owner", email) }
    try xml.text(show.locked ? "yes" : "no")
    try xml.endElement()
    try marker.mark("medium")
    try xml.element("podcast:medium", show.medium.rawValue)
    if !show.persons.isEmpty { try marker.mark("persons") }
    try xml.persons(show.persons)
    if !show.funding.isEmpty { try marker.mark("funding") }
    try xml.funding(show.funding)
    if show.license != nil { try marker.mark("license") }
    try xml.license(show.license)
    if show.location != nil { try marker.mark("location") }
    try xml.location(show.location)
    if let frequency = show.updateFrequency {
      try marker.mark("update_frequency")
      try xml.startElement("podcast:updateFrequency")
      if let schedule = show.podcasting.schedule {
        if schedule.complete { try xml.attribute("complete", "true") }
        if let start = schedule.dtstart { try xml.attribute("dtstart", start.iso8601) }
        if let rule = schedule.rrule { try xml.attribute("rrule", rule) }
      }
      try xml.text(frequency)
      try xml.endElement()
    }
    if !show.txt.isEmpty { try marker.mark("txt") }
    for record in show.txt {
      try xml.startElement("podcast:txt")
      if let purpose = record.purpose { try xml.attribute("purpose", purpose) }
      try xml.text(record.value)
      try xml.endElement()
    }
  }

  /// The Podcasting 2.0 tags beyond the basics, from ``ShowPodcasting`` and the trailers.
  private func podcasting(artwork: String, to xml: XMLWriter, marker: inout Marker) throws {
    let tags = show.podcasting
    try marker.mark("artwork")
    var image = PodcastImage(reference: show.artwork)
    image.alt = tags.artworkAlt
    image.aspectRatio = "1/1"
    image.width = tags.artworkWidth
    image.purpose = "artwork"
    try xml.image(image, href: artwork)
    if !tags.images.isEmpty { try marker.mark("images") }
    for image in tags.images { try xml.image(image, href: catalogue.publicURL(for: image.reference, in: show)) }
    if show.block {
      try marker.mark("block")
      try xml.element("podcast:block", "yes")
    }
    if !tags.blockedServices.isEmpty { try marker.mark("block_services") }
    for service in tags.blockedServices { try xml.element("podcast:block", "yes", attributes: ["id": service]) }
    for trailer in trailers {
      guard let media = trailer.media else { continue }
      try marker.mark(file: trailer.file, line: trailer.lines["episode_type"] ?? 1)
      try xml.startElement("podcast:trailer")
      try xml.attribute("url", catalogue.enclosureURL(for: media.reference, in: show))
      try xml.attribute("pubdate", trailer.date.rfc2822)
      try xml.attribute("length", String(media.length))
      try xml.attribute("type", media.type)
      if let season = trailer.season { try xml.attribute("season", String(season)) }
      try xml.text(trailer.title)
      try xml.endElement()
    }
    if let publisher = tags.publisher {
      try marker.mark("publisher")
      try xml.startElement("podcast:publisher")
      try xml.remoteItem(publisher)
      try xml.endElement()
    }
    if !tags.podroll.isEmpty {
      try marker.mark("podroll")
      try xml.startElement("podcast:podroll")
      for item in tags.podroll { try xml.remoteItem(item) }
      try xml.endElement()
    }
    if let chat = tags.chat {
      try marker.mark("chat")
      try xml.startElement("podcast:chat")
      try xml.attribute("server", chat.server)
      try xml.attribute("protocol", chat.chatProtocol)
      if let id = chat.accountID { try xml.attribute("accountId", id) }
      if let space = chat.space { try xml.attribute("space", space) }
      try xml.endElement()
    }
    if tags.value != nil { try marker.mark("value") }
    try xml.value(tags.value)
    if !tags.socialInteract.isEmpty { try marker.mark("social_interact") }
    try xml.socialInteract(tags.socialInteract)
    for live in tags.liveItems {
      try marker.mark(file: show.file, line: live.line)
      try write(live, to: xml)
    }
  }

  /// A scheduled live event: the stream as the enclosure, and where to follow it in a browser.
  private func write(_ live: LiveItem, to xml: XMLWriter) throws {
    try xml.startElement("podcast:liveItem")
    try xml.attribute("status", live.status.rawValue)
    try xml.attribute("start", live.start.iso8601)
    if let end = live.end { try xml.attribute("end", end.iso8601) }
    // No description: feedparser takes a live item's <description> for the channel's.
    try xml.element("title", live.title)
    try xml.element("guid", live.guid, attributes: ["isPermaLink": "false"])
    // A stream has no length, but RSS 2.0 requires the attribute: 0, as the RSS Best Practices
    // Profile asks when the size can't be known (https://www.rssboard.org/rss-profile#element-channel-item-enclosure).
    // Apple Podcasts reads no live items; the namespace's own example gives a placeholder number.
    try xml.element("enclosure", attributes: ["url": live.streamURL, "length": "0", "type": live.streamType])
    try xml.contentLinks(live.contentLinks)
    try xml.endElement()
  }
}
