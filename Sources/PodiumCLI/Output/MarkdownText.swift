/// Text made safe for a Markdown table cell: code spans are kept, and outside them the characters
/// Markdown or HTML would act on are escaped, so `<itunes:image>` and `&amp;` show as written.
enum MarkdownText {
  static func cell(_ text: String) -> String {
    var result = ""
    var inCode = false
    for character in text {
      if character == "`" {
        inCode.toggle()
        result.append(character)
      } else if character == "|" {
        result += "\\|"
      } else if inCode {
        result.append(character)
      } else {
        result += escaped(character)
      }
    }
    return result
  }

  private static func escaped(_ character: Character) -> String {
    switch character {
    case "&": "&amp;"
    case "<": "&lt;"
    case ">": "&gt;"
    case "\\", "*", "_", "[", "]": "\\\(character)"
    default: String(character)
    }
  }
}
