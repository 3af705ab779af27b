import Catalogue
import Identifiers
import PodiumXML

/// One `<item>`.
struct ItemElements {
  let catalogue: Catalogue
  let show: Show
  let digests: DigestCache
  static let descriptionLimit = 4000

  /// Where an item's elements came from: its episode file, the line `<item>` starts on, and a
  /// mark per element, with lines counted in the writer that wrote it.
  struct Sources {
    let file: String
    let firstLine: Int
    var marks: [FeedSourceMap.Mark] = []
    /// Its bytes in the writer that wrote it: from its indentation to the line feed after its end tag.
    var bytes = 0..<0
  }

  /// Records the catalogue line of the next element: the episode's key, or the show's (for
  /// values an episode inherits), or the top of the episode file.
  /// Holds the key lines only, not the episode and the show: one is made for every item.
  private struct Marker {
    let lines: KeyLines
    let showLines: [String: Int]
    let xml: XMLWriter
    var sources: Sources

    mutating func mark(_ key: String, show showKey: String? = nil) throws {
      if let line = lines[key] {
        try mark(line: Int32(clamping: line))
      } else if let showKey, let line = showLines[showKey] {
        try mark(line: -Int32(clamping: line))
      } else {
        try mark(line: 1)
      }
    }

    mutating func mark(line source: Int32) throws {
      // Two elements from one key (title and itunes:title) are one mark, and cost no flush.
      if sources.marks.last?.source == source { return }
      sources.marks.append(FeedSourceMap.Mark(line: Int32(clamping: try xml.line()), source: source))
    }
  }

  func write(_ feedEpisode: FeedEpisode, media: Enclosure, to xml: XMLWriter) throws -> Sources {
    let episode = feedEpisode.episode
    var marker = Marker(
      lines: episode.lines, showLines: show.lines, xml: xml, sources: Sources(file: episode.file, firstLine: try xml.line()))
    let firstByte = xml.byteCount
    try xml.startElement("item")
    try marker.mark("title")
    try xml.element("title", episode.title)
    try xml.element("itunes:title", episode.title)
    if let link = episode.link {
      try marker.mark("link")
      try xml.element("link", link)
    }
    if let summary = episode.summary {
      try marker.mark("summary")
      try xml.element("description", summary)
    } else {
      try marker.mark(line: Int32(clamping: episode.notesLine))
      let html = feedEpisode.notes.description(maxBytes: Self.descriptionLimit)
      try xml.cdataElement("description", html.isEmpty ? episode.title : html)
    }
    if !feedEpisode.notes.html.isEmpty {
      try marker.mark(line: Int32(clamping: episode.notesLine))
      try xml.cdataElement("content:encoded", feedEpisode.notes.html)
    }
    try marker.mark("guid")
    try xml.element("guid", episode.guid, attributes: ["isPermaLink": episode.guidIsPermaLink ? "true" : "false"])
    try marker.mark("date")
    try xml.element("pubDate", episode.date.rfc2822)
    try marker.mark("media.url")
    try xml.element("enclosure", attributes: [
      "url": catalogue.enclosureURL(for: media.reference, in: show),
      "length": String(media.length),
      "type": media.type,
    ])
    try marker.mark(episode.lines["media.duration"] != nil ? "media.duration" : "media.url")
    try xml.element("itunes:duration", String(media.duration))
    try marker.mark("explicit", show: "explicit")
    try xml.explicit(episode.explicit ?? show.explicit)
    try marker.mark("episode_type")
    try xml.element("itunes:episodeType", episode.type.rawValue)
    if let season = episode.season {
      try marker.mark("season")
      try xml.element("itunes:season", String(season))
    }
    if let number = episode.number {
      try marker.mark("episode")
      try xml.element("itunes:episode", String(number))
    }
    if let artwork = episode.artwork {
      try marker.mark("artwork")
      let href = catalogue.publicURL(for: artwork, in: show)
      try xml.element("itunes:image", attributes: ["href": href])
      // Apple's rules make episode art square, as the show's.
      try xml.element("podcast:image", attributes: ["href": href, "aspect-ratio": "1/1", "purpose": "artwork"])
    }
    if episode.block {
      try marker.mark("block")
      try xml.element("itunes:block", "Yes")
    }
    if !episode.themes.isEmpty { try marker.mark("themes") }
    for category in episode.themes { try xml.element("category", category) }
    if !episode.tags.isEmpty { try marker.mark("tags") }
    for category in episode.tags { try xml.element("category", category) }
    try podcastNamespace(episode, media: media, to: xml, marker: &marker)
    try xml.endElement()
    _ = try xml.line()
    marker.sources.bytes = firstByte..<xml.byteCount
    return marker.sources
  }

  private func podcastNamespace(_ episode: Episode, media: Enclosure, to xml: XMLWriter, marker: inout Marker) throws {
    if let season = episode.season {
      try marker.mark("season")
      try xml.element("podcast:season", String(season))
    }
    if let number = episode.number {
      try marker.mark("episode")
      try xml.element("podcast:episode", String(number))
    }
    if let integrity = integrity(media.integrity, media.reference) {
      // The namespace carries integrity only inside an alternate enclosure: the enclosure itself,
      // marked default, is one (https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/tags/alternate-enclosure.md).
      try marker.mark("media.url")
      try xml.startElement("podcast:alternateEnclosure")
      try xml.attribute("type", media.type)
      try xml.attribute("length", String(media.length))
      try xml.attribute("default", "true")
      try xml.element("podcast:source", attributes: ["uri": catalogue.enclosureURL(for: media.reference, in: show)])
      try xml.integrity(integrity)
      try xml.endElement()
    }
    for alternate in episode.alternates {
      try marker.mark(line: Int32(clamping: alternate.line))
      try write(alternate, to: xml)
    }
    if let poster = episode.poster {
      try marker.mark("poster")
      try write(poster, to: xml)
    }
    for transcript in PublishedTranscript.all(for: episode) {
      try marker.mark(line: Int32(clamping: transcript.source.line))
      try xml.startElement("podcast:transcript")
      try xml.attribute("url", catalogue.outputURL(for: show, path: transcript.path))
      try xml.attribute("type", transcript.type)
      try xml.attribute("language", transcript.source.language ?? show.language)
      if let rel = transcript.rel { try xml.attribute("rel", rel) }
      try xml.endElement()
    }
    if !episode.chapters.isEmpty {
      try marker.mark("chapters")
      try xml.element("podcast:chapters", attributes: [
        "url": catalogue.outputURL(for: show, path: OutputPaths.chapters(episode)),
        "type": "application/json+chapters",
      ])
    }
    if !Chapter.listed(episode.chapters).isEmpty { try ChapterDialects.psc(episode.chapters, to: xml) }
    if let persons = episode.persons {
      try marker.mark("persons")
      try xml.persons(persons)
    }
    if episode.location != nil { try marker.mark("location") }
    try xml.location(episode.location)
    if episode.license != nil { try marker.mark("license") }
    try xml.license(episode.license)
    if !episode.funding.isEmpty { try marker.mark("funding") }
    try xml.funding(episode.funding)
    if !episode.podcasting.isEmpty { try podcasting(episode, to: xml, marker: &marker) }
  }

  /// The Podcasting 2.0 tags beyond the basics, from ``EpisodePodcasting``.
  private func podcasting(_ episode: Episode, to xml: XMLWriter, marker: inout Marker) throws {
    let tags = episode.podcasting
    for soundbite in tags.soundbites {
      try marker.mark(line: Int32(clamping: soundbite.line))
      try xml.startElement("podcast:soundbite")
      try xml.attribute("startTime", XMLWriter.seconds(soundbite.start))
      try xml.attribute("duration", XMLWriter.seconds(soundbite.duration))
      if let title = soundbite.title { try xml.text(title) }
      try xml.endElement()
    }
    for image in tags.images {
      try marker.mark(line: Int32(clamping: image.line))
      try xml.image(image, href: catalogue.publicURL(for: image.reference, in: show))
    }
    if !tags.contentLinks.isEmpty { try marker.mark("content_links") }
    try xml.contentLinks(tags.contentLinks)
    if !tags.socialInteract.isEmpty { try marker.mark("social_interact") }
    try xml.socialInteract(tags.socialInteract)
    if tags.value != nil { try marker.mark("value") }
    try xml.value(tags.value)
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
    try xml.integrity(integrity(alternate.integrity, alternate.reference))
    try xml.endElement()
  }

  /// The SRI hash of a local file's bytes, read as the item is written (on any core) unless the
  /// cache knows them; a remote file's only when the producer gave it.
  private func integrity(_ given: String?, _ reference: MediaReference) -> String? {
    guard case .local(let path) = reference else { return given }
    return digests.sri(ofFileAt: catalogue.fileURL(for: path, in: show))
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
