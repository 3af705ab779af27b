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
    var text = text
    let result = text.withUTF8 { bytes -> Result<FrontMatter, Problem> in
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
          return .success(FrontMatter(
            yaml: String(decoding: bytes[yamlStart..<lineStart], as: UTF8.self), lineOffset: 1,
            body: String(decoding: bytes[bodyStart...], as: UTF8.self), bodyLine: line + 1))
        }
        lineStart = lineEnd + 1
        line += 1
      }
      return .failure(.missingEnd)
    }
    return try result.get()
  }
}
