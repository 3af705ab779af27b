import Diagnostics

/// Reads one YAML mapping against a known set of keys, reporting every problem with its line:
/// unknown keys (with a suggestion), wrong types and missing required keys.
///
/// It reads a ``YAMLDocument`` in place: a lookup scans the mapping's keys as bytes (a front
/// matter has a dozen), and only the values asked for become strings.
struct MappingReader {
  let collector: FindingCollector
  /// Prefix for key paths in `lines` (`"media."`).
  let path: String
  let document: YAMLDocument
  /// The mapping's node in `document`.
  let node: Int
  let line: Int

  /// Line of each key in this file, nested ones included, by key path.
  var lines: KeyLines { collector.lines }

  /// - Parameter what: names the node in a finding; only built when there is one.
  /// - Returns: nil, with a finding, when the node is not a mapping.
  init?(_ document: YAMLDocument, node: Int = YAMLDocument.root, known: [String], collector: FindingCollector,
        path: String = "", what: @autoclosure () -> String) {
    self.collector = collector
    self.path = path
    self.document = document
    self.node = node
    self.line = document.line(node)
    guard document.kind(node) == .mapping else {
      collector.report(CatalogueRules.wrongType, "\(what()) must be a mapping of keys to values", line: line)
      return nil
    }
    // List items keep their own line (Chapter.line, Transcript.line), so only keys outside
    // lists are recorded: every episode would otherwise carry every chapter's keys too.
    let recordsLines = !path.utf8.contains(UInt8(ascii: "["))
    var key = node + 1
    for _ in 0..<document.childCount(node) / 2 {
      let value = document.next(after: key)
      defer { key = document.next(after: value) }
      guard document.kind(key) == .scalar else {
        collector.report(CatalogueRules.wrongType, "keys must be plain text", line: document.line(key))
        continue
      }
      guard known.contains(where: { document.scalar(key, equals: $0) }) else {
        let name = document.string(key)
        let hint = Suggestion.closest(to: name, in: known).map { " — did you mean '\($0)'?" }
          ?? " — known keys: \(known.joined(separator: ", "))"
        collector.report(CatalogueRules.unknownKey, "unknown key '\(path)\(name)'\(hint)", line: document.line(key))
        continue
      }
      if recordsLines {
        document.withBytes(key) { collector.lines.record(prefix: path, key: $0, line: document.line(key)) }
      }
    }
  }

  /// The key's node and its value's, when the mapping has the key.
  private func find(_ wanted: String) -> (key: Int, value: Int)? {
    var key = node + 1
    for _ in 0..<document.childCount(node) / 2 {
      let value = document.next(after: key)
      if document.scalar(key, equals: wanted) { return (key, value) }
      key = document.next(after: value)
    }
    return nil
  }

  /// The value's node, unless the key is absent or its value null.
  private func value(_ key: String) -> Int? {
    guard let found = find(key), !document.isNull(found.value) else { return nil }
    return found.value
  }

  func has(_ key: String) -> Bool { value(key) != nil }

  /// The key's text, or nil, reporting nothing: for a look before the reading that reports.
  func peek(_ key: String) -> String? {
    guard let found = find(key), document.kind(found.value) == .scalar else { return nil }
    return document.string(found.value)
  }

  /// Whether the key's value is text rather than a list or mapping (and not null).
  func isText(_ key: String) -> Bool { value(key).map { document.kind($0) == .scalar } ?? false }

  /// Whether the key's value is a mapping: for a key that may be text or a mapping.
  func isMapping(_ key: String) -> Bool { value(key).map { document.kind($0) == .mapping } ?? false }

  func lineOf(_ key: String) -> Int { find(key).map { document.line($0.key) } ?? line }

  func requireKey(_ key: String, hint: String = "") {
    if !has(key) {
      collector.report(CatalogueRules.missingKey, "missing required key '\(path)\(key)'\(hint)", line: line)
    }
  }

  func string(_ key: String, required: Bool = false, hint: String = "") -> String? {
    guard let value = value(key) else {
      if required { requireKey(key, hint: hint) }
      return nil
    }
    guard document.kind(value) == .scalar else {
      typeError(key, "text")
      return nil
    }
    return document.string(value)
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
    guard let value = value(key) else { return [] }
    switch document.kind(value) {
    case .scalar:
      return [document.string(value)]
    case .sequence:
      var result: [String] = []
      result.reserveCapacity(document.childCount(value))
      var item = value + 1
      for _ in 0..<document.childCount(value) {
        if document.kind(item) == .scalar {
          result.append(document.string(item))
        } else {
          collector.report(CatalogueRules.wrongType, "items of '\(path)\(key)' must be text", line: document.line(item))
        }
        item = document.next(after: item)
      }
      return result
    case .mapping:
      typeError(key, "a list of text")
      return []
    }
  }

  /// A nested mapping.
  func mapping(_ key: String, known: [String]) -> MappingReader? {
    guard let value = value(key) else { return nil }
    return MappingReader(
      document, node: value, known: known, collector: collector, path: "\(path)\(key).", what: "'\(path)\(key)'")
  }

  /// A list of mappings; each item is read with the same known keys.
  func mappingList(_ key: String, known: [String]) -> [MappingReader] {
    guard let value = value(key) else { return [] }
    guard document.kind(value) == .sequence else {
      typeError(key, "a list")
      return []
    }
    var result: [MappingReader] = []
    result.reserveCapacity(document.childCount(value))
    var item = value + 1
    for index in 0..<document.childCount(value) {
      if let reader = MappingReader(
        document, node: item, known: known, collector: collector, path: "\(path)\(key)[\(index)].",
        what: "item \(index + 1) of '\(path)\(key)'")
      {
        result.append(reader)
      }
      item = document.next(after: item)
    }
    return result
  }

  /// A mapping whose keys the producer names (`rules:` in podium.yaml, by rule id), each value read
  /// as a mapping of `known` keys. Keys that aren't text are left out.
  func namedMappings(_ key: String, known: [String], what: String) -> [(name: String, reader: MappingReader)] {
    guard let value = value(key) else { return [] }
    guard document.kind(value) == .mapping else {
      typeError(key, what)
      return []
    }
    var result: [(name: String, reader: MappingReader)] = []
    var item = value + 1
    for _ in 0..<document.childCount(value) / 2 {
      let itemValue = document.next(after: item)
      defer { item = document.next(after: itemValue) }
      guard document.kind(item) == .scalar else { continue }
      let name = document.string(item)
      if let reader = MappingReader(
        document, node: itemValue, known: known, collector: collector, path: "\(path)\(key).\(name).",
        what: "\(path)\(key).\(name)")
      {
        result.append((name, reader))
      }
    }
    return result
  }

  func typeError(_ key: String, _ expected: String) {
    collector.report(CatalogueRules.wrongType, "'\(path)\(key)' must be \(expected)", line: lineOf(key))
  }

  func report(_ rule: Rule, _ message: String, key: String) {
    collector.report(rule, message, line: lineOf(key))
  }
}
