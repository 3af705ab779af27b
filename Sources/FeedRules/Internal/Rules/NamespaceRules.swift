import Diagnostics
import PodiumXML

/// Namespace declarations: every prefix declared, and each known namespace under its exact URI.
struct NamespaceRules: FeedCheck {
  static let declared = Rule(
    id: "RSS-NS-DECLARED", severity: .error, source: Source.xmlNames,
    summary: "Every prefix used must be declared on <rss>.")
  static let itunes = Rule(
    id: "RSS-NS-ITUNES", severity: .error, source: Source.apple,
    summary: #"Declare exactly xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"."#)
  static let content = Rule(
    id: "RSS-NS-CONTENT", severity: .error, source: Source.apple,
    summary: #"Declare exactly xmlns:content="http://purl.org/rss/1.0/modules/content/"."#)
  /// Under another URI, podcast:, media: and atom: tags are lost to apps, but the feed is not
  /// refused: warnings. Apple's tags under another URI are, as Apple then misses required tags.
  static let podcast = Rule(
    id: "RSS-NS-PODCAST", severity: .warning, source: Source.podcasting20,
    summary: #"Declare exactly xmlns:podcast="https://podcastindex.org/namespace/1.0" (no trailing slash)."#)
  static let media = Rule(
    id: "MRSS-NS", severity: .warning, source: Source.mediaRSS,
    summary: #"Declare exactly xmlns:media="http://search.yahoo.com/mrss/" (with the trailing slash)."#)
  static let atom = Rule(
    id: "RSS-NS-ATOM", severity: .warning, source: Source.rss,
    summary: #"Declare exactly xmlns:atom="http://www.w3.org/2005/Atom"."#)
  static let googlePlay = Rule(
    id: "RSS-NS-GOOGLEPLAY", severity: .info, source: Source.rss,
    summary: "Google Podcasts closed in 2024; its namespace and tags are no longer read.")

  static var rules: [Rule] { [declared, itunes, content, podcast, media, atom, googlePlay] }

  /// The rule and the URIs accepted for each namespace that must be declared exactly.
  private static let expected: [FeedNamespace: (rule: Rule, uris: [String])] = [
    .itunes: (itunes, [FeedNamespace.itunesURI]),
    .content: (content, [FeedNamespace.contentURI]),
    .podcast: (podcast, [FeedNamespace.podcastURI, FeedNamespace.podcastAlternateURI]),
    .media: (media, [FeedNamespace.mediaURI]),
    .atom: (atom, [FeedNamespace.atomURI]),
  ]

  private static let uriForPrefix: [String: String] = [
    "itunes": FeedNamespace.itunesURI, "content": FeedNamespace.contentURI, "podcast": FeedNamespace.podcastURI,
    "media": FeedNamespace.mediaURI, "atom": FeedNamespace.atomURI, "dc": FeedNamespace.dublinCoreURI,
    "googleplay": FeedNamespace.googlePlayURI,
  ]

  /// Every element, in document order: the only rule family that needs to see them all.
  func visit(_ element: XMLElement, whole: Bool, into findings: inout FindingList) {
    for declaration in element.namespaceDeclarations { checkDeclaration(declaration, on: element, into: &findings) }
    if element.namespaceURI == nil {
      checkPrefix(of: element.name, on: element, into: &findings)
    }
    for attribute in element.attributes where attribute.namespaceURI == nil {
      checkPrefix(of: attribute.name, on: element, into: &findings)
    }
    guard whole else { return }
    for child in element.children { visit(child, whole: true, into: &findings) }
  }

  /// A name that still has a prefix after parsing used one that was never declared: reported
  /// once per prefix and feed.
  private func checkPrefix(of name: String, on element: XMLElement, into findings: inout FindingList) {
    guard let colon = name.utf8.firstIndex(of: UInt8(ascii: ":")) else { return }
    let prefix = name[..<colon]
    guard prefix != "xml" else { return }
    let uri = Self.uriForPrefix[String(prefix)] ?? "…"
    findings.addOnce(
      String(prefix), Self.declared,
      "the prefix '\(prefix)' in '\(name)' is not declared; add xmlns:\(prefix)=\"\(uri)\" to <rss>", at: element)
  }

  private func checkDeclaration(
    _ declaration: XMLElement.NamespaceDeclaration, on element: XMLElement, into findings: inout FindingList
  ) {
    var namespace = FeedNamespace(uri: declaration.uri)
    if namespace == .googlePlay {
      findings.add(
        Self.googlePlay, "Google Podcasts closed in 2024; remove the googleplay namespace and its tags", at: element)
    }
    if Self.expected[namespace] == nil, let prefix = declaration.prefix,
      let byPrefix = FeedNamespace(prefix: prefix[...])
    {
      namespace = byPrefix
    }
    guard let (rule, uris) = Self.expected[namespace], !uris.contains(declaration.uri) else { return }
    let written = declaration.prefix.map { "xmlns:\($0)" } ?? "xmlns"
    findings.add(
      rule,
      "\(written)=\"\(declaration.uri)\" is not the \(namespace.prefix) namespace URI; write exactly xmlns:\(namespace.prefix)=\"\(uris[0])\"",
      at: element)
  }
}
