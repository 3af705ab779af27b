/// The keys rules look up in every item, made once: a feed may have a million items, and a key
/// written as a literal is built again on every lookup.
extension ElementKey {
  static let title: ElementKey = "title"
  static let rssDescription: ElementKey = "description"
  static let link: ElementKey = "link"
  static let guid: ElementKey = "guid"
  static let pubDate: ElementKey = "pubDate"
  static let author: ElementKey = "author"
  static let enclosure: ElementKey = "enclosure"
  static let contentEncoded: ElementKey = "content:encoded"
  static let dcDate: ElementKey = "dc:date"
  static let dcCreator: ElementKey = "dc:creator"
  static let itunesDuration: ElementKey = "itunes:duration"
  static let itunesExplicit: ElementKey = "itunes:explicit"
  static let itunesBlock: ElementKey = "itunes:block"
  static let itunesImage: ElementKey = "itunes:image"
  static let itunesEpisode: ElementKey = "itunes:episode"
  static let itunesSeason: ElementKey = "itunes:season"
  static let itunesEpisodeType: ElementKey = "itunes:episodeType"
}
