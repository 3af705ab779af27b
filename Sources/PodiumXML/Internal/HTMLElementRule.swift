/// What the sanitiser does with one element, looked up by its name.
struct HTMLElementRule: Sendable {
  enum Action: Sendable, Equatable {
    /// Write the element (with only its allowed attributes) and its content.
    case keep(HTMLTag)
    /// Drop the tags and keep the content; reported.
    case unwrap
    /// Drop the element and everything in it; reported.
    case remove
    /// `html` and `body`, which the parser adds around every fragment: unwrapped silently.
    case container
  }

  var action: Action
  /// Line breaks around the element in plain text (0, 1 or 2); for unwrapped blocks such as
  /// `div`, also a newline in HTML so that words on either side do not run together.
  var lineBreaks: Int

  /// The rule for an element name as libxml2's HTML parser reports it (lower case).
  static func rule(forName name: UnsafePointer<UInt8>) -> HTMLElementRule {
    guard let key = HTMLNameKey.key(name) else { return unknown }
    return table.rule(forKey: key) ?? unknown
  }

  private static let unknown = HTMLElementRule(action: .unwrap, lineBreaks: 0)

  /// Elements removed with their content: scripts, styles, embedded documents and media,
  /// forms, and document metadata. `img` is removed too, since feeds must not load images
  /// from show notes; the media elements' content is only fallback text.
  private static let removed = [
    "script", "style", "iframe", "object", "embed", "noscript", "template", "svg", "math",
    "form", "input", "button", "textarea", "select", "head", "title", "meta", "link",
    "img", "applet", "frame", "frameset", "base", "param", "audio", "video", "canvas",
    "picture", "source", "track",
  ]

  /// Unknown block elements: unwrapped, but kept apart from their neighbours.
  private static let unwrappedBlocks = [
    "div", "section", "article", "header", "footer", "nav", "aside", "main", "address",
    "figure", "figcaption", "dl", "dt", "dd", "details", "summary", "center", "caption",
    "fieldset", "legend",
  ]

  private static let table: HTMLElementTable = {
    var rules: [(String, HTMLElementRule)] = []
    for tag in HTMLTag.allCases {
      rules.append((tag.name, HTMLElementRule(action: .keep(tag), lineBreaks: tag.lineBreaks)))
    }
    for name in removed { rules.append((name, HTMLElementRule(action: .remove, lineBreaks: 0))) }
    for name in unwrappedBlocks { rules.append((name, HTMLElementRule(action: .unwrap, lineBreaks: 1))) }
    rules.append(("html", HTMLElementRule(action: .container, lineBreaks: 0)))
    rules.append(("body", HTMLElementRule(action: .container, lineBreaks: 0)))
    return HTMLElementTable(rules.compactMap { name, rule in HTMLNameKey.key(name).map { ($0, rule) } })
  }()
}
