internal import CLibXML2

/// Builds ``HTMLNode``s from sanitised HTML, which holds only allow-listed elements.
struct HTMLNodeBuilder: HTMLTreeVisitor {
  private struct Open {
    var name: String
    var href: String?
    var title: String?
    var children: [HTMLNode] = []
  }

  private var stack = [Open(name: "")]
  /// For each element entered and not yet left, whether it opened a node (`html`, `body` and
  /// anything unwrapped do not), so each `leave` closes only its own.
  private var opened: [Bool] = []

  var isFinished: Bool { false }

  /// The top-level nodes, once the parse is done.
  var nodes: [HTMLNode] { stack.first?.children ?? [] }

  mutating func enter(element name: UnsafePointer<UInt8>, attributes: HTMLAttributeList) -> Bool {
    let rule = HTMLElementRule.rule(forName: name)
    guard case .keep(let tag) = rule.action else {
      guard rule.action != .remove else { return false }
      opened.append(false)
      return true
    }
    var open = Open(name: tag.name)
    if tag == .a {
      attributes.forEach { attribute, value in
        guard let value else { return }
        if HTMLCString.equals(attribute, "href") { open.href = HTMLCString.string(value) }
        if HTMLCString.equals(attribute, "title") { open.title = HTMLCString.string(value) }
      }
    }
    if tag.isVoid {
      stack[stack.count - 1].children.append(.element(open.name, href: nil, title: nil, children: []))
      return false
    }
    stack.append(open)
    opened.append(true)
    return true
  }

  mutating func leave() {
    guard opened.popLast() == true, stack.count > 1 else { return }
    let open = stack.removeLast()
    stack[stack.count - 1].children.append(.element(open.name, href: open.href, title: open.title, children: open.children))
  }

  mutating func text(_ text: UnsafeBufferPointer<UInt8>) {
    let string = String(decoding: text, as: UTF8.self)
    var children = stack[stack.count - 1].children
    stack[stack.count - 1].children = []
    if case .text(let previous) = children.last {
      children[children.count - 1] = .text(previous + string)
    } else {
      children.append(.text(string))
    }
    stack[stack.count - 1].children = children
  }
}

extension HTMLNodeBuilder {
  static var callbacks: htmlSAXHandler {
    HTMLParseState<Self>.callbacks(
      start: { HTMLParseState<HTMLNodeBuilder>.start($0, $1, $2) },
      end: { HTMLParseState<HTMLNodeBuilder>.end($0, $1) },
      characters: { HTMLParseState<HTMLNodeBuilder>.characters($0, $1, $2) })
  }
}
