/// Splits an episode file into its YAML front matter and its Markdown body, both slices of the
/// file's text rather than copies of it.
struct FrontMatter {
  /// The YAML between the `---` lines.
  var yaml: Substring
  /// Lines to add to a YAML line number to get the file's line number.
  var lineOffset: Int
  var body: Substring
  /// The file line where the body starts.
  var bodyLine: Int

  enum Problem: Error {
    case missingStart
    case missingEnd
  }

  static func split(_ text: String) throws(Problem) -> FrontMatter {
    var text = text
    let result = text.withUTF8 { bytes -> Result<(yaml: Range<Int>, body: Int, bodyLine: Int), Problem> in
      // A byte order mark is gone already: `SourceFile.readText` drops it from every file.
      guard bytes.starts(with: Array("---".utf8)), let openEnd = bytes.firstIndex(of: 0x0A),
        bytes[3..<openEnd].allSatisfy({ $0 == 0x0D })
      else { return .failure(.missingStart) }
      let yamlStart = openEnd + 1
      var lineStart = yamlStart
      var line = 2
      while lineStart < bytes.count {
        let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
        var contentEnd = lineEnd
        if contentEnd > lineStart, bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
        let content = bytes[lineStart..<contentEnd]
        if content.elementsEqual("---".utf8) || content.elementsEqual("...".utf8) {
          let bodyStart = min(lineEnd + 1, bytes.count)
          return .success((yamlStart..<lineStart, bodyStart, line + 1))
        }
        lineStart = lineEnd + 1
        line += 1
      }
      return .failure(.missingEnd)
    }
    let found = try result.get()
    // Byte offsets on line boundaries: `utf8.index(_:offsetBy:)` is constant time on a native string.
    let utf8 = text.utf8
    func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
    return FrontMatter(
      yaml: text[index(found.yaml.lowerBound)..<index(found.yaml.upperBound)], lineOffset: 1,
      body: text[index(found.body)...], bodyLine: found.bodyLine)
  }
}
