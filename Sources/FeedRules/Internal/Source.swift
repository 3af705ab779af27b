/// The public documents rules come from, as `Rule.source` names them: the words of these
/// documents set each rule's severity (docs/rules.md says how), so each is given with its URL.
enum Source {
  static let xml = "XML 1.0, https://www.w3.org/TR/xml/"
  static let xmlNames = "Namespaces in XML 1.0, https://www.w3.org/TR/xml-names/"
  static let rss =
    "RSS 2.0, https://www.rssboard.org/rss-specification, as the W3C Feed Validator reads it, "
    + "https://validator.w3.org/feed/docs/"
  static let apple =
    "Apple Podcasts requirements, https://podcasters.apple.com/support/823-podcast-requirements, and RSS guide, "
    + "https://help.apple.com/itc/podcasts_connect/#/itcb54353390"
  static let podcasting20 = "Podcasting 2.0 namespace, https://github.com/Podcastindex-org/podcast-namespace"
  /// Apps' own bug trackers, where they show what they do with a feed.
  static let clients =
    "Podcast apps: gPodder skips items without an enclosure, https://github.com/gpodder/gpodder/issues/490"
  static let clientLengths =
    "Podcast apps: AntennaPod shows wrong sizes for wrong lengths, https://github.com/AntennaPod/AntennaPod/issues/587"
  static let mediaRSS = "Media RSS 1.5.1, https://www.rssboard.org/media-rss"
  static let videoSitemap =
    "Google video sitemaps, https://developers.google.com/search/docs/crawling-indexing/sitemaps/video-sitemaps"
}
