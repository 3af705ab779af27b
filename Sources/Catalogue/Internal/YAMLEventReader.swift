internal import CYAML

/// Builds a ``YAMLDocument`` from libyaml's events (https://pyyaml.org/wiki/LibYAML), refusing
/// what a catalogue file never needs and a hostile one could use:
///
/// - tags (`!!python/object:os.system`, `!secret`): Podium reads every value as text by its own
///   rules, and a tag only means that the file expects a program to construct something from it;
/// - anchors and aliases (`&a`, `*a`): nothing in a catalogue repeats enough to need them, and an
///   alias of an alias of a list is how a few hundred bytes become billions of values;
/// - the same key twice in one mapping, which YAML forbids and which would hide one of the values;
/// - more than ``maximumDepth`` levels of nesting, or more than ``maximumNodes`` values in a file;
/// - more than one document in a file;
/// - a control character XML can't carry, written as an escape in double quotes (`"\u0007"`):
///   the file's own bytes were checked before, the escapes only here.
///
/// Each of these, and each syntax error libyaml finds, is one CAT-YAML finding at its line, and
/// the file is not read further.
enum YAMLEventReader {
  /// Deeper than this is refused; a catalogue file needs four levels.
  static let maximumDepth = 1000
  /// More values than this in one file are refused; a front matter holds a few dozen.
  static let maximumNodes = 100_000

  /// - Parameter lineOffset: lines to add to a YAML line number to get the file's.
  /// - Returns: nil, with a finding, when the text is not one well-formed document within the limits.
  static func parse(_ yaml: Substring, lineOffset: Int, collector: FindingCollector) -> YAMLDocument? {
    var yaml = yaml
    return yaml.withUTF8 { bytes in
      let outcome = read(bytes, lineOffset: lineOffset)
      switch outcome {
      case .success(let document):
        return document
      case .failure(let problem):
        collector.report(problem.rule, problem.message, line: problem.line)
        return nil
      }
    }
  }

  private struct Problem: Error {
    var rule = CatalogueRules.yamlSyntax
    let message: String
    let line: Int?
  }

  /// A container being read: its node, and how many children it has so far.
  private struct Open {
    let node: Int
    var children: Int32 = 0
  }

  private static func read(_ bytes: UnsafeBufferPointer<UInt8>, lineOffset: Int) -> Result<YAMLDocument, Problem> {
    let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    defer { parser.deallocate() }
    guard yaml_parser_initialize(parser) == 1 else {
      return .failure(Problem(message: "malformed YAML: out of memory", line: nil))
    }
    defer { yaml_parser_delete(parser) }
    guard let base = bytes.baseAddress, !bytes.isEmpty else {
      return .failure(Problem(rule: CatalogueRules.missingKey, message: "the YAML is empty", line: 1 + lineOffset))
    }
    yaml_parser_set_input_string(parser, base, bytes.count)
    yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)

    var nodes: [YAMLDocument.Node] = []
    nodes.reserveCapacity(bytes.count / 12 + 4)
    var text: [UInt8] = []
    text.reserveCapacity(bytes.count)
    var open: [Open] = []
    open.reserveCapacity(8)
    var documents = 0
    var event = yaml_event_t()

    func fileLine(_ mark: yaml_mark_t) -> Int { Int(mark.line) + 1 + lineOffset }

    while true {
      guard yaml_parser_parse(parser, &event) == 1 else {
        return .failure(problem(parser.pointee, bytes: bytes, lineOffset: lineOffset))
      }
      defer { yaml_event_delete(&event) }
      let line = fileLine(event.start_mark)
      switch event.type {
      case YAML_STREAM_END_EVENT:
        guard !nodes.isEmpty else {
          return .failure(Problem(rule: CatalogueRules.missingKey, message: "the YAML is empty", line: 1 + lineOffset))
        }
        return .success(YAMLDocument(nodes: nodes, text: text))

      case YAML_DOCUMENT_START_EVENT:
        documents += 1
        if documents > 1 {
          return .failure(Problem(
            message: "malformed YAML: the file holds a second YAML document after a '---' line; a catalogue file is one document, "
              + "so remove the line (or everything after it)", line: line))
        }

      case YAML_ALIAS_EVENT:
        return .failure(anchorProblem(line: line))

      case YAML_SCALAR_EVENT:
        let scalar = event.data.scalar
        if scalar.anchor != nil { return .failure(anchorProblem(line: line)) }
        if let tag = scalar.tag, let refused = refusedTag(tag, expected: "str") {
          return .failure(tagProblem(refused, line: line))
        }
        guard nodes.count < maximumNodes else { return .failure(sizeProblem(line: line)) }
        let start = text.count
        if let value = scalar.value, scalar.length > 0 {
          let bytes = UnsafeBufferPointer(start: value, count: scalar.length)
          if scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE, let bad = ControlCharacters.first(in: bytes) {
            return .failure(Problem(
              rule: CatalogueRules.controlCharacter,
              message: "an escape in this quoted value makes control character U+\(hex(bad.scalar)), which cannot "
                + "appear in a feed; delete it", line: line))
          }
          text.append(contentsOf: bytes)
        }
        if !open.isEmpty { open[open.count - 1].children += 1 }
        nodes.append(YAMLDocument.Node(
          kind: .scalar, isPlain: scalar.style == YAML_PLAIN_SCALAR_STYLE, line: Int32(clamping: line),
          first: Int32(clamping: start), second: Int32(clamping: scalar.length)))

      case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
        let isMapping = event.type == YAML_MAPPING_START_EVENT
        let anchor = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
        let tag = isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag
        if anchor != nil { return .failure(anchorProblem(line: line)) }
        if let tag, let refused = refusedTag(tag, expected: isMapping ? "map" : "seq") {
          return .failure(tagProblem(refused, line: line))
        }
        guard open.count < maximumDepth else {
          return .failure(Problem(
            message: "malformed YAML: lists and mappings are nested more than \(maximumDepth) levels deep, where a catalogue file "
              + "needs four; look for a long run of [ or {", line: line))
        }
        guard nodes.count < maximumNodes else { return .failure(sizeProblem(line: line)) }
        if !open.isEmpty { open[open.count - 1].children += 1 }
        open.append(Open(node: nodes.count))
        nodes.append(YAMLDocument.Node(
          kind: isMapping ? .mapping : .sequence, isPlain: false, line: Int32(clamping: line), first: 0, second: 0))

      case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
        guard let closed = open.popLast() else { break }
        nodes[closed.node].first = Int32(nodes.count)
        nodes[closed.node].second = closed.children
        if event.type == YAML_MAPPING_END_EVENT,
          let duplicate = firstDuplicateKey(in: closed.node, nodes: nodes, text: text)
        {
          return .failure(Problem(
            message: "malformed YAML: the key '\(duplicate.key)' appears twice (lines \(duplicate.lines.0) and \(duplicate.lines.1)); "
              + "keep one", line: duplicate.lines.0))
        }

      default:
        break
      }
    }
  }

  // MARK: What is refused

  private static func hex(_ scalar: UInt32) -> String {
    let digits = String(scalar, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }

  /// The tag as the producer wrote it, when it is refused: anything but the one that says what
  /// the node already is (`!!str` on text) or the non-specific `!`.
  private static func refusedTag(_ tag: UnsafeMutablePointer<yaml_char_t>, expected: String) -> String? {
    let name = String(cString: tag)
    let core = "tag:yaml.org,2002:"
    if name == "!" || name == core + expected { return nil }
    return name.hasPrefix(core) ? "!!" + name.dropFirst(core.count) : name
  }

  private static func tagProblem(_ tag: String, line: Int) -> Problem {
    Problem(
      message: "YAML tags such as '\(tag)' are not allowed in the catalogue; remove the tag, or put the value "
        + "in quotes if the ! is part of the text", line: line)
  }

  private static func anchorProblem(line: Int) -> Problem {
    Problem(
      message: "YAML anchors and aliases (&name, *name) are not allowed in the catalogue; write the value out "
        + "in full, or put it in quotes if the & or * is part of the text", line: line)
  }

  private static func sizeProblem(line: Int) -> Problem {
    Problem(
      message: "the file holds more than \(maximumNodes) values, where a catalogue file needs a few dozen; "
        + "is it really a catalogue file?", line: line)
  }

  /// The first key of a mapping that an earlier key of it repeats, and the lines of both.
  private static func firstDuplicateKey(
    in mapping: Int, nodes: [YAMLDocument.Node], text: [UInt8]
  ) -> (key: String, lines: (Int, Int))? {
    let pairs = Int(nodes[mapping].second) / 2
    guard pairs > 1 else { return nil }
    var keys: [Int] = []
    keys.reserveCapacity(pairs)
    var index = mapping + 1
    for _ in 0..<pairs {
      if nodes[index].kind == .scalar { keys.append(index) }
      index = nodes[index].kind == .scalar ? index + 1 : Int(nodes[index].first)
      index = nodes[index].kind == .scalar ? index + 1 : Int(nodes[index].first)
    }
    return text.withUnsafeBufferPointer { all -> (key: String, lines: (Int, Int))? in
      func bytes(_ node: Int) -> UnsafeBufferPointer<UInt8> {
        let start = Int(nodes[node].first)
        return UnsafeBufferPointer(rebasing: all[start..<start + Int(nodes[node].second)])
      }
      func found(_ first: Int, _ second: Int) -> (key: String, lines: (Int, Int)) {
        (String(decoding: bytes(second), as: UTF8.self), (Int(nodes[first].line), Int(nodes[second].line)))
      }
      if keys.count <= 32 {
        for later in keys.indices.dropFirst() {
          for earlier in 0..<later where bytes(keys[earlier]).elementsEqual(bytes(keys[later])) {
            return found(keys[earlier], keys[later])
          }
        }
        return nil
      }
      // A hostile mapping may have thousands of keys: sorted, equal keys are neighbours.
      let sorted = keys.sorted { a, b in
        let (x, y) = (bytes(a), bytes(b))
        return x.lexicographicallyPrecedes(y) || (x.elementsEqual(y) && a < b)
      }
      var first: (Int, Int)?
      for (a, b) in zip(sorted, sorted.dropFirst()) where bytes(a).elementsEqual(bytes(b)) {
        if first == nil || b < first!.1 { first = (a, b) }
      }
      return first.map { found($0.0, $0.1) }
    }
  }

  // MARK: libyaml's errors

  /// libyaml's problem, said in the producer's terms, on the line where the mistake is.
  private static func problem(_ parser: yaml_parser_t, bytes: UnsafeBufferPointer<UInt8>, lineOffset: Int) -> Problem {
    let problem = parser.problem.map { String(cString: $0) } ?? "libyaml stopped without saying why"
    switch parser.error {
    case YAML_MEMORY_ERROR:
      return Problem(message: "malformed YAML: out of memory", line: nil)
    case YAML_READER_ERROR:
      // The reader counts bytes, not lines.
      let offset = min(parser.problem_offset, bytes.count)
      let line = bytes[..<offset].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
      return Problem(message: "malformed YAML: \(problem)", line: line + lineOffset)
    default:
      let context = parser.context.map { (String(cString: $0), Int(parser.context_mark.line) + 1 + lineOffset) }
      let (line, message) = explain(
        problem: problem, at: Int(parser.problem_mark.line) + 1 + lineOffset, context: context)
      return Problem(message: "malformed YAML: \(message)", line: line)
    }
  }

  /// - Parameter context: what libyaml was reading when it failed, and the line where that began.
  private static func explain(problem: String, at line: Int, context: (text: String, line: Int)?) -> (Int?, String) {
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
