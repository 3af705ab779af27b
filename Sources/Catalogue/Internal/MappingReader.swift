import Diagnostics
import Yams

/// Reads one YAML mapping against a known set of keys, reporting every problem with its line:
/// unknown keys (with a suggestion), wrong types and missing required keys.
struct MappingReader {
  let collector: FindingCollector
  let lineOffset: Int
  /// Prefix for key paths in `lines` (`"media."`).
  let path: String
  /// The known keys found, in file order. A front matter has a dozen keys, so a scan over small
  /// strings beats hashing each key into two dictionaries (Yams refuses duplicate keys).
  private var entries: [Entry] = []
  let line: Int

  /// Line of each key in this file, nested ones included, by key path.
  var lines: [String: Int] { collector.lines }

  /// Nodes are taken apart once, here, and never through Yams's `mark`, `scalar` or `sequence`
  /// getters: a node holds a weak reference, so every copy of one costs several runtime calls.
  ///
  /// - Parameter what: names the node in a finding; only built when there is one.
  /// - Returns: nil, with a finding, when the node is not a mapping.
  init?(_ node: Node, known: [String], collector: FindingCollector, lineOffset: Int, path: String = "",
        what: @autoclosure () -> String) {
    self.collector = collector
    self.lineOffset = lineOffset
    self.path = path
    guard case .mapping(let mapping) = node else {
      collector.report(
        CatalogueRules.wrongType, "\(what()) must be a mapping of keys to values", line: (node.mark?.line ?? 1) + lineOffset)
      return nil
    }
    self.line = (mapping.mark?.line ?? 1) + lineOffset
    // List items keep their own line (Chapter.line, Transcript.line), so only keys outside
    // lists are recorded: 10,000 episodes would otherwise carry every chapter's keys too.
    let recordsLines = !path.utf8.contains(UInt8(ascii: "["))
    // By index: the mapping's iterator first copies every pair into a new array.
    let count = mapping.endIndex - mapping.startIndex
    entries.reserveCapacity(count)
    // Room for every key of this mapping at once: growing a small dictionary key by key
    // reallocated and rehashed it four times per file.
    if recordsLines { collector.lines.reserveCapacity(collector.lines.count + count) }
    for index in mapping.startIndex..<mapping.endIndex {
      let (keyNode, value) = mapping[index]
      let keyScalar: Node.Scalar
      switch consume keyNode {
      case .scalar(let scalar):
        keyScalar = scalar
      case let other:
        collector.report(CatalogueRules.wrongType, "keys must be plain text", line: (other.mark?.line ?? 1) + lineOffset)
        continue
      }
      let keyLine = (keyScalar.mark?.line ?? 1) + lineOffset
      let key = keyScalar.string
      guard known.contains(key) else {
        let hint = Suggestion.closest(to: key, in: known).map { " — did you mean '\($0)'?" }
          ?? " — known keys: \(known.joined(separator: ", "))"
        collector.report(CatalogueRules.unknownKey, "unknown key '\(path)\(key)'\(hint)", line: keyLine)
        continue
      }
      entries.append(Entry(key: key, value: value, line: keyLine))
      if recordsLines { collector.lines[path + key] = keyLine }
    }
  }

  func has(_ key: String) -> Bool { index(of: key).map { !entries[$0].isNull } ?? false }

  /// The key's text, or nil, reporting nothing: for a look before the reading that reports.
  func peek(_ key: String) -> String? { index(of: key).flatMap { entries[$0].text } }

  func lineOf(_ key: String) -> Int { index(of: key).map { entries[$0].line } ?? line }

  /// Compares keys in place: copying each entry to look at its key retained its node.
  private func index(of key: String) -> Int? {
    for index in entries.indices where entries[index].key == key { return index }
    return nil
  }

  private struct Entry {
    let key: String
    let value: Node
    let line: Int
    /// The value's text when it is a scalar, read once so that lookups never copy the node.
    let text: String?
    /// A plain empty, `~` or `null` scalar: the key counts as absent.
    let isNull: Bool

    init(key: String, value: consuming Node, line: Int) {
      self.key = key
      self.line = line
      switch consume value {
      case .scalar(let scalar):
        text = scalar.string
        isNull = scalar.style == .plain && Self.isNullWord(scalar.string)
        self.value = .scalar(scalar)
      case let other:
        text = nil
        isNull = false
        self.value = other
      }
    }

    private static func isNullWord(_ text: String) -> Bool {
      switch text {
      case "", "~", "null", "Null", "NULL": true
      default: false
      }
    }
  }

  func requireKey(_ key: String, hint: String = "") {
    if !has(key) {
      collector.report(CatalogueRules.missingKey, "missing required key '\(path)\(key)'\(hint)", line: line)
    }
  }

  func string(_ key: String, required: Bool = false, hint: String = "") -> String? {
    guard let index = index(of: key), !entries[index].isNull else {
      if required { requireKey(key, hint: hint) }
      return nil
    }
    guard let text = entries[index].text else {
      typeError(key, "text")
      return nil
    }
    return text
  }

  /// - Parameter rule: the rule a value that is neither reports: the feed rule for the element
  ///   it would be, when it is one, so that the mistake has the id `podium lint` gives it.
  func bool(_ key: String, rule: Rule = CatalogueRules.wrongType) -> Bool? {
    guard let text = string(key) else { return nil }
    switch text {
    case "true", "True", "TRUE": return true
    case "false", "False", "FALSE": return false
    default:
      collector.report(rule, "'\(path)\(key)' must be true or false, not '\(text)'", line: lineOf(key))
      return nil
    }
  }

  func positiveInt(_ key: String, rule: Rule = CatalogueRules.wrongType) -> Int? {
    guard let text = string(key) else { return nil }
    guard let value = Int(text), value > 0 else {
      collector.report(
        rule, "'\(path)\(key)' must be a whole number above 0, not '\(text)'", line: lineOf(key))
      return nil
    }
    return value
  }

  func enumeration<T: RawRepresentable & CaseIterable>(
    _ key: String, _ type: T.Type, rule: Rule = CatalogueRules.badValue
  ) -> T? where T.RawValue == String {
    guard let text = string(key) else { return nil }
    if let value = T(rawValue: text) { return value }
    let allowed = T.allCases.map(\.rawValue)
    let hint = Suggestion.closest(to: text, in: allowed).map { " — did you mean '\($0)'?" } ?? ""
    collector.report(
      rule,
      "'\(path)\(key)' must be one of \(allowed.joined(separator: ", ")), not '\(text)'\(hint)", line: lineOf(key))
    return nil
  }

  /// A list of text; a single value is taken as a list of one.
  func stringList(_ key: String) -> [String] {
    guard let index = index(of: key), !entries[index].isNull else { return [] }
    if let text = entries[index].text { return [text] }
    switch entries[index].value {
    case .sequence(let sequence):
      var result: [String] = []
      for item in sequence {
        switch consume item {
        case .scalar(let scalar):
          result.append(scalar.string)
        case let other:
          collector.report(
            CatalogueRules.wrongType, "items of '\(path)\(key)' must be text",
            line: (other.mark?.line ?? 1) + lineOffset)
        }
      }
      return result
    default:
      typeError(key, "a list of text")
      return []
    }
  }

  /// A nested mapping.
  func mapping(_ key: String, known: [String]) -> MappingReader? {
    guard let index = index(of: key), !entries[index].isNull else { return nil }
    return MappingReader(
      entries[index].value, known: known, collector: collector, lineOffset: lineOffset, path: "\(path)\(key).", what: "'\(path)\(key)'")
  }

  /// A list of mappings; each item is read with the same known keys.
  func mappingList(_ key: String, known: [String]) -> [MappingReader] {
    guard let index = index(of: key), !entries[index].isNull else { return [] }
    guard case .sequence(let sequence) = entries[index].value else {
      typeError(key, "a list")
      return []
    }
    return sequence.enumerated().compactMap { index, item in
      MappingReader(
        item, known: known, collector: collector, lineOffset: lineOffset, path: "\(path)\(key)[\(index)].",
        what: "item \(index + 1) of '\(path)\(key)'")
    }
  }

  /// The raw node, for keys that take several shapes.
  func node(_ key: String) -> Node? { index(of: key).flatMap { entries[$0].isNull ? nil : entries[$0].value } }

  func typeError(_ key: String, _ expected: String) {
    collector.report(CatalogueRules.wrongType, "'\(path)\(key)' must be \(expected)", line: lineOf(key))
  }

  func report(_ rule: Rule, _ message: String, key: String) {
    collector.report(rule, message, line: lineOf(key))
  }
}
