import Diagnostics
import PodiumXML

/// The parts of a video sitemap the rules read, found in one walk: each `<url>` with its `<loc>`
/// and its `<video:video>` entries.
struct Sitemap: Sendable {
  let document: XMLDocument
  /// Whether the root is a `<urlset>` (in the sitemap namespace or a near miss of it); if not,
  /// there are no entries to read and VSM-NS says why.
  let isURLSet: Bool
  let urls: [URLEntry]

  struct URLEntry: Sendable {
    let element: XMLElement
    let loc: XMLElement?
    let videos: [Video]
    /// Children named `video` in the sitemap's own namespace: `<video>` written without its prefix.
    let unprefixedVideos: [XMLElement]
  }

  /// One `<video:video>`, with its video children filed by local name.
  struct Video: Sendable {
    let element: XMLElement
    private let children: [(name: String, element: XMLElement)]

    init(_ element: XMLElement) {
      self.element = element
      children = element.children.compactMap { child in
        let (namespace, name) = SitemapNamespace.of(child)
        return namespace == .video ? (name, child) : nil
      }
    }

    func all(_ name: String) -> [XMLElement] { children.filter { $0.name == name }.map(\.element) }
    func first(_ name: String) -> XMLElement? { children.first { $0.name == name }?.element }
  }

  init(_ document: XMLDocument) {
    self.document = document
    let root = SitemapNamespace.of(document.root)
    isURLSet = root.namespace == .sitemap && root.name == "urlset"
    guard isURLSet else {
      urls = []
      return
    }
    urls = document.root.children.compactMap { url in
      guard SitemapNamespace.of(url) == (.sitemap, "url") else { return nil }
      var loc: XMLElement?
      var videos: [Video] = []
      var unprefixed: [XMLElement] = []
      for child in url.children {
        switch SitemapNamespace.of(child) {
        case (.sitemap, "loc"): loc = loc ?? child
        case (.video, "video"): videos.append(Video(child))
        case (.sitemap, "video"): unprefixed.append(child)
        default: break
        }
      }
      return URLEntry(element: url, loc: loc, videos: videos, unprefixedVideos: unprefixed)
    }
  }

  var root: XMLElement { document.root }
}

/// One family of sitemap rules, reading the sitemap once, like `FeedCheck` for feeds.
protocol SitemapCheck: Sendable {
  static var rules: [Rule] { get }
  func check(_ sitemap: Sitemap, into findings: inout FindingList)
}

/// Every sitemap rule family, in the order they run (findings are sorted afterwards anyway).
enum SitemapChecks {
  static let all: [any SitemapCheck] = [SitemapNamespaceRules(), VideoEntryRules(), VideoLimitRules()]

  static let rules: [Rule] = ParseErrorFinding.rules + all.flatMap { type(of: $0).rules }
}
