import Foundation
import PodiumXML

/// A feed described item by item, written through `XMLWriter` with the byte range of each item:
/// what the build's writer gives the check (`FeedSourceMap`'s item bytes), made here by a writer
/// of the tests' own, each item a fragment appended whole so its range is known exactly.
struct SpannedFeed: Sendable, CustomStringConvertible {
  /// An element: its name, text, attributes and children, written as they are (an undeclared
  /// prefix included).
  struct Element: Sendable, Hashable {
    var name: String
    var text: String?
    var attributes: [String: String] = [:]
    var children: [Element] = []

    init(_ name: String, _ text: String? = nil, _ attributes: [String: String] = [:], children: [Element] = []) {
      (self.name, self.text, self.attributes, self.children) = (name, text, attributes, children)
    }

    func write(to xml: XMLWriter) throws {
      try xml.startElement(name)
      for key in attributes.keys.sorted() { try xml.attribute(key, attributes[key] ?? "") }
      if let text { try xml.text(text) }
      for child in children { try child.write(to: xml) }
      try xml.endElement()
    }
  }

  /// The channel's elements before the items (at least one).
  var channel: [Element]
  /// Each item's children.
  var items: [[Element]]
  /// Channel elements after the items.
  var trailing: [Element] = []
  var namespaces: [(prefix: String, uri: String)] = SpannedFeed.standardNamespaces

  static let standardNamespaces = [
    ("itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd"), ("content", "http://purl.org/rss/1.0/modules/content/"),
    ("podcast", "https://podcastindex.org/namespace/1.0"), ("atom", "http://www.w3.org/2005/Atom"),
  ]

  var description: String { "\(items.count) items" }

  /// The feed's bytes and each item's range in them, from the `<` of `<item>` to the `>` of `</item>`.
  func written() throws -> (data: Data, spans: [Range<Int>]) {
    let xml = try XMLWriter()
    try xml.startDocument()
    try xml.startElement("rss")
    try xml.attribute("version", "2.0")
    for (prefix, uri) in namespaces { try xml.attribute("xmlns:\(prefix)", uri) }
    try xml.startElement("channel")
    for element in channel { try element.write(to: xml) }
    var ranges: [Range<Int>] = []
    for item in items {
      let fragment = try XMLWriter.fragment(inside: ["rss", "channel"]) { xml in
        try Element("item", children: item).write(to: xml)
      }
      _ = try xml.line()
      let start = xml.byteCount
      try xml.append(fragments: [fragment], inside: ["rss", "channel"])
      ranges.append(start..<xml.byteCount)
    }
    for element in trailing { try element.write(to: xml) }
    try xml.endElement()
    try xml.endElement()
    let data = try xml.finish()
    // A fragment starts with the line break and indentation before its element.
    let spans = ranges.map { range in
      var lower = range.lowerBound
      while lower < range.upperBound, [0x20, 0x0A, 0x09].contains(data[lower]) { lower += 1 }
      var upper = range.upperBound
      while upper > lower, [0x20, 0x0A, 0x09].contains(data[upper - 1]) { upper -= 1 }
      return lower..<upper
    }
    return (data, spans)
  }

  /// A channel every channel rule accepts.
  static let validChannel: [Element] = [
    Element("title", "Spanned Show"), Element("link", "https://example.com/show"),
    Element("description", "A show written item by item."), Element("language", "en"),
    Element("atom:link", nil, ["href": "https://example.com/feed.xml", "rel": "self", "type": "application/rss+xml"]),
    Element("itunes:author", "Ada Example"), Element("itunes:image", nil, ["href": "https://example.com/cover.jpg"]),
    Element("itunes:category", nil, ["text": "Technology"]), Element("itunes:explicit", "false"),
  ]

  /// An item every item rule accepts, the `number`th of the show, a day older for each number.
  static func validItem(_ number: Int) -> [Element] {
    [
      Element("title", "Episode \(number)"),
      Element("guid", "urn:uuid:00000000-0000-4000-8000-\(String(format: "%012d", number))", ["isPermaLink": "false"]),
      Element("pubDate", date(daysBefore: number)),
      Element("enclosure", nil, [
        "url": "https://cdn.example.com/\(number).mp3", "length": "1000", "type": "audio/mpeg",
      ]),
      Element("itunes:duration", "1925"),
    ]
  }

  /// An RFC 2822 date `days` days before 1 June 2030, with the right day name.
  static func date(daysBefore days: Int) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let start = calendar.date(from: DateComponents(year: 2030, month: 6, day: 1, hour: 12))!
    let day = calendar.date(byAdding: .day, value: -days, to: start)!
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
    return formatter.string(from: day)
  }
}

extension [SpannedFeed.Element] {
  /// The same item with the element named `name` replaced (or added, at the end), or removed with `nil`.
  func setting(_ name: String, _ element: SpannedFeed.Element?) -> [SpannedFeed.Element] {
    var copy = self
    if let index = copy.firstIndex(where: { $0.name == name }) {
      if let element { copy[index] = element } else { copy.remove(at: index) }
    } else if let element {
      copy.append(element)
    }
    return copy
  }
}
