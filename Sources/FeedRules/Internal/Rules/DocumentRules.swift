import Diagnostics
import PodiumXML

/// The XML declaration and the `<rss version="2.0">` root with its single channel.
struct DocumentRules: FeedCheck {
  static let declaration = Rule(
    id: "RSS-XML-DECL-UTF8", severity: .error, source: Source.apple,
    summary: #"Start with <?xml version="1.0" encoding="UTF-8"?> and encode the feed as UTF-8."#)
  /// Whatever the profile: a document that is not RSS, an Atom feed among them, is not checked
  /// further. (Atom once had its own id, APPLE-NO-ATOM, which the plain RSS profile filtered out
  /// with Apple's rules, so an Atom feed linted as plain RSS passed.)
  static let root = Rule(
    id: "RSS-ROOT", severity: .error, source: Source.rss,
    summary: #"The root is <rss version="2.0"> with exactly one <channel>; an Atom <feed> is not RSS, and Apple no longer accepts Atom."#)
  static let appleRSS = Rule(
    id: "APPLE-FEED-RSS2", severity: .error, source: Source.apple,
    summary: "<rss> declares the itunes and content namespaces Apple requires.")

  static var rules: [Rule] { [declaration, root, appleRSS] }

  func finish(_ document: FeedDocument, into findings: inout FindingList) {
    checkDeclaration(document.prologue, into: &findings)
    let root = document.root
    if root.name == "feed", root.feedNamespace == .atom {
      findings.add(
        Self.root,
        "this is an Atom feed, not RSS, and Apple Podcasts no longer accepts Atom "
          + "(https://podcasters.apple.com/4115-technical-updates-for-hosting-providers); "
          + "publish it as RSS 2.0 with <rss version=\"2.0\">",
        at: root)
      return
    }
    guard root.name == "rss", root.namespaceURI == nil else {
      findings.add(
        Self.root,
        "the root element is <\(root.name)>, not <rss>; a podcast feed must be RSS 2.0 starting with <rss version=\"2.0\">",
        at: root)
      return
    }
    checkRSS(document, into: &findings)
  }

  private func checkDeclaration(_ document: XMLPrologue, into findings: inout FindingList) {
    let fix = #"start the file with <?xml version="1.0" encoding="UTF-8"?>"#
    guard document.hasXMLDeclaration else {
      return findings.add(Self.declaration, "the feed has no XML declaration; \(fix)", line: 1)
    }
    guard let encoding = document.declaredEncoding else {
      return findings.add(
        Self.declaration, "the XML declaration names no encoding; add encoding=\"UTF-8\" to it", line: 1)
    }
    if encoding.uppercased() != "UTF-8" {
      findings.add(Self.declaration, "the feed is encoded as \(encoding); re-encode it as UTF-8 and \(fix)", line: 1)
    }
  }

  private func checkRSS(_ document: FeedDocument, into findings: inout FindingList) {
    let root = document.root
    let version = root.attribute("version")
    if version != "2.0" {
      let written = version.map { "version=\"\($0)\"" } ?? "no version"
      findings.add(Self.root, "<rss> has \(written); write <rss version=\"2.0\">", at: root)
    }
    if document.channelCount == 0 {
      findings.add(
        Self.root, "<rss> has no <channel>; put the show's metadata and items inside one <channel>", at: root)
    } else if document.channelCount > 1 {
      findings.add(
        Self.root, "<rss> has \(document.channelCount) <channel> elements; merge them into one",
        at: document.secondChannel)
    }
    let declared = Set(root.namespaceDeclarations.map { FeedNamespace(uri: $0.uri) })
    for (namespace, uri) in [(FeedNamespace.itunes, FeedNamespace.itunesURI), (.content, FeedNamespace.contentURI)]
    where !declared.contains(namespace) {
      let prefix = namespace.prefix
      findings.add(
        Self.appleRSS,
        "<rss> does not declare the \(prefix) namespace; add xmlns:\(prefix)=\"\(uri)\" to <rss>, as Apple requires",
        at: root)
    }
  }
}
