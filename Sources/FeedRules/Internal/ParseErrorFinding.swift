import Diagnostics
import PodiumXML

/// Turns a parse failure into the one finding a feed or sitemap that cannot be read gets.
enum ParseErrorFinding {
  /// What was being read, for the words of the message and the fix it suggests.
  enum Document {
    case feed, sitemap

    var name: String { self == .feed ? "feed" : "sitemap" }

    var emptyFix: String {
      switch self {
      case .feed: #"publish an RSS document starting with <rss version="2.0">"#
      case .sitemap: #"write a <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"> document"#
      }
    }

    var tooLargeFix: String {
      self == .feed ? "trim old episodes or page the feed" : "split it into several sitemaps listed in a sitemap index"
    }
  }

  static let wellFormed = Rule(
    id: "RSS-XML-WELLFORMED", severity: .error, source: Source.xml,
    summary: "Feeds and sitemaps must be well-formed XML (escape & and <, or use CDATA).")
  static let cdataEnd = Rule(
    id: "RSS-XML-CDATA-END", severity: .error, source: Source.xml,
    summary: "A CDATA section cannot contain ]]>; split it or escape the text.")
  static let namedEntities = Rule(
    id: "RSS-XML-NAMED-ENTITIES", severity: .error, source: Source.xml,
    summary: "Only &amp; &lt; &gt; &quot; &apos; are predefined; HTML entities like &nbsp; are not.")

  static let rules = [wellFormed, cdataEnd, namedEntities]

  static func finding(for error: XMLParseError, file: String, document: Document = .feed) -> Finding {
    let location = SourceLocation(file: file, line: error.line)
    let noun = document.name
    switch error.reason {
    case .undefinedEntity(let message):
      return namedEntities.finding(
        "\(message), as XML knows only &amp; &lt; &gt; &quot; &apos;; use a numeric reference (&#160;), "
          + "the character itself, or put the HTML in CDATA", at: location)
    case .misplacedCDATAEnd(let message):
      return cdataEnd.finding(
        "\(message); ']]>' may only close a CDATA section, so escape it as ']]&gt;' or split the section",
        at: location)
    case .malformed(let message):
      return wellFormed.finding(
        "the \(noun) is not well-formed XML (\(message)); fix the markup there, escaping & as &amp; and < as &lt; "
          + "or wrapping the text in CDATA", at: location)
    case .empty:
      return wellFormed.finding("the \(noun) is empty; \(document.emptyFix)", at: location)
    case .tooLarge(let size, let limit):
      return wellFormed.finding(
        "the \(noun) is \(size) bytes, over the \(limit)-byte limit this check reads; \(document.tooLargeFix)",
        at: location)
    case .entityDeclaration(let name):
      return wellFormed.finding(
        "the \(noun)'s DOCTYPE declares the entity '\(name)', which is refused as unsafe and unsupported by apps; "
          + "remove the DOCTYPE and write the text out", at: location)
    case .entityReference(let name):
      return namedEntities.finding(
        "'&\(name);' is not one of XML's predefined entities; use a numeric reference or the character itself",
        at: location)
    case .tooManyAttributes(let limit):
      return wellFormed.finding(
        "this start tag has more than \(limit) attributes, so the \(noun) was not read further; "
          + "no \(noun) needs that many, so remove the extra ones", at: location)
    case .elementTooLarge(let elements, let textBytes):
      return wellFormed.finding(
        "this element holds more than \(elements) elements or \(textBytes >> 20) MB of text, so the \(noun) was not "
          + "read further; no \(noun) needs that much in one element, so split or remove it", at: location)
    case .unreadable(let path, let detail):
      return wellFormed.finding("the \(noun) could not be read from \(path) (\(detail))", at: location)
    case .libxml(let operation):
      return wellFormed.finding(
        "libxml2 could not parse the \(noun) (\(operation)); try again, or report a bug", at: location)
    }
  }
}
