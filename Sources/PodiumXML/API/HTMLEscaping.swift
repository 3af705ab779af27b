/// The one escaping path for the HTML Podium writes: the sanitiser's output and every value the
/// video pages take from the catalogue go through the same code. Text escapes `&`, `<` and `>`;
/// a double-quoted attribute value also `"`. Characters XML can't carry are dropped. Pages are
/// written with ``HTMLWriter``, which escapes through this same code.
public enum HTMLEscaping {
  public static func text(_ value: String) -> String { escape(value, quotes: false) }

  /// For attribute values in double quotes, which is how Podium writes every attribute.
  public static func attribute(_ value: String) -> String { escape(value, quotes: true) }

  /// JSON inside `<script>`: `<`, `>` and `&` as Unicode escapes, so no value can close the
  /// script element or open a comment, whatever it contains.
  public static func scriptJSON(_ json: String) -> String {
    json.replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e")
      .replacingOccurrences(of: "&", with: "\\u0026")
  }

  private static func escape(_ value: String, quotes: Bool) -> String {
    var value = value
    return value.withUTF8 { utf8 in
      var output = HTMLOutput(capacity: utf8.count + 16)
      if quotes { output.appendAttributeValue(utf8) } else { output.text(utf8) }
      return String(decoding: output.bytes.bytes(), as: UTF8.self)
    }
  }
}
