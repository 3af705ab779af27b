import Diagnostics
import PodiumXML

/// `<enclosure url length type>`: present and valid, one per item, a format Apple plays, and a
/// media URL no other episode uses.
struct EnclosureRules: FeedCheck {
  static let attributes = Rule(
    id: "RSS-ENC-ATTRS", severity: .error, source: Source.rss,
    summary: "An <enclosure> has an absolute http(s) url, a whole-number length in bytes and a MIME type.")
  static let one = Rule(
    id: "RSS-ENC-ONE", severity: .warning, source: Source.rss,
    summary: "An item has at most one <enclosure>; offer other files with podcast:alternateEnclosure.")
  static let length = Rule(
    id: "CLIENT-ENC-LENGTH", severity: .warning, source: Source.clientLengths,
    summary: "The enclosure length is the file's real size in bytes, not 0.")
  static let formats = Rule(
    id: "APPLE-ENC-FORMATS", severity: .error, source: Source.apple,
    summary: "The media URL ends in .m4a, .mp3, .mov, .mp4, .m4v or .pdf, with the matching type.")
  static let uniqueURL = Rule(
    id: "APPLE-ITEM-ENCLOSURE", severity: .error, source: Source.apple,
    summary: "Each episode has its own enclosure URL; Apple ignores duplicates.")
  static let asciiURLs = Rule(
    id: "APPLE-ASCII-URLS", severity: .error, source: Source.apple,
    summary: "Media and artwork URLs use only ASCII characters, with no spaces.")

  static var rules: [Rule] { [attributes, one, length, formats, uniqueURL, asciiURLs] }

  static let requiredAttributes = ["url", "length", "type"]

  /// Apple's list, plus the types servers commonly send for the same files.
  static let acceptedTypes: [String: Set<String>] = [
    "m4a": ["audio/x-m4a", "audio/mp4"], "mp3": ["audio/mpeg"], "mov": ["video/quicktime"],
    "mp4": ["video/mp4", "audio/mp4"], "m4v": ["video/x-m4v", "video/mp4"], "pdf": ["application/pdf"],
  ]

  func check(_ item: FeedItem, of feed: Feed, into findings: inout FindingList) {
    let enclosures = item.node.all(.enclosure)
    guard let enclosure = enclosures.first else { return }
    if enclosures.count > 1 {
      findings.add(
        Self.one,
        "this item has \(enclosures.count) enclosures and apps play only one; keep one and move the others to <podcast:alternateEnclosure>",
        at: enclosures[1])
    }
    checkAttributes(enclosure, into: &findings)
    guard let url = enclosure.attribute("url"), !url.isEmpty else { return }
    checkApple(enclosure, url: url, into: &findings)
    findings.note(.enclosure(url: url, line: enclosure.line))
  }

  /// APPLE-ITEM-ENCLOSURE's duplicates, across items: the first use of each URL is kept (``AcrossItems``).
  static func checkUnique(_ url: String, line: Int, into findings: inout FindingList) {
    guard let earlier = findings.across.firstUse.earlierLine(of: url, usedAt: line) else { return }
    findings.report(
      uniqueURL,
      "this enclosure URL is also used by \(ItemReference.phrase(line: earlier)), and Apple ignores the duplicate; give each episode its own media file URL",
      line: line)
  }

  private func checkAttributes(_ enclosure: XMLElement, into findings: inout FindingList) {
    for name in Self.requiredAttributes where enclosure.attribute(name) == nil {
      findings.add(
        Self.attributes,
        "the enclosure has no \(name) attribute; add \(name)=\"…\" (all of url, length and type are required)",
        at: enclosure)
    }
    if let url = enclosure.attribute("url"), !URLText.isAbsoluteHTTP(url) {
      findings.add(
        Self.attributes,
        "the enclosure url \(url.quotedForMessage) is not an absolute http(s) URL; use the media file's full https:// URL",
        at: enclosure)
    }
    if let length = enclosure.attribute("length") {
      if !length.isASCIIDigits {
        findings.add(
          Self.attributes,
          "the enclosure length \(length.quotedForMessage) is not a whole number of bytes; write the file size, e.g. length=\"24986239\"",
          at: enclosure)
      } else if length.allSatisfy({ $0 == "0" }) {
        findings.add(
          Self.length,
          "the enclosure length is 0, so apps show no size or a wrong one; write the media file's size in bytes",
          at: enclosure)
      }
    }
    if let type = enclosure.attribute("type"), !Self.isMIMEType(type) {
      findings.add(
        Self.attributes,
        "the enclosure type \(type.quotedForMessage) is not a MIME type; write one such as type=\"audio/mpeg\"",
        at: enclosure)
    }
  }

  private func checkApple(_ enclosure: XMLElement, url: String, into findings: inout FindingList) {
    if !URLText.isPrintableASCII(url) {
      findings.add(
        Self.asciiURLs,
        "the enclosure URL has spaces or non-ASCII characters; rename the file or percent-encode the URL so it uses only ASCII",
        at: enclosure)
    }
    guard let fileExtension = URLText.pathExtension(of: url), let types = Self.acceptedTypes[fileExtension] else {
      findings.add(
        Self.formats,
        "the enclosure URL does not end in a file extension Apple plays; serve it as .m4a, .mp3, .mov, .mp4, .m4v or .pdf at the end of the path (tracking parameters go in the query)",
        at: enclosure)
      return
    }
    if let type = enclosure.attribute("type"), !types.contains(type) {
      let expected = types.sorted().joined(separator: " or ")
      findings.add(
        Self.formats,
        "the enclosure type \(type.quotedForMessage) does not match its .\(fileExtension) file; write type=\"\(expected)\"",
        at: enclosure)
    }
  }

  /// `type/subtype`, with an optional `; parameter`.
  static func isMIMEType(_ text: String) -> Bool {
    var slashes = 0
    var partLength = 0
    for byte in text.utf8 {
      if byte == UInt8(ascii: ";") { break }
      if byte == UInt8(ascii: "/") {
        guard partLength > 0 else { return false }
        slashes += 1
        partLength = 0
      } else if byte.isASCIILetter || byte.isASCIIDigit || mimeSymbols.contains(byte) {
        partLength += 1
      } else {
        return false
      }
    }
    return slashes == 1 && partLength > 0
  }

  private static let mimeSymbols = Set("!#$&^_.+-".utf8)
}
