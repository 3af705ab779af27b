/// The `source` strings of rules, matching the keys of `feed-rules.md`.
enum Source {
  static let xml = "XML 1.0"
  static let rss = "RSS 2.0 specification and W3C Feed Validator"
  static let apple = "Apple Podcasts RSS guide and requirements"
  static let podcasting20 = "Podcasting 2.0 namespace"
  static let clients = "Podcast app compatibility"
  static let mediaRSS = "Media RSS 1.5.1 and W3C Feed Validator"
  static let videoSitemap = "Google video sitemaps"
}
