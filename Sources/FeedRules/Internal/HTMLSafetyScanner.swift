#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// A light scan of HTML show notes for what readers strip or refuse: script-capable elements,
/// event handlers, `javascript:` URLs and relative links. Not a sanitiser: it reads start tags
/// and their attributes in one pass over the bytes, allocating only for what it reports, and
/// returns the first problem of each kind.
struct HTMLSafetyScanner {
  enum Problem: Hashable {
    case element(String)
    case eventHandler(String)
    case scriptURL(attribute: String)
    case relativeURL(attribute: String, value: String)
  }

  static let riskyElements: [String] = [
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "meta", "base",
  ]

  private let bytes: UnsafeBufferPointer<UInt8>
  private var index = 0
  private var found: [Problem] = []

  private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  /// The problems found, at most one of each kind, in document order.
  static func problems(in html: String) -> [Problem] {
    var html = html
    return html.withUTF8 { bytes in
      var scanner = HTMLSafetyScanner(bytes)
      scanner.scan()
      return scanner.found
    }
  }

  /// From `<` to `<` with `memchr`: the text between tags, most of a note, is not looked at.
  private mutating func scan() {
    guard let base = bytes.baseAddress else { return }
    while index + 1 < bytes.count {
      guard let next = memchr(base + index, Int32(UInt8(ascii: "<")), bytes.count - index) else { return }
      index = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(next)) + 1
      if index < bytes.count, bytes[index].isASCIILetter { readTag() }
    }
  }

  private mutating func readTag() {
    let name = readName()
    if let risky = Self.riskyElements.first(where: { Self.equalsIgnoringCase(name, $0) }) {
      report(.element(risky))
    }
    while let (attribute, value) = readAttribute() { check(attribute, value) }
  }

  private mutating func check(
    _ attribute: Slice<UnsafeBufferPointer<UInt8>>, _ value: Slice<UnsafeBufferPointer<UInt8>>
  ) {
    if attribute.count > 2, Self.equalsIgnoringCase(attribute.prefix(2), "on") {
      return report(.eventHandler(String(decoding: attribute, as: UTF8.self).lowercased()))
    }
    let isHref = Self.equalsIgnoringCase(attribute, "href")
    guard isHref || Self.equalsIgnoringCase(attribute, "src") else { return }
    let url = value.drop { $0.isHTMLSpace }
    let name = isHref ? "href" : "src"
    if Self.hasPrefixIgnoringCase(url, "javascript:") || Self.hasPrefixIgnoringCase(url, "vbscript:") {
      report(.scriptURL(attribute: name))
    } else if !Self.hasScheme(url), url.first != UInt8(ascii: "#"), !Self.hasPrefixIgnoringCase(url, "//") {
      report(.relativeURL(attribute: name, value: String(decoding: value, as: UTF8.self)))
    }
  }

  private mutating func report(_ problem: Problem) {
    if !found.contains(where: { $0.kind == problem.kind }) { found.append(problem) }
  }

  /// `scheme:` per RFC 3986: a letter, then letters, digits, `+`, `-` or `.`.
  private static func hasScheme(_ url: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
    guard let colon = url.firstIndex(of: UInt8(ascii: ":")), colon != url.startIndex,
      url[url.startIndex].isASCIILetter
    else { return false }
    return url[url.startIndex..<colon].allSatisfy {
      $0.isASCIILetter || $0.isASCIIDigit || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-")
        || $0 == UInt8(ascii: ".")
    }
  }

  private static func equalsIgnoringCase(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, _ word: String) -> Bool {
    bytes.count == word.utf8.count && hasPrefixIgnoringCase(bytes, word)
  }

  private static func hasPrefixIgnoringCase(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, _ word: String) -> Bool {
    bytes.count >= word.utf8.count && zip(bytes, word.utf8).allSatisfy { $0 | 0x20 == $1 | 0x20 }
  }

  private mutating func readName() -> Slice<UnsafeBufferPointer<UInt8>> {
    let start = index
    while index < bytes.count, !bytes[index].isNameEnd { index += 1 }
    return bytes[start..<index]
  }

  /// The next `name="value"` (or bare `name`) in the current tag; `nil` at its `>`.
  private mutating func readAttribute()
    -> (Slice<UnsafeBufferPointer<UInt8>>, Slice<UnsafeBufferPointer<UInt8>>)?
  {
    skip { $0.isHTMLSpace || $0 == UInt8(ascii: "/") }
    guard index < bytes.count, bytes[index] != UInt8(ascii: ">") else { return nil }
    let name = readName()
    if name.isEmpty { index += 1 }
    skip { $0.isHTMLSpace }
    guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else { return (name, bytes[index..<index]) }
    index += 1
    skip { $0.isHTMLSpace }
    return (name, readValue())
  }

  private mutating func readValue() -> Slice<UnsafeBufferPointer<UInt8>> {
    guard index < bytes.count else { return bytes[index..<index] }
    let quote = bytes[index]
    let quoted = quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'")
    if quoted { index += 1 }
    let start = index
    while index < bytes.count {
      let byte = bytes[index]
      if quoted ? byte == quote : (byte.isHTMLSpace || byte == UInt8(ascii: ">")) { break }
      index += 1
    }
    let value = bytes[start..<index]
    if quoted, index < bytes.count { index += 1 }
    return value
  }

  private mutating func skip(while condition: (UInt8) -> Bool) {
    while index < bytes.count, condition(bytes[index]) { index += 1 }
  }
}

extension HTMLSafetyScanner.Problem {
  /// Which of the four kinds this is: only the first of each kind is reported.
  var kind: Int {
    switch self {
    case .element: 0
    case .eventHandler: 1
    case .scriptURL: 2
    case .relativeURL: 3
    }
  }

  /// What is wrong and how to fix it.
  var message: String {
    switch self {
    case .element(let name):
      "contains a <\(name)> element, which podcast apps strip or refuse; remove it and link to the content instead"
    case .eventHandler(let attribute):
      "contains an \(attribute) event handler, which podcast apps strip as a security risk; remove the attribute"
    case .scriptURL(let attribute):
      "contains a javascript: URL in \(attribute), which podcast apps refuse; link to an https:// page instead"
    case .relativeURL(let attribute, let value):
      "contains the relative \(attribute) \(value.quotedForMessage), which apps cannot resolve; use an absolute https:// URL"
    }
  }
}

extension UInt8 {
  fileprivate var isHTMLSpace: Bool { self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0C || self == 0x0D }
  fileprivate var isNameEnd: Bool {
    isHTMLSpace || self == UInt8(ascii: "=") || self == UInt8(ascii: ">") || self == UInt8(ascii: "/")
  }
}
