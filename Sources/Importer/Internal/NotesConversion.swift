import PodiumXML
import ShowNotes

/// An item's notes (`content:encoded`, else `description`) as the Markdown a producer would have
/// written: paragraphs, links, emphasis, lists, headings, quotes and code. The Markdown is kept
/// only when Podium renders it back to the same sanitised HTML; otherwise the notes stay the
/// sanitised HTML, which the notes renderer passes through unchanged.
struct NotesConversion {
  struct Result {
    var markdown: String
    /// Whether the notes were kept as HTML.
    var keptAsHTML: Bool
    /// What the sanitiser took out of the old notes.
    var removals: [HTMLRemoval]
  }

  static func convert(_ html: String) -> Result {
    let sanitized = HTMLSanitizer().sanitize(html)
    let nodes = sanitized.nodes
    if let markdown = MarkdownWriter.write(nodes) {
      let back = HTMLSanitizer().sanitize(ShowNotesRenderer().render(markdown: markdown).html).nodes
      if Shape(back) == Shape(nodes) { return Result(markdown: markdown, keptAsHTML: false, removals: sanitized.removals) }
    }
    // An HTML block in CommonMark ends at a blank line; the sanitised HTML has none outside <pre>.
    let html = sanitized.html.split(separator: "\n", omittingEmptySubsequences: false)
      .filter { !$0.allSatisfy(\.isWhitespace) }.joined(separator: "\n")
    return Result(markdown: html.isEmpty ? "" : html + "\n", keptAsHTML: true, removals: sanitized.removals)
  }

  /// What a reader sees of a fragment: elements under their canonical names, text with its
  /// white space collapsed, empty text left out.
  private struct Shape: Equatable {
    var items: [Item]

    indirect enum Item: Equatable {
      case text(String)
      case element(String, href: String?, children: [Item])
    }

    init(_ nodes: [HTMLNode]) {
      items = Self.paragraphs(Self.items(nodes))
    }

    /// Loose inline content at the top as the paragraph it reads as, and Markdown makes of it: a
    /// plain-text description is the same notes as one paragraph of it.
    private static func paragraphs(_ items: [Item]) -> [Item] {
      var result: [Item] = []
      var loose: [Item] = []
      func flush() {
        if !loose.isEmpty { result.append(.element("p", href: nil, children: loose)) }
        loose = []
      }
      for item in items {
        if case .element(let name, _, _) = item, MarkdownWriter.blockNames.contains(name) {
          flush()
          result.append(item)
        } else {
          loose.append(item)
        }
      }
      flush()
      return result
    }

    private static func items(_ nodes: [HTMLNode]) -> [Item] {
      var result: [Item] = []
      for node in nodes {
        switch node {
        case .text(let text):
          let words = collapsed(text)
          guard !words.isEmpty else { continue }
          if case .text(let previous) = result.last {
            result[result.count - 1] = .text(previous + " " + words)
          } else {
            result.append(.text(words))
          }
        case .element(let name, let href, _, let children):
          let canonical = switch name {
          case "b": "strong"
          case "i": "em"
          case "s": "del"
          default: name
          }
          result.append(.element(canonical, href: href, children: items(children)))
        }
      }
      return result
    }

    /// The words of `text` with one space between them, split by Unicode scalar: asking every
    /// Character whether it is white space costs far more (docs/performance.md).
    private static func collapsed(_ text: String) -> String {
      var result = String.UnicodeScalarView()
      var space = false
      for scalar in text.unicodeScalars {
        let isSpace = scalar.isASCII
          ? scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D) : scalar.properties.isWhitespace
        if isSpace {
          space = !result.isEmpty
        } else {
          if space { result.append(" ") }
          space = false
          result.append(scalar)
        }
      }
      return String(result)
    }
  }
}

/// Writes sanitised HTML as CommonMark, or gives up (nil) on what Markdown can't say plainly.
enum MarkdownWriter {
  static func write(_ nodes: [HTMLNode]) -> String? {
    guard let blocks = blocks(nodes) else { return nil }
    let text = blocks.joined(separator: "\n\n")
    return text.isEmpty ? "" : text + "\n"
  }

  static let blockNames: Set<String> = [
    "p", "ul", "ol", "li", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "table",
  ]

  /// Block-level Markdown, one string per block; loose inline content becomes a paragraph.
  private static func blocks(_ nodes: [HTMLNode]) -> [String]? {
    var result: [String] = []
    var inline: [HTMLNode] = []
    func flush() -> Bool {
      defer { inline = [] }
      guard let text = self.inline(inline) else { return false }
      let trimmed = text.trimmingWhitespace
      if !trimmed.isEmpty { result.append(trimmed) }
      return true
    }
    for node in nodes {
      guard case .element(let name, _, _, let children) = node, blockNames.contains(name) else {
        inline.append(node)
        continue
      }
      guard flush() else { return nil }
      switch name {
      case "p":
        guard let text = self.inline(children)?.trimmingWhitespace else { return nil }
        if !text.isEmpty { result.append(text) }
      case "h1", "h2", "h3", "h4", "h5", "h6":
        guard let text = self.inline(children)?.trimmingWhitespace, !text.isEmpty, !text.contains("\n") else { return nil }
        result.append(String(repeating: "#", count: Int(String(name.dropFirst())) ?? 1) + " " + text)
      case "ul", "ol":
        var lines: [String] = []
        var number = 1
        for child in children {
          if case .text(let text) = child, text.allSatisfy(\.isWhitespace) { continue }
          guard case .element("li", _, _, let content) = child, let inner = blocks(content) else { return nil }
          let marker = name == "ul" ? "- " : "\(number). "
          number += 1
          let indent = String(repeating: " ", count: marker.count)
          let body = inner.joined(separator: "\n\n").split(separator: "\n", omittingEmptySubsequences: false)
          guard let first = body.first else {
            lines.append(marker.trimmingWhitespace)
            continue
          }
          lines.append(marker + first)
          lines += body.dropFirst().map { $0.isEmpty ? "" : indent + $0 }
        }
        result.append(lines.joined(separator: "\n"))
      case "blockquote":
        guard let inner = blocks(children) else { return nil }
        result.append(
          inner.joined(separator: "\n\n").split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? ">" : "> " + $0 }.joined(separator: "\n"))
      case "hr":
        result.append("* * *")
      case "pre":
        let code = plain(children)
        guard !code.contains("```") else { return nil }
        result.append("```\n" + (code.hasSuffix("\n") ? String(code.dropLast()) : code) + "\n```")
      default:
        return nil
      }
    }
    guard flush() else { return nil }
    return result
  }

  /// Inline Markdown, or nil for an element it can't write.
  private static func inline(_ nodes: [HTMLNode]) -> String? {
    var text = ""
    for node in nodes {
      switch node {
      case .text(let value):
        text += escape(value.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\t" }).joined(separator: " "))
      case .element(let name, let href, let title, let children):
        guard let inner = inline(children) else { return nil }
        switch name {
        case "strong", "b":
          guard !inner.isEmpty, inner.trimmingWhitespace == inner else { return nil }
          text += "**" + inner + "**"
        case "em", "i":
          guard !inner.isEmpty, inner.trimmingWhitespace == inner else { return nil }
          text += "*" + inner + "*"
        case "del", "s":
          guard !inner.isEmpty, inner.trimmingWhitespace == inner else { return nil }
          text += "~~" + inner + "~~"
        case "code":
          let code = plain(children)
          guard !code.contains("`"), !code.isEmpty else { return nil }
          text += "`" + code + "`"
        case "br":
          text += "\\\n"
        case "a":
          guard let href, !href.contains(where: { $0 == " " || $0 == "<" || $0 == ">" || $0 == "\n" }) else { return nil }
          let titled = title.map { " \"" + $0.replacingOccurrences(of: "\"", with: "\\\"") + "\"" } ?? ""
          text += "[" + inner + "](<" + href + ">" + titled + ")"
        default:
          return nil
        }
      }
    }
    return text
  }

  private static func plain(_ nodes: [HTMLNode]) -> String {
    nodes.map { node in
      switch node {
      case .text(let text): text
      case .element(_, _, _, let children): plain(children)
      }
    }.joined()
  }

  /// Backslash before every ASCII punctuation character CommonMark could read as markup
  /// (https://spec.commonmark.org/0.31.2/#backslash-escapes).
  private static func escape(_ text: String) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count + 8)
    for byte in text.utf8 {
      if escaped[Int(byte)] { bytes.append(UInt8(ascii: "\\")) }
      bytes.append(byte)
    }
    // A line may not start as a list item, heading or block, and "1." may not start a list.
    if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: "=") {
      bytes.insert(UInt8(ascii: "\\"), at: 0)
    }
    if let end = bytes.firstIndex(where: { !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }), end > 0,
      bytes[end] == UInt8(ascii: ".") || bytes[end] == UInt8(ascii: ")")
    {
      bytes.insert(UInt8(ascii: "\\"), at: end)
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The bytes escaped wherever they are, by value.
  private static let escaped: [Bool] = (0..<256).map { Array("\\`*_[]<>#&|~!".utf8).contains(UInt8($0)) }
}

extension StringProtocol {
  var trimmingWhitespace: String {
    // Most text is trimmed already: a printable ASCII byte at each end says so, without asking
    // each Character for its Unicode properties.
    let text = String(self)
    if let first = text.utf8.first, let last = text.utf8.last, (0x21..<0x7F).contains(first), (0x21..<0x7F).contains(last) {
      return text
    }
    guard let start = firstIndex(where: { !$0.isWhitespace }), let end = lastIndex(where: { !$0.isWhitespace }) else {
      return ""
    }
    return String(self[start...end])
  }
}
