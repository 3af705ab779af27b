/// Why ``HTMLWriter`` refused a call. Each is a mistake in the code that writes the page, never
/// in the text it writes: text and attribute values are always escaped.
public struct HTMLWriterError: Error, Sendable, Hashable, CustomStringConvertible {
  public enum Reason: Sendable, Hashable {
    /// An element or attribute name HTML would read differently (space, quote, `=`, `/`, `>`…).
    case invalidName(String)
    /// An attribute after the start tag was closed by content or a child.
    case attributeOutsideStartTag(String)
    case duplicateAttribute(String)
    /// Content in `<img>`, `<meta>` or another element that has none.
    case contentInVoidElement(String)
    /// The content of `<script>` or `<style>` holds what would end it early (`</script`) or,
    /// in a script, `<!--`, after which the parser may not see `</script>` at all.
    case rawTextEnd(element: String, found: String)
    /// A character XML cannot carry in unescaped script or style content.
    case invalidCharacter(scalar: UInt32, element: String)
    /// Sanitised HTML inside `<script>` or `<style>`, where it would be code.
    case markupInRawText(String)
    /// `endElement()` with no element open.
    case noOpenElement
  }

  public let reason: Reason

  public init(_ reason: Reason) { self.reason = reason }

  public var description: String {
    switch reason {
    case .invalidName(let name): "'\(name)' is not a name HTML reads as one"
    case .attributeOutsideStartTag(let name): "attribute '\(name)' comes after the start tag was closed"
    case .duplicateAttribute(let name): "attribute '\(name)' is written twice"
    case .contentInVoidElement(let name): "<\(name)> has no content in HTML"
    case .rawTextEnd(let element, let found):
      "the content of <\(element)> holds '\(found)', "
        + (found == "<!--" ? "after which the parser may not see its end tag" : "which would end it early")
    case .invalidCharacter(let scalar, let element):
      "the content of <\(element)> holds U+\(String(scalar, radix: 16, uppercase: true).leftPadded(to: 4)), "
        + "which XML cannot carry"
    case .markupInRawText(let element): "markup inside <\(element)> would be read as code"
    case .noOpenElement: "endElement() with no element open"
    }
  }
}
