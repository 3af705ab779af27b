import PodiumXML

/// The two namespaces of a video sitemap. As with feeds, a near-miss URI (another scheme, case or
/// trailing slash) counts as the namespace it was meant to be, and an element under an undeclared
/// `video:` prefix as a video element, so a slip gives one VSM-NS finding instead of a missing
/// element in every entry.
enum SitemapNamespace: Sendable {
  case sitemap, video, other

  static let sitemapURI = "http://www.sitemaps.org/schemas/sitemap/0.9"
  static let videoURI = "http://www.google.com/schemas/sitemap-video/1.1"

  /// The namespace a declared URI names, near misses included.
  init(uri: String) {
    switch Self.normalized(uri) {
    case Self.normalized(Self.sitemapURI): self = .sitemap
    case Self.normalized(Self.videoURI): self = .video
    default: self = .other
    }
  }

  /// The exact URI the namespace must be declared with.
  var uri: String? {
    switch self {
    case .sitemap: Self.sitemapURI
    case .video: Self.videoURI
    case .other: nil
    }
  }

  /// An element's namespace and local name, read loosely: no namespace at all counts as the
  /// sitemap's (a `<urlset>` without `xmlns`), and `video:name` with an undeclared prefix as video.
  static func of(_ element: XMLElement) -> (namespace: SitemapNamespace, name: String) {
    guard let uri = element.namespaceURI else {
      guard let colon = element.name.firstIndex(of: ":") else { return (.sitemap, element.name) }
      let prefix = element.name[..<colon]
      return (prefix == "video" ? .video : .other, String(element.name[element.name.index(after: colon)...]))
    }
    return (SitemapNamespace(uri: uri), element.name)
  }

  /// Lower-cased, without scheme or trailing slash: what tells a near miss from a stranger.
  private static func normalized(_ uri: String) -> Substring {
    var text = Substring(uri.lowercased())
    for scheme in ["https://", "http://"] where text.hasPrefix(scheme) { text = text.dropFirst(scheme.count) }
    while text.hasSuffix("/") { text = text.dropLast() }
    return text
  }
}
