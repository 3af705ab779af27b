/// Splits an episode file into its YAML front matter and its Markdown body.
struct FrontMatter {
  /// The YAML between the `---` lines.
  var yaml: String
  /// Lines to add to a YAML line number to get the file's line number.
  var lineOffset: Int
  var body: String
  /// The file line where the body starts.
  var bodyLine: Int

  enum Problem: Error {
    case missingStart
    case missingEnd
  }

  static func split(_ text: String) throws(Problem) -> FrontMatter {
    var text = Substring(text)
    if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
    guard text.hasPrefix("---\n") || text.hasPrefix("---\r\n") else { throw .missingStart }
    let afterOpen = text.index(after: text.firstIndex(of: "\n") ?? text.startIndex)
    var lineStart = afterOpen
    var line = 2
    while lineStart < text.endIndex {
      let lineEnd = text[lineStart...].firstIndex(of: "\n") ?? text.endIndex
      var content = text[lineStart..<lineEnd]
      if content.hasSuffix("\r") { content = content.dropLast() }
      if content == "---" || content == "..." {
        let bodyStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : text.endIndex
        return FrontMatter(
          yaml: String(text[afterOpen..<lineStart]), lineOffset: 1, body: String(text[bodyStart...]),
          bodyLine: line + 1)
      }
      guard lineEnd < text.endIndex else { break }
      lineStart = text.index(after: lineEnd)
      line += 1
    }
    throw .missingEnd
  }
}
