/// Something the sanitiser took out of a fragment, so a caller can warn about it.
public struct HTMLRemoval: Sendable, Hashable, CustomStringConvertible {
  public enum Kind: Sendable, Hashable {
    /// An element removed with all its content, such as `script`, `style`, `iframe` or `img`.
    case element(String)
    /// An element not on the allow-list whose tags were dropped and whose text was kept.
    case unwrapped(String)
    /// An attribute dropped from a kept element, such as `onclick`, `style` or `class`.
    case attribute(element: String, name: String)
    /// A link target that is not an absolute `http`, `https` or `mailto` URL; the link's
    /// text was kept without the link.
    case url(String)
  }

  public var kind: Kind

  public init(_ kind: Kind) {
    self.kind = kind
  }

  public var description: String {
    switch kind {
    case .element(let name): "removed <\(name)> and its content"
    case .unwrapped(let name): "removed the <\(name)> tags and kept their text"
    case .attribute(let element, let name): "removed the \(name) attribute from <\(element)>"
    case .url(let url): "removed the link to '\(url)': only absolute http, https and mailto links are kept"
    }
  }
}
