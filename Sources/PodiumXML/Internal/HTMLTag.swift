/// An element the sanitiser keeps: what Apple Podcasts and other apps render, plus what
/// Markdown produces. Its tags are static strings, so writing one builds no string.
enum HTMLTag: UInt8, CaseIterable, Sendable {
  case p, br, a, strong, b, em, i, ul, ol, li, blockquote, code, pre
  case h1, h2, h3, h4, h5, h6, hr, del, s, table, thead, tbody, tr, th, td, sup, sub

  /// `<br>` and `<hr>` have no content and no end tag.
  var isVoid: Bool { self == .br || self == .hr }

  /// Whether the element starts a new block, which makes its edges word boundaries.
  var isBlock: Bool {
    switch self {
    case .a, .strong, .b, .em, .i, .code, .del, .s, .sup, .sub, .br: false
    default: true
    }
  }

  /// How many line breaks separate this element from its neighbours in plain text.
  var lineBreaks: Int {
    switch self {
    case .p, .blockquote, .pre, .h1, .h2, .h3, .h4, .h5, .h6, .hr, .table: 2
    case .ul, .ol, .li, .tr, .br: 1
    default: 0
    }
  }

  /// Made once: `String(describing:)` reflects on the case each time, and the sanitiser asks
  /// for a name at every element.
  var name: String { Self.names[Int(rawValue)] }
  private static let names = allCases.map { String(describing: $0) }

  /// `<name>` as static bytes, so that writing a tag costs one copy and no allocation; `a`
  /// gets its attributes from ``HTMLOutput/startLink(href:title:)``.
  var startTag: StaticString {
    switch self {
    case .p: "<p>"
    case .br: "<br>"
    case .a: "<a>"
    case .strong: "<strong>"
    case .b: "<b>"
    case .em: "<em>"
    case .i: "<i>"
    case .ul: "<ul>"
    case .ol: "<ol>"
    case .li: "<li>"
    case .blockquote: "<blockquote>"
    case .code: "<code>"
    case .pre: "<pre>"
    case .h1: "<h1>"
    case .h2: "<h2>"
    case .h3: "<h3>"
    case .h4: "<h4>"
    case .h5: "<h5>"
    case .h6: "<h6>"
    case .hr: "<hr>"
    case .del: "<del>"
    case .s: "<s>"
    case .table: "<table>"
    case .thead: "<thead>"
    case .tbody: "<tbody>"
    case .tr: "<tr>"
    case .th: "<th>"
    case .td: "<td>"
    case .sup: "<sup>"
    case .sub: "<sub>"
    }
  }

  /// `</name>`; empty for void elements.
  var endTag: StaticString {
    switch self {
    case .p: "</p>"
    case .br: ""
    case .a: "</a>"
    case .strong: "</strong>"
    case .b: "</b>"
    case .em: "</em>"
    case .i: "</i>"
    case .ul: "</ul>"
    case .ol: "</ol>"
    case .li: "</li>"
    case .blockquote: "</blockquote>"
    case .code: "</code>"
    case .pre: "</pre>"
    case .h1: "</h1>"
    case .h2: "</h2>"
    case .h3: "</h3>"
    case .h4: "</h4>"
    case .h5: "</h5>"
    case .h6: "</h6>"
    case .hr: ""
    case .del: "</del>"
    case .s: "</s>"
    case .table: "</table>"
    case .thead: "</thead>"
    case .tbody: "</tbody>"
    case .tr: "</tr>"
    case .th: "</th>"
    case .td: "</td>"
    case .sup: "</sup>"
    case .sub: "</sub>"
    }
  }
}
