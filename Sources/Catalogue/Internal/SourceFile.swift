import Foundation
import Yams

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
    } catch {
      collector.report(CatalogueRules.missingFile, "cannot read \(name); is it there?", line: nil)
      return nil
    }
    if let bad = ControlCharacters.first(in: bytes) {
      collector.report(
        CatalogueRules.controlCharacter,
        "control character U+\(String(format: "%04X", bad.scalar)) cannot appear in a feed; delete it", line: bad.line)
      return nil
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      collector.report(CatalogueRules.yamlSyntax, "the file is not UTF-8 text; save it as UTF-8", line: nil)
      return nil
    }
    return text
  }

  static func readYAML(_ url: URL, collector: FindingCollector) -> Node? {
    guard let text = readText(url, collector: collector) else { return nil }
    return parseYAML(text, lineOffset: 0, collector: collector)
  }

  /// `Constructor.default` builds three dictionaries of closures on every call (3% of loading);
  /// Podium never constructs values from nodes, and a constructor is immutable once made, so
  /// every parse on every thread can share one.
  nonisolated(unsafe) private static let constructor = Constructor.default

  static func parseYAML(_ text: String, lineOffset: Int, collector: FindingCollector) -> Node? {
    do {
      // The basic resolver tags every scalar as text: Podium reads values by its own rules, and
      // Yams's default resolver runs regular expressions on every scalar (a third of load time).
      guard let node = try Yams.compose(yaml: text, .basic, constructor, .utf8) else {
        collector.report(CatalogueRules.missingKey, "the YAML is empty", line: 1 + lineOffset)
        return nil
      }
      return node
    } catch let error as YamlError {
      let (line, message) = describe(error)
      collector.report(CatalogueRules.yamlSyntax, "malformed YAML: \(message)", line: line.map { $0 + lineOffset })
      return nil
    } catch {
      collector.report(CatalogueRules.yamlSyntax, "malformed YAML: \(error)", line: nil)
      return nil
    }
  }

  private static func describe(_ error: YamlError) -> (Int?, String) {
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let detail = context.map { " (\($0.text))" } ?? ""
      return (mark.line, problem + detail)
    case .duplicatedKeysInMapping(let duplicates, let context):
      return (context.mark.line, "the key '\(duplicates.joined(separator: "', '"))' appears twice; keep one")
    case .reader(let problem, _, _, _):
      return (nil, problem)
    default:
      return (nil, "\(error)")
    }
  }
}
