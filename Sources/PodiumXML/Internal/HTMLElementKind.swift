/// How the HTML syntax treats an element's content
/// (https://html.spec.whatwg.org/multipage/syntax.html#elements-2), which decides what
/// ``HTMLWriter`` writes for it.
enum HTMLElementKind: Equatable {
  /// No content and no end tag: `<img>`, `<meta>`, `<source>`, `<track>`…
  case void
  /// `<script>` and `<style>`: the content is not escaped, so it must not hold what ends it.
  case rawText
  case normal

  init(_ name: String) {
    // Names are checked to be ASCII, and compared in lower case as the HTML parser does.
    let lower = name.lowercased()
    if Self.voidNames.contains(lower) {
      self = .void
    } else if lower == "script" || lower == "style" {
      self = .rawText
    } else {
      self = .normal
    }
  }

  private static let voidNames: Set<String> = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
  ]
}
