import Diagnostics
import PodiumXML

/// Apple's show-level tags: what it requires, and values it reads only in one exact form.
struct AppleChannelRules: FeedCheck {
  static let title = Rule(
    id: "APPLE-CH-TITLE", severity: .error, source: Source.apple, summary: "The show's <title> is not empty.")
  static let description = Rule(
    id: "APPLE-CH-DESC", severity: .error, source: Source.apple,
    summary: "The show's <description> is not empty and is at most 4000 bytes.")
  static let image = Rule(
    id: "APPLE-CH-IMAGE", severity: .error, source: Source.apple,
    summary: #"The show has <itunes:image href="…"/> with an absolute URL."#)
  static let imageFormat = Rule(
    id: "APPLE-IMG-FORMAT", severity: .error, source: Source.apple,
    summary: "Artwork URLs end in .jpg, .jpeg or .png.")
  static let language = Rule(
    id: "APPLE-CH-LANGUAGE", severity: .error, source: Source.apple,
    summary: "<language> is an ISO 639 two-letter code with optional region, e.g. en or en-us.")
  static let explicit = Rule(
    id: "APPLE-CH-EXPLICIT", severity: .error, source: Source.apple,
    summary: "The show has <itunes:explicit> with true or false.")
  static let author = Rule(
    id: "APPLE-CH-AUTHOR", severity: .warning, source: Source.apple, summary: "The show has an <itunes:author>.")
  static let type = Rule(
    id: "APPLE-CH-TYPE", severity: .error, source: Source.apple,
    summary: "<itunes:type> is episodic or serial, in lower case.")
  static let newFeedURL = Rule(
    id: "APPLE-CH-NEW-FEED-URL", severity: .info, source: Source.apple,
    summary: "<itunes:new-feed-url> holds an absolute URL.")
  static let block = Rule(
    id: "APPLE-CH-BLOCK", severity: .info, source: Source.apple,
    summary: "<itunes:block>Yes</itunes:block> removes the show from Apple; other values do nothing.")
  static let complete = Rule(
    id: "APPLE-CH-COMPLETE", severity: .info, source: Source.apple,
    summary: "<itunes:complete>Yes</itunes:complete> marks the show finished; other values do nothing.")
  static let owner = Rule(
    id: "APPLE-CH-OWNER", severity: .info, source: Source.apple,
    summary: "Apple no longer uses <itunes:owner>; when kept, it has both name and email.")
  static let deprecated = Rule(
    id: "APPLE-DEPRECATED-TAGS", severity: .info, source: Source.apple,
    summary: "itunes:keywords, itunes:summary and itunes:order are no longer read by Apple.")

  static var rules: [Rule] {
    [
      title, description, image, imageFormat, language, explicit, author, type, newFeedURL, block, complete, owner,
      deprecated,
    ]
  }

  func check(_ feed: Feed, into findings: inout FindingList) {
    guard let channel = feed.channel else { return }
    if let title = channel.first("title"), title.trimmedText.isEmpty {
      findings.add(Self.title, "the show's <title> is empty; write the show's name", at: title)
    }
    if let description = channel.first("description") {
      AppleText.checkDescription(description, rule: Self.description, owner: "show", into: &findings)
    }
    checkImage(channel, into: &findings)
    checkLanguage(channel, into: &findings)
    if let explicit = channel.first("itunes:explicit") {
      ExplicitValue.check(explicit, rule: Self.explicit, into: &findings)
    } else {
      findings.add(
        Self.explicit, "the show has no <itunes:explicit>; add <itunes:explicit>false</itunes:explicit> (or true)",
        at: channel.element)
    }
    if !channel.has("itunes:author") {
      findings.add(
        Self.author, "the show has no <itunes:author>; add the host's or network's name", at: channel.element)
    }
    checkOptionalTags(channel, into: &findings)
    DeprecatedTags.check(channel, rule: Self.deprecated, into: &findings)
  }

  func check(_ item: FeedItem, of feed: Feed, into findings: inout FindingList) {
    DeprecatedTags.check(item.node, rule: Self.deprecated, into: &findings)
  }

  private func checkImage(_ channel: FeedNode, into findings: inout FindingList) {
    guard let image = channel.first("itunes:image") else {
      findings.add(
        Self.image,
        "the show has no <itunes:image>; add <itunes:image href=\"https://…/cover.jpg\"/> with 1400–3000 px square art",
        at: channel.element)
      return
    }
    AppleImage.check(image, rule: Self.image, into: &findings)
  }

  private func checkLanguage(_ channel: FeedNode, into findings: inout FindingList) {
    guard let language = channel.first("language"), !Self.isLanguageCode(language.trimmedText) else { return }
    findings.add(
      Self.language,
      "<language> \(language.trimmedText.quotedForMessage) is not an ISO 639 code; write a two-letter code with an optional region, such as en or en-us",
      at: language)
  }

  /// `en`, `en-us`, `pt-BR`: two letters, then optional `-` subtags of letters and digits.
  static func isLanguageCode(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard let first = parts.first, first.count == 2, first.utf8.allSatisfy(\.isASCIILetter) else { return false }
    return parts.dropFirst().allSatisfy {
      (1...8).contains($0.count) && $0.utf8.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit }
    }
  }

  private func checkOptionalTags(_ channel: FeedNode, into findings: inout FindingList) {
    if let type = channel.first("itunes:type"), !["episodic", "serial"].contains(type.trimmedText) {
      let fix = type.trimmedText.lowercased() == "serial" ? "serial" : "episodic"
      findings.add(
        Self.type,
        "<itunes:type> \(type.trimmedText.quotedForMessage) is not a value Apple reads; write <itunes:type>\(fix)</itunes:type> in lower case",
        at: type)
    }
    if let url = channel.first("itunes:new-feed-url"), !URLText.isAbsoluteHTTP(url.trimmedText) {
      findings.add(
        Self.newFeedURL,
        "<itunes:new-feed-url> \(url.trimmedText.quotedForMessage) is not an absolute URL; write the feed's new https:// address",
        at: url)
    }
    let flags: [(ElementKey, Rule, String)] = [
      ("itunes:block", Self.block, "removes the show from Apple Podcasts"),
      ("itunes:complete", Self.complete, "tells Apple no more episodes will come"),
    ]
    for (key, rule, effect) in flags {
      guard let element = channel.first(key) else { continue }
      let fix = element.trimmedText == "Yes" ? "remove the tag if that is not intended" : "write Yes or remove the tag"
      let what =
        element.trimmedText == "Yes"
        ? "<\(key)>Yes \(effect)"
        : "<\(key)> \(element.trimmedText.quotedForMessage) has no effect, as only Yes \(effect)"
      findings.add(rule, "\(what); \(fix)", at: element)
    }
    if let owner = channel.first("itunes:owner") {
      let node = FeedNode(owner)
      for part: ElementKey in ["itunes:name", "itunes:email"] where !node.has(part) {
        findings.add(
          Self.owner, "<itunes:owner> has no <\(part)>; add it, or remove <itunes:owner>, which Apple no longer uses",
          at: owner)
      }
    }
  }
}
