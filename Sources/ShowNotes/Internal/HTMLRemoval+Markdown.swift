import PodiumXML

extension HTMLRemoval {
  /// Attributes cmark writes itself (`align` on table cells for aligned columns, `class`
  /// on code blocks with a language). The sanitiser drops them, but the author wrote no
  /// HTML, so they are no reason to warn.
  var isMarkdownArtefact: Bool {
    switch kind {
    case .attribute(element: "th", name: "align"), .attribute(element: "td", name: "align"),
      .attribute(element: "code", name: "class"):
      true
    default:
      false
    }
  }
}
