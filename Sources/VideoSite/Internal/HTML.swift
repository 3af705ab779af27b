/// The one escaping path for HTML that Podium writes: every value from the catalogue goes through
/// it, in text or in a double-quoted attribute. (Show notes are already sanitised HTML.)
enum HTML {
  /// Text content: `&`, `<` and `>` escaped.
  static func text(_ value: String) -> String { escape(value, quotes: false) }

  /// A double-quoted attribute value: also `"` and `'`.
  static func attribute(_ value: String) -> String { escape(value, quotes: true) }

  private static func escape(_ value: String, quotes: Bool) -> String {
    var result = ""
    result.reserveCapacity(value.utf8.count)
    for scalar in value.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"" where quotes: result += "&quot;"
      case "'" where quotes: result += "&#39;"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// JSON inside `<script>`: `<`, `>` and `&` as Unicode escapes, so no value can close the
  /// script element or open a comment, whatever it contains.
  static func scriptJSON(_ json: String) -> String {
    json.replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e")
      .replacingOccurrences(of: "&", with: "\\u0026")
  }
}
