internal import CLibXML2

/// Collects `<link rel="alternate">` elements that name an RSS or Atom feed.
struct HTMLFeedLinkVisitor: HTMLTreeVisitor {
  private(set) var links: [(href: String, rss: Bool)] = []

  var isFinished: Bool { false }

  mutating func enter(element name: UnsafePointer<UInt8>, attributes: HTMLAttributeList) -> Bool {
    guard HTMLCString.equals(name, "link") else { return true }
    var rel = "", type = "", href: String?
    attributes.forEach { attribute, value in
      guard let value else { return }
      if HTMLCString.equals(attribute, "rel") { rel = HTMLCString.string(value).lowercased() }
      if HTMLCString.equals(attribute, "type") { type = HTMLCString.string(value).lowercased() }
      if HTMLCString.equals(attribute, "href") { href = HTMLCString.string(value) }
    }
    if let href, rel.split(separator: " ").contains("alternate"),
      type.hasPrefix("application/rss+xml") || type.hasPrefix("application/atom+xml")
    {
      links.append((href, type.hasPrefix("application/rss+xml")))
    }
    return false
  }

  mutating func leave() {}

  mutating func text(_ text: UnsafeBufferPointer<UInt8>) {}
}

extension HTMLFeedLinkVisitor {
  static var callbacks: htmlSAXHandler {
    HTMLParseState<Self>.callbacks(
      start: { HTMLParseState<HTMLFeedLinkVisitor>.start($0, $1, $2) },
      end: { HTMLParseState<HTMLFeedLinkVisitor>.end($0, $1) },
      characters: { HTMLParseState<HTMLFeedLinkVisitor>.characters($0, $1, $2) })
  }
}
