import Foundation

/// Reads catalogue text files defensively: bounded size, UTF-8 only, no characters XML can't
/// carry, and YAML errors turned into findings with the file's line numbers.
enum SourceFile {
  static func readText(_ url: URL, collector: FindingCollector) -> String? {
    readText(atPath: url.path, name: url.lastPathComponent, collector: collector)
  }

  /// - Parameter name: the file's name, for findings.
  static func readText(atPath path: String, name: String, collector: FindingCollector) -> String? {
    let bytes: [UInt8]
    do {
      bytes = try BoundedRead.bytes(atPath: path, limit: CatalogueLoader.maximumFileSize)
    } catch .tooLarge {
      collector.report(CatalogueRules.fileTooLarge, "the file is over 16 MB; is it really a text file?", line: nil)
      return nil
    } catch .notAFile(let kind) {
      collector.report(CatalogueRules.missingFile, "\(name) is \(kind), not a file; put the text file here", line: nil)
      return nil
    } catch {
      let reason = if case .unreadable(let reason) = error { reason } else { "\(error)" }
      collector.report(CatalogueRules.missingFile, "cannot read \(name): \(reason)", line: nil)
      return nil
    }
    // UTF-16 (and UTF-32) text starts with a byte order mark, or puts a NUL byte beside every
    // ASCII character: the file is in another encoding, not full of control characters.
    let utf16 = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
    let bad = utf16 ? nil : ControlCharacters.first(in: bytes)
    if utf16 || bad?.scalar == 0 {
      let why = utf16 ? "it starts with a UTF-16 byte order mark" : "it has NUL bytes, as UTF-16 text has"
      collector.report(CatalogueRules.yamlSyntax, "the file is not UTF-8 text (\(why)); save it as UTF-8", line: nil)
      return nil
    }
    if let bad {
      collector.report(
        CatalogueRules.controlCharacter,
        "control character U+\(String(format: "%04X", bad.scalar)) cannot appear in a feed; delete it", line: bad.line)
      return nil
    }
    // A UTF-8 byte order mark, which some editors write, is no part of the text: dropped here
    // for every file, so that YAML and front matter never see it.
    let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    guard let text = String(validating: bytes[start...], as: UTF8.self) else {
      collector.report(CatalogueRules.yamlSyntax, "the file is not UTF-8 text; save it as UTF-8", line: nil)
      return nil
    }
    return text
  }

  static func readYAML(_ url: URL, collector: FindingCollector) -> YAMLDocument? {
    guard let text = readText(url, collector: collector) else { return nil }
    return YAMLEventReader.parse(text[...], lineOffset: 0, collector: collector)
  }
}
