/// A sanitised fragment as a tree, for a caller that turns it into something else (`podium
/// import` writes show notes as Markdown from it). Only what ``HTMLSanitizer`` keeps can be in
/// it: its elements, and `href` and `title` on links.
public enum HTMLNode: Sendable, Hashable {
  /// Text, entities decoded.
  case text(String)
  /// An element by its lower-case name, with its `href` and `title` (links only) and content.
  indirect case element(String, href: String?, title: String?, children: [HTMLNode])
}

extension SanitizedHTML {
  /// The fragment as a tree: the sanitised HTML parsed again, so the tree holds nothing the
  /// HTML doesn't.
  public var nodes: [HTMLNode] {
    HTMLFragmentParser.parse(html, with: HTMLNodeBuilder()).nodes
  }
}
