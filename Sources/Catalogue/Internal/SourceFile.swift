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
      // Only a `!` can write a tag; most files have none, and then the tree needs no walk.
      if text.utf8.contains(UInt8(ascii: "!")), let tagged = firstTag(in: node) {
        collector.report(
          CatalogueRules.yamlSyntax,
          "YAML tags such as '\(tagged.text)' are not allowed in the catalogue; remove the tag, or put the value "
            + "in quotes if the ! is part of the text", line: tagged.line.map { $0 + lineOffset })
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

  /// The first node with an explicit tag (`!!python/object:os.system`, `!!int`, `!secret`):
  /// Podium reads every value as text by its own rules, and a tag only means that the file
  /// expects a program to construct something from it.
  private static func firstTag(in node: Node) -> (text: String, line: Int?)? {
    let expected: Tag.Name
    switch node {
    case .scalar: expected = .str
    case .mapping(let mapping):
      for (key, value) in mapping {
        if let found = firstTag(in: key) ?? firstTag(in: value) { return found }
      }
      expected = .map
    case .sequence(let sequence):
      for item in sequence {
        if let found = firstTag(in: item) { return found }
      }
      expected = .seq
    case .alias:
      return nil
    }
    let name = node.tag.rawValue
    guard name != expected.rawValue, name != Tag.Name.implicit.rawValue, name != Tag.Name.nonSpecific.rawValue else {
      return nil
    }
    let prefix = "tag:yaml.org,2002:"
    let text = name.hasPrefix(prefix) ? "!!" + name.dropFirst(prefix.count) : name
    return (text, node.mark?.line)
  }

  /// libyaml's problem, said in the producer's terms, on the line where the mistake is.
  private static func describe(_ error: YamlError) -> (Int?, String) {
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      return explain(problem: problem, at: mark.line, context: context.map { ($0.text, $0.mark.line) })
    case .duplicatedKeysInMapping(let duplicates, let context):
      return (context.mark.line, "the key '\(duplicates.joined(separator: "', '"))' appears twice; keep one")
    case .reader(let problem, _, _, _):
      return (nil, problem)
    default:
      return (nil, "\(error)")
    }
  }

  /// - Parameter context: what libyaml was reading when it failed, and the line where that began.
  private static func explain(problem: String, at line: Int, context: (text: String, line: Int)?) -> (Int?, String) {
    if problem.hasPrefix("Maximum nesting level") {
      // libyaml's own limit, which names the C function that sets it.
      return (line, "lists and mappings are nested more than 1000 levels deep, where a catalogue file needs four; "
        + "look for a long run of [ or {")
    }
    if problem == "found unexpected end of stream", let context {
      // The file ended inside something that never closed: the mistake is where it began.
      if context.text.contains("quoted scalar") {
        return (context.line, "this quoted value is never closed; add the closing quote, or remove the opening one")
      }
      return (context.line, "the file ends before what starts on this line is closed (\(context.text))")
    }
    if let context, context.text.hasPrefix("while parsing a flow") {
      // `title: [Demo` reads on until the file ends or a `:` breaks the list.
      return (context.line, "the [ or { on this line starts a list or mapping that is never closed; close it, or put "
        + "the value in quotes if the bracket is part of the text")
    }
    if problem == "mapping values are not allowed in this context" {
      return (line, "a ': ' inside a value starts a new key; put the whole value in quotes, "
        + "as in title: \"Politiek: wat nu?\"")
    }
    if problem.hasPrefix("found a tab character") {
      return (line, "a tab indents this line; indent with spaces only")
    }
    if problem == "did not find expected key", context?.text == "while parsing a block mapping" {
      // `title: 'it's here'` or `title: "A" B`: the quoted value ends early and text follows it.
      return (line, "this line does not read as 'key: value': text follows a closing quote, or the line is "
        + "indented unlike the keys around it. A value that holds its own quote mark needs the other quotes "
        + "(title: \"it's here\") or, in single quotes, the mark written twice ('it''s here')")
    }
    if problem == "block sequence entries are not allowed in this context" {
      return (line, "a '- ' after a key on the same line starts a list where the value belongs; put the value in "
        + "quotes, or put each item of a list on a line of its own, under the key")
    }
    if problem.hasPrefix("found character that cannot start any token") {
      return (line, "\(problem); indent with spaces, not tabs, and quote a value that starts with @ or `")
    }
    let detail = context.map { " (\($0.text))" } ?? ""
    return (line, problem + detail)
  }
}
