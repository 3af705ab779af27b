internal import CLibXML2

/// The text of a fragment on its own: removed elements (scripts, styles…) contribute
/// nothing.
struct HTMLPlainTextVisitor: HTMLTreeVisitor {
  private(set) var writer: HTMLPlainTextWriter

  init(capacity: Int) {
    writer = HTMLPlainTextWriter(capacity: capacity)
  }

  var isFinished: Bool { false }

  mutating func enter(element name: UnsafePointer<UInt8>, attributes: HTMLAttributeList) -> Bool {
    let rule = HTMLElementRule.rule(forName: name)
    if rule.action == .remove { return false }
    writer.enter(rule)
    if case .keep(let tag) = rule.action, tag.isVoid { return false }
    return true
  }

  mutating func leave() {
    writer.leave()
  }

  mutating func text(_ text: UnsafeBufferPointer<UInt8>) {
    writer.text(text)
  }
}

extension HTMLPlainTextVisitor {
  static var callbacks: htmlSAXHandler {
    HTMLParseState<Self>.callbacks(
      start: { HTMLParseState<HTMLPlainTextVisitor>.start($0, $1, $2) },
      end: { HTMLParseState<HTMLPlainTextVisitor>.end($0, $1) },
      characters: { HTMLParseState<HTMLPlainTextVisitor>.characters($0, $1, $2) })
  }
}
