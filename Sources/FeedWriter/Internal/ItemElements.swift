import Catalogue
import PodiumXML

/// One `<item>`.
struct ItemElements {
  let catalogue: Catalogue
  let show: Show
  static let descriptionLimit = 4000

  func write(_ feedEpisode: FeedEpisode, media: Enclosure, to xml: XMLWriter) throws {
    let episode = feedEpisode.episode
    try xml.startElement("item")
    try xml.element("title", episode.title)
    try xml.element("itunes:title", episode.title)
    if let link = episode.link { try xml.element("link", link) }
    if let summary = episode.summary {
      try xml.element("description", summary)
    } else {
      let html = feedEpisode.notes.description(maxBytes: Self.descriptionLimit)
      try xml.cdataElement("description", html.isEmpty ? episode.title : html)
    }
    if !feedEpisode.notes.html.isEmpty { try xml.cdataElement("content:encoded", feedEpisode.notes.html) }
    try xml.element("guid", episode.guid, attributes: ["isPermaLink": "false"])
    try xml.element("pubDate", episode.date.rfc2822)
    try xml.element("enclosure", attributes: [
      "url": catalogue.enclosureURL(for: media.reference, in: show),
      "length": String(media.length),
      "type": media.type,
    ])
    try xml.element("itunes:duration", String(media.duration))
    try xml.explicit(episode.explicit ?? show.explicit)
    try xml.element("itunes:episodeType", episode.type.rawValue)
    if let season = episode.season { try xml.element("itunes:season", String(season)) }
    if let number = episode.number { try xml.element("itunes:episode", String(number)) }
    if let artwork = episode.artwork {
      try xml.element("itunes:image", attributes: ["href": catalogue.publicURL(for: artwork, in: show)])
    }
    if episode.block { try xml.element("itunes:block", "Yes") }
    for category in episode.themes + episode.tags { try xml.element("category", category) }
    try podcastNamespace(episode, to: xml)
    try xml.endElement()
  }

  private func podcastNamespace(_ episode: Episode, to xml: XMLWriter) throws {
    if let season = episode.season { try xml.element("podcast:season", String(season)) }
    if let number = episode.number { try xml.element("podcast:episode", String(number)) }
    for alternate in episode.alternates { try write(alternate, to: xml) }
    if let poster = episode.poster { try write(poster, to: xml) }
    for transcript in episode.transcripts {
      try xml.startElement("podcast:transcript")
      try xml.attribute("url", catalogue.outputURL(for: show, path: OutputPaths.transcript(transcript)))
      try xml.attribute("type", transcript.type)
      try xml.attribute("language", transcript.language ?? show.language)
      if let rel = transcript.rel { try xml.attribute("rel", rel) }
      try xml.endElement()
    }
    if !episode.chapters.isEmpty {
      try xml.element("podcast:chapters", attributes: [
        "url": catalogue.outputURL(for: show, path: OutputPaths.chapters(episode)),
        "type": "application/json+chapters",
      ])
    }
    if let persons = episode.persons { try xml.persons(persons) }
    try xml.location(episode.location)
    try xml.license(episode.license)
    try xml.funding(episode.funding)
  }

  /// `<podcast:alternateEnclosure>` with what the file itself says about it, when it is local.
  private func write(_ alternate: AlternateEnclosure, to xml: XMLWriter) throws {
    try xml.startElement("podcast:alternateEnclosure")
    try xml.attribute("type", alternate.type)
    if let length = alternate.length { try xml.attribute("length", String(length)) }
    if let bitrate = alternate.probe?.bitrate { try xml.attribute("bitrate", String(bitrate)) }
    if let height = alternate.probe?.height { try xml.attribute("height", String(height)) }
    if let language = alternate.language { try xml.attribute("lang", language) }
    if let title = alternate.title { try xml.attribute("title", title) }
    if let codecs = alternate.probe?.codecs, !codecs.isEmpty { try xml.attribute("codecs", codecs.joined(separator: ",")) }
    try xml.element("podcast:source", attributes: ["uri": catalogue.publicURL(for: alternate.reference, in: show)])
    try xml.endElement()
  }

  private func write(_ poster: Poster, to xml: XMLWriter) throws {
    try xml.startElement("podcast:image")
    try xml.attribute("href", catalogue.publicURL(for: poster.reference, in: show))
    if let ratio = poster.aspectRatio { try xml.attribute("aspect-ratio", ratio) }
    if let width = poster.width { try xml.attribute("width", String(width)) }
    if let height = poster.height { try xml.attribute("height", String(height)) }
    if let type = poster.type { try xml.attribute("type", type) }
    try xml.attribute("purpose", "poster")
    try xml.endElement()
  }
}
