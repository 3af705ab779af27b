import Diagnostics
@testable import FeedRules
import Foundation
import PodiumTestSupport
import PodiumXML
import Testing

/// The rules run on a feed's items from its writer's events (``WrittenFeedCheck``) find exactly
/// what they find on a parse of the bytes written: every feed of the rule tests' corpora (the
/// broken feeds, random feeds, hostile strings), written again through `XMLWriter` with its
/// events streamed, gives the memo and the findings of the parse, byte for byte.
@Suite struct WrittenFeedCheckTests {
  /// A feed written again through `XMLWriter` as the build's writer writes one: the channel's
  /// events to a ``WrittenFeedCheck``, the items' to its collector, with each item's span.
  struct Rewritten {
    let data: Data
    let spans: [Range<Int>]
    /// The items' memo from the writer's events; `nil` when the events could not vouch for them.
    let memo: FeedCheckMemo?
  }

  /// Writes the element again, its names with the prefixes `scope` gives their namespaces; a
  /// text with markup in it as CDATA, as the build writes show notes.
  static func write(_ element: XMLElement, to xml: XMLWriter, scope: [String: String]) throws {
    var scope = scope
    for declaration in element.namespaceDeclarations { scope[declaration.uri] = declaration.prefix ?? "" }
    func qualified(_ name: String, _ uri: String?, attribute: Bool) -> String {
      guard let uri else { return name }
      if uri == "http://www.w3.org/XML/1998/namespace" { return "xml:" + name }
      guard let prefix = scope[uri], !prefix.isEmpty || !attribute else { return name }
      return prefix.isEmpty ? name : prefix + ":" + name
    }
    try xml.startElement(
      element.namespaceURI == nil ? element.name : element.prefix.map { $0 + ":" + element.name } ?? element.name)
    for declaration in element.namespaceDeclarations {
      try xml.attribute(declaration.prefix.map { "xmlns:" + $0 } ?? "xmlns", declaration.uri)
    }
    for attribute in element.attributes {
      try xml.attribute(qualified(attribute.name, attribute.namespaceURI, attribute: true), attribute.value)
    }
    if element.children.isEmpty {
      if element.text.contains("<") { try xml.cdata(element.text) } else if !element.text.isEmpty { try xml.text(element.text) }
    } else {
      let text = element.text.trimmingCharacters(in: .whitespacesAndNewlines)
      if !text.isEmpty { try xml.text(text) }
      for child in element.children { try write(child, to: xml, scope: scope) }
    }
    try xml.endElement()
  }

  /// The feed `text` parsed, then written again with the items checked from the writer's events.
  static func rewrite(_ text: String) throws -> Rewritten? {
    guard let document = try? PodiumXML.XMLDocument(string: text), document.root.name == "rss",
      let channel = document.root.firstChild(named: "channel")
    else { return nil }
    let xml = try XMLWriter()
    try xml.startDocument()
    let check = WrittenFeedCheck()
    xml.stream(into: check)
    var scope: [String: String] = [:]
    for declaration in document.root.namespaceDeclarations + channel.namespaceDeclarations {
      scope[declaration.uri] = declaration.prefix ?? ""
    }
    try xml.startElement("rss")
    for declaration in document.root.namespaceDeclarations {
      try xml.attribute(declaration.prefix.map { "xmlns:" + $0 } ?? "xmlns", declaration.uri)
    }
    for attribute in document.root.attributes { try xml.attribute(attribute.name, attribute.value) }
    try xml.startElement("channel")
    for declaration in channel.namespaceDeclarations {
      try xml.attribute(declaration.prefix.map { "xmlns:" + $0 } ?? "xmlns", declaration.uri)
    }
    let children = channel.children
    let firstItem = children.firstIndex { $0.name == "item" && $0.namespaceURI == nil } ?? children.count
    for child in children[..<firstItem] { try write(child, to: xml, scope: scope) }
    var faithful = xml.stopStreaming()
    let items = WrittenFeedCheck.Items()
    xml.stream(into: items, inScope: check.namespaces)
    var spans: [Range<Int>] = []
    var lines: [Int] = []
    for child in children[firstItem...] {
      let isItem = child.name == "item" && child.namespaceURI == nil
      if isItem { lines.append(try xml.line()) }
      try write(child, to: xml, scope: scope)
      if isItem {
        _ = try xml.line()
        spans.append(0..<xml.byteCount)
      }
    }
    faithful = xml.stopStreaming() && faithful
    try xml.endElement()
    try xml.endElement()
    let data = try xml.finish()
    // Each item from the `<` of its start tag to the line feed after its end tag.
    let starts = spans.indices.map { index in
      let before = data[..<spans[index].upperBound]
      return before.lastRange(of: Data("<item".utf8))?.lowerBound ?? 0
    }
    spans = zip(starts, spans).map { $0..<$1.upperBound }
    guard !spans.isEmpty else { return Rewritten(data: data, spans: [], memo: nil) }
    let memo = faithful
      ? data.withUnsafeBytes { bytes in
        check.itemsMemo(
          of: items,
          spans: zip(lines, spans).map { (line: $0, bytes: UnsafeRawBufferPointer(rebasing: bytes[$1])) })
      } : nil
    return Rewritten(data: data, spans: spans, memo: memo)
  }

  /// The rewritten feed checked from the writer's events and from a parse of its bytes.
  static func compare(_ text: String, profile: FeedProfile = .podcast, name: String) throws -> Bool? {
    guard let feed = try rewrite(text), !feed.spans.isEmpty else { return nil }
    let linter = FeedLinter(profile: profile)
    let parsed = linter.inspect(feed.data, file: "feed.xml", itemSpans: feed.spans, memo: nil)
    let whole = linter.lint(feed.data, file: "feed.xml")
    let written = feed.memo.map { [WrittenFeedCheck.Run(memo: $0, firstItem: 0)] } ?? []
    let fromWriter = linter.inspect(feed.data, file: "feed.xml", itemSpans: feed.spans, memo: nil, written: written)
    #expect(fromWriter.findings == parsed.findings, "\(name)")
    #expect(fromWriter.findings == whole, "\(name)")
    #expect(fromWriter.memo == parsed.memo, "\(name)")
    guard let memo = feed.memo, let full = parsed.memo else { return false }
    // Item by item, the writer's results are the parse's.
    #expect(memo.count == full.count, "\(name)")
    for item in 0..<min(memo.count, full.count) {
      #expect(memo.entry(ofItem: item) == full.entry(ofItem: item), "\(name) item \(item)")
    }
    #expect(fromWriter.fromWriter == feed.spans.count, "\(name)")
    return true
  }

  /// Every broken feed of the rule tests: the same findings from both sources.
  @Test(arguments: RuleCatalogueTests.allCases)
  func brokenFeedsGiveTheSameFindings(broken: BrokenFeed) throws {
    let (text, _) = ValidFeed.apply(broken.edits, to: broken.base.text)
    _ = try Self.compare(text, profile: broken.base.profile, name: broken.note)
  }

  /// Random feeds (repeated GUIDs and enclosures, dates out of order, rules past their cap,
  /// unknown and undeclared tags) and the same with hostile strings in their items.
  @Test(arguments: UInt64(1)...30)
  func randomFeedsGiveTheSameFindings(seed: UInt64) throws {
    var random = SeededRandom(seed: seed)
    var feed = RandomFeed.feed(using: &random)
    if seed % 2 == 0 {
      let hostile = [
        "a & b <b>bold</b> ]]> end", "cr\rreturn\r\n", "😀 𝄞 e\u{301}", "&amp; &#38; &lt;", "\t tabs \t", "\u{85}\u{2028}",
      ]
      for index in feed.items.indices where index % 3 == 0 {
        feed.items[index].append(SpannedFeed.Element("itunes:subtitle", hostile[index % hostile.count]))
        feed.items[index].append(SpannedFeed.Element("description", "<p>\(hostile[(index + 1) % hostile.count])</p>"))
      }
    }
    let (data, _) = try feed.written()
    let used = try Self.compare(String(decoding: data, as: UTF8.self), name: "seed \(seed)")
    // Only undeclared prefixes keep the events from vouching for a random feed.
    if !feed.items.joined().contains(where: { $0.name.hasPrefix("undeclared:") || $0.name.hasPrefix("unknown:") }) {
      #expect(used == true, "seed \(seed)")
    }
  }

  /// Most broken feeds are vouched for by the events, so the comparison above is not vacuous.
  @Test func mostBrokenFeedsAreCheckedFromTheEvents() throws {
    var used = 0
    for broken in RuleCatalogueTests.allCases {
      let (text, _) = ValidFeed.apply(broken.edits, to: broken.base.text)
      if try Self.compare(text, profile: broken.base.profile, name: broken.note) == true { used += 1 }
    }
    #expect(used * 10 >= RuleCatalogueTests.allCases.count * 7)
  }
}
