import Diagnostics
import PodiumXML

/// `<urlset>` in the sitemap namespace, and the video namespace declared under its exact URI.
struct SitemapNamespaceRules: SitemapCheck {
  static let namespaces = Rule(
    id: "VSM-NS", severity: .error, source: Source.videoSitemap,
    summary: #"The root is <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"> and video tags use "#
      + #"xmlns:video="http://www.google.com/schemas/sitemap-video/1.1"."#)

  static var rules: [Rule] { [namespaces] }

  static let declarations =
    #"<urlset xmlns="\#(SitemapNamespace.sitemapURI)" xmlns:video="\#(SitemapNamespace.videoURI)">"#

  func check(_ sitemap: Sitemap, into findings: inout FindingList) {
    let root = sitemap.root
    guard sitemap.isURLSet else { return reportRoot(root, into: &findings) }
    if root.namespaceURI == nil {
      findings.add(
        Self.namespaces,
        "<urlset> declares no namespace, so search engines don't read it as a sitemap; start it as \(Self.declarations)",
        at: root)
    }
    var reportedPrefixes: Set<Substring> = []
    visit(root, reportedPrefixes: &reportedPrefixes, into: &findings)
    for url in sitemap.urls {
      for video in url.unprefixedVideos {
        findings.add(
          Self.namespaces,
          "<video> is in the sitemap namespace, where search engines don't look for videos; write it as <video:video> with xmlns:video=\"\(SitemapNamespace.videoURI)\"",
          at: video)
      }
    }
  }

  private func reportRoot(_ root: XMLElement, into findings: inout FindingList) {
    let (namespace, name) = SitemapNamespace.of(root)
    let message: String
    if name == "sitemapindex", namespace == .sitemap {
      message = "this is a sitemap index, not a sitemap; check each sitemap it lists instead"
    } else if name == "urlset" {
      message =
        "<urlset> is in the namespace '\(root.namespaceURI ?? "")', not the sitemap namespace; start it as \(Self.declarations)"
    } else {
      message = "the root element is <\(root.name)>, not <urlset>; a video sitemap starts as \(Self.declarations)"
    }
    findings.add(Self.namespaces, message, at: root)
  }

  /// Every namespace declaration and every undeclared prefix, in one walk over the elements.
  private func visit(_ element: XMLElement, reportedPrefixes: inout Set<Substring>, into findings: inout FindingList) {
    for declaration in element.namespaceDeclarations { check(declaration, on: element, into: &findings) }
    if element.namespaceURI == nil, let colon = element.name.firstIndex(of: ":") {
      let prefix = element.name[..<colon]
      if reportedPrefixes.insert(prefix).inserted {
        let fix = prefix == "video" ? "xmlns:video=\"\(SitemapNamespace.videoURI)\"" : "xmlns:\(prefix)=\"…\""
        findings.add(
          Self.namespaces, "the prefix '\(prefix)' in <\(element.name)> is not declared; add \(fix) to <urlset>",
          at: element)
      }
    }
    for child in element.children { visit(child, reportedPrefixes: &reportedPrefixes, into: &findings) }
  }

  private func check(
    _ declaration: XMLElement.NamespaceDeclaration, on element: XMLElement, into findings: inout FindingList
  ) {
    var namespace = SitemapNamespace(uri: declaration.uri)
    if namespace == .other, declaration.prefix == "video" { namespace = .video }
    guard let uri = namespace.uri, declaration.uri != uri else { return }
    let written = declaration.prefix.map { "xmlns:\($0)" } ?? "xmlns"
    let expected = namespace == .video ? "xmlns:video=\"\(uri)\"" : "xmlns=\"\(uri)\""
    findings.add(
      Self.namespaces,
      "\(written)=\"\(declaration.uri)\" is not the \(namespace == .video ? "video" : "sitemap") namespace URI; write exactly \(expected)",
      at: element)
  }
}
