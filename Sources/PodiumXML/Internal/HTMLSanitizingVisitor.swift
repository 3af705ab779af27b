internal import CLibXML2

/// Writes only what the allow-list keeps, reporting what it drops, and optionally the text
/// of what it keeps in the same pass.
struct HTMLSanitizingVisitor: HTMLTreeVisitor {
  private enum Frame {
    case kept(HTMLTag)
    case unwrapped(separate: Bool)
  }

  private(set) var output: HTMLOutput
  private(set) var log = HTMLRemovalLog()
  private(set) var plainText: HTMLPlainTextWriter?
  private var frames: [Frame] = []

  init(output: HTMLOutput, plainText: HTMLPlainTextWriter?) {
    self.output = output
    self.plainText = plainText
  }

  var isFinished: Bool { output.isOverLimit }

  mutating func enter(element name: UnsafePointer<UInt8>, attributes: HTMLAttributeList) -> Bool {
    let rule = HTMLElementRule.rule(forName: name)
    guard rule.action != .remove else {
      log.removed(element: name)
      return false
    }
    plainText?.enter(rule)
    return write(rule, name: name, attributes: attributes)
  }

  /// Writes the start of an element that is not removed; returns whether to visit its
  /// content.
  private mutating func write(_ rule: HTMLElementRule, name: UnsafePointer<UInt8>, attributes: HTMLAttributeList)
    -> Bool
  {
    switch rule.action {
    case .remove:
      return false
    case .container:
      frames.append(.unwrapped(separate: false))
    case .unwrap:
      log.unwrapped(element: name)
      unwrap(separate: rule.lineBreaks > 0)
    case .keep(.a):
      guard writeLink(attributes) else {
        unwrap(separate: false)
        return true
      }
      frames.append(.kept(.a))
    case .keep(let tag):
      attributes.forEach { attribute, _ in log.removed(attribute: attribute, from: tag) }
      output.start(tag)
      if tag.isVoid { return false }
      frames.append(.kept(tag))
    }
    return true
  }

  mutating func leave() {
    plainText?.leave()
    switch frames.popLast() {
    case .kept(let tag): output.end(tag)
    case .unwrapped(separate: true): output.separateBlock()
    case .unwrapped(separate: false), nil: break
    }
  }

  mutating func text(_ text: UnsafeBufferPointer<UInt8>) {
    output.text(text)
    plainText?.text(text)
  }

  private mutating func unwrap(separate: Bool) {
    if separate { output.separateBlock() }
    frames.append(.unwrapped(separate: separate))
  }

  /// Writes `<a>` with its `href` and `title` if the link is allowed; otherwise reports the
  /// URL and returns false, so that the element is unwrapped and its text kept.
  private mutating func writeLink(_ attributes: HTMLAttributeList) -> Bool {
    var href: UnsafeBufferPointer<UInt8>?
    var title: UnsafeBufferPointer<UInt8>?
    attributes.forEach { name, value in
      let bytes = value.map(HTMLCString.bytes) ?? UnsafeBufferPointer(start: nil, count: 0)
      if HTMLCString.equals(name, "href") {
        href = bytes
      } else if HTMLCString.equals(name, "title") {
        title = bytes
      }
    }
    guard let href else { return false }
    guard let url = HTMLLinkPolicy.allowedURL(href) else {
      log.removed(url: href)
      return false
    }
    attributes.forEach { name, _ in
      if !HTMLCString.equals(name, "href"), !HTMLCString.equals(name, "title") {
        log.removed(attribute: name, from: .a)
      }
    }
    output.startLink(href: url, title: title?.isEmpty == false ? title : nil)
    return true
  }
}

extension HTMLSanitizingVisitor {
  static var callbacks: htmlSAXHandler {
    HTMLParseState<Self>.callbacks(
      start: { HTMLParseState<HTMLSanitizingVisitor>.start($0, $1, $2) },
      end: { HTMLParseState<HTMLSanitizingVisitor>.end($0, $1) },
      characters: { HTMLParseState<HTMLSanitizingVisitor>.characters($0, $1, $2) })
  }
}
