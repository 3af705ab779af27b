import Diagnostics
import PodcastVocabulary
import PodiumXML

/// Media RSS in a feed that declares it: `<media:content>` and `<media:group>` as the W3C
/// validator reads them, and titles, descriptions, thumbnails, players and subtitles at every
/// level they may sit on (channel, item, group, content). Elements under an undeclared `media:`
/// prefix are not read here: RSS-NS-DECLARED reports the prefix once instead.
struct MediaRSSRules: FeedCheck {
  /// Media RSS readers skip a content they cannot use; no reader is known to refuse the feed.
  static let content = Rule(
    id: "MRSS-CONTENT", severity: .warning, source: Source.mediaRSS,
    summary: "<media:content> has a url (or a <media:player> beside it), non-negative numbers for fileSize, "
      + "duration, width, height and bitrate, and medium, isDefault and expression from their sets.")
  /// Media RSS sets no minimum number of contents in a group (the W3C validator's
  /// MediaGroupWithoutAlternatives is its own), and "should" have one default: a warning.
  static let group = Rule(
    id: "MRSS-GROUP", severity: .warning, source: Source.mediaRSS,
    summary: #"<media:group> holds at least one <media:content>, and at most one of its contents has isDefault="true"."#)
  static let titleDescription = Rule(
    id: "MRSS-TITLE-DESC", severity: .warning, source: Source.mediaRSS,
    summary: "<media:title> and <media:description> have type plain or html, and plain text has no HTML tags.")
  static let thumbnail = Rule(
    id: "MRSS-THUMBNAIL", severity: .warning, source: Source.mediaRSS,
    summary: "<media:thumbnail> has a url, the image's absolute http(s) URL.")
  static let player = Rule(
    id: "MRSS-PLAYER", severity: .info, source: Source.mediaRSS,
    summary: "<media:player> has a url, the absolute http(s) URL of a page that plays the media.")
  static let subtitle = Rule(
    id: "MRSS-SUBTITLE", severity: .info, source: Source.mediaRSS,
    summary: "<media:subTitle> has an href to the subtitle file and a lang (BCP 47, such as nl-BE).")

  static var rules: [Rule] { [content, group, titleDescription, thumbnail, player, subtitle] }

  static let media: Set = ["image", "audio", "video", "document", "executable"]
  static let expressions: Set = ["sample", "full", "nonstop"]
  /// Attributes of `<media:content>` that count things, and what they count.
  static let wholeNumbers: [(name: String, unit: String)] = [
    ("fileSize", "bytes"), ("width", "pixels"), ("height", "pixels"), ("channels", "audio channels"),
  ]
  static let decimals: [(name: String, unit: String)] = [
    ("duration", "seconds"), ("bitrate", "kilobits per second"), ("framerate", "frames per second"),
    ("samplingrate", "kHz"),
  ]

  private var namespaces = NamespaceCache()
  /// Whether the channel has a `<media:player>`.
  private var channelPlayer = false

  mutating func check(_ feed: Feed, into findings: inout FindingList) {
    guard let channel = feed.channel else { return }
    visit(channel.element, playerAbove: false, namespaces: &namespaces, into: &findings)
    // Optional elements on the channel hold for every item below it (MRSS-HIERARCHY): a channel's
    // player is the player of any content that has no url.
    channelPlayer = Self.hasPlayer(channel.element)
  }

  /// Whether the channel has a `<media:player>`, which plays every item's content that has no url.
  static func hasPlayer(_ channel: XMLElement) -> Bool {
    var namespaces = NamespaceCache()
    return mediaChildren(of: channel, namespaces: &namespaces).contains { $0.name == "player" }
  }

  mutating func check(_ item: FeedItem, of feed: Feed, into findings: inout FindingList) {
    visit(item.node.element, playerAbove: channelPlayer, namespaces: &namespaces, into: &findings)
  }

  /// Checks the `media:` children of `parent`, and those of the groups and contents among them.
  /// `playerAbove`: a `<media:player>` in an enclosing item or group, which a content may play in.
  private func visit(
    _ parent: XMLElement, playerAbove: Bool, namespaces: inout NamespaceCache, into findings: inout FindingList
  ) {
    let media = Self.mediaChildren(of: parent, namespaces: &namespaces)
    guard !media.isEmpty else { return }
    let hasPlayer = playerAbove || media.contains { $0.name == "player" }
    for element in media {
      switch element.name {
      case "content":
        checkContent(element, hasPlayer: hasPlayer, namespaces: &namespaces, into: &findings)
        visit(element, playerAbove: hasPlayer, namespaces: &namespaces, into: &findings)
      case "group":
        checkGroup(element, namespaces: &namespaces, into: &findings)
        visit(element, playerAbove: hasPlayer, namespaces: &namespaces, into: &findings)
      case "title", "description": checkText(element, into: &findings)
      case "thumbnail": checkThumbnail(element, into: &findings)
      case "player": checkPlayer(element, into: &findings)
      case "subTitle": checkSubtitle(element, into: &findings)
      default: break
      }
    }
  }

  private static func mediaChildren(of element: XMLElement, namespaces: inout NamespaceCache) -> [XMLElement] {
    element.children.filter { namespaces.namespace(of: $0) == .media }
  }

  private func checkContent(
    _ content: XMLElement, hasPlayer: Bool, namespaces: inout NamespaceCache, into findings: inout FindingList
  ) {
    let url = content.attribute("url")?.trimmingWhitespace() ?? ""
    if url.isEmpty {
      let playable = hasPlayer || Self.mediaChildren(of: content, namespaces: &namespaces).contains { $0.name == "player" }
      if !playable {
        findings.add(
          Self.content,
          #"<media:content> has no url and no <media:player> to play it in; add url="…" with the media file's address"#,
          at: content)
      }
    } else if !URLText.isAbsolute(url) {
      findings.add(
        Self.content,
        "<media:content> url \(url.quotedForMessage) is not an absolute URL; write the media file's full https:// address",
        at: content)
    }
    checkNumbers(content, into: &findings)
    let choices: [(name: String, allowed: Set<String>, listed: String)] = [
      ("medium", Self.media, "image, audio, video, document or executable"),
      ("isDefault", ["true", "false"], "true or false"),
      ("expression", Self.expressions, "sample, full (the default) or nonstop"),
    ]
    for (name, allowed, listed) in choices {
      guard let value = content.attribute(name), !allowed.contains(value) else { continue }
      findings.add(
        Self.content, "<media:content> \(name)=\(value.quotedForMessage) is not allowed; write one of \(listed)",
        at: content)
    }
    if let type = content.attribute("type"), !EnclosureRules.isMIMEType(type) {
      findings.add(
        Self.content, #"<media:content> type \#(type.quotedForMessage) is not a MIME type; write one such as type="video/mp4""#,
        at: content)
    }
    if let lang = content.attribute("lang"), !LanguageTag.isValid(lang) {
      findings.add(
        Self.content, "<media:content> lang \(lang.quotedForMessage) is not a language tag; write one such as lang=\"nl-BE\"",
        at: content)
    }
  }

  private func checkNumbers(_ content: XMLElement, into findings: inout FindingList) {
    for (name, unit) in Self.wholeNumbers {
      guard let value = content.attribute(name), !value.isASCIIDigits else { continue }
      findings.add(
        Self.content,
        "<media:content> \(name)=\(value.quotedForMessage) is not a whole number; write the \(unit) as a non-negative integer",
        at: content)
    }
    for (name, unit) in Self.decimals {
      guard let value = content.attribute(name), !value.isDecimalNumber else { continue }
      findings.add(
        Self.content,
        "<media:content> \(name)=\(value.quotedForMessage) is not a non-negative number; write the \(unit), such as \(name)=\"12.5\"",
        at: content)
    }
  }

  private func checkGroup(_ group: XMLElement, namespaces: inout NamespaceCache, into findings: inout FindingList) {
    let contents = Self.mediaChildren(of: group, namespaces: &namespaces).filter { $0.name == "content" }
    if contents.isEmpty {
      findings.add(
        Self.group,
        "<media:group> holds no <media:content>, so it offers nothing to play; add the media file's "
          + "<media:content url=\"…\"/> to it, or remove the group",
        at: group)
    }
    let defaults = contents.filter { $0.attribute("isDefault") == "true" }
    if defaults.count > 1 {
      findings.add(
        Self.group,
        #"this group already has a <media:content> with isDefault="true"; mark only one version as the default"#,
        at: defaults[1])
    }
  }

  private func checkText(_ element: XMLElement, into findings: inout FindingList) {
    let type = element.attribute("type") ?? "plain"
    if type != "plain", type != "html" {
      findings.add(
        Self.titleDescription,
        "\(element.tagName) type \(type.quotedForMessage) is not plain or html; write type=\"plain\" (the default) or type=\"html\"",
        at: element)
    } else if type == "plain", element.text.containsHTMLTag || !element.children.isEmpty {
      findings.add(
        Self.titleDescription,
        "\(element.tagName) is plain text but contains HTML tags; write it without tags, or declare type=\"html\"",
        at: element)
    }
  }

  private func checkThumbnail(_ thumbnail: XMLElement, into findings: inout FindingList) {
    checkURL(thumbnail, attribute: "url", rule: Self.thumbnail, of: "the image", into: &findings)
    checkSize(thumbnail, rule: Self.thumbnail, into: &findings)
  }

  private func checkPlayer(_ player: XMLElement, into findings: inout FindingList) {
    checkURL(player, attribute: "url", rule: Self.player, of: "the page that plays the media", into: &findings)
    checkSize(player, rule: Self.player, into: &findings)
  }

  private func checkSubtitle(_ subtitle: XMLElement, into findings: inout FindingList) {
    checkURL(subtitle, attribute: "href", rule: Self.subtitle, of: "the subtitle file", into: &findings)
    guard let lang = subtitle.attribute("lang") else {
      findings.add(
        Self.subtitle, "<media:subTitle> has no lang; add the subtitles' language, such as lang=\"nl-BE\"",
        at: subtitle)
      return
    }
    if !LanguageTag.isValid(lang) {
      findings.add(
        Self.subtitle,
        "<media:subTitle> lang \(lang.quotedForMessage) is not a language tag; write one such as lang=\"nl-BE\"",
        at: subtitle)
    }
  }

  /// A required URL attribute, present and absolute http(s).
  private func checkURL(
    _ element: XMLElement, attribute: String, rule: Rule, of what: String, into findings: inout FindingList
  ) {
    let url = element.attribute(attribute)?.trimmingWhitespace() ?? ""
    if url.isEmpty {
      findings.add(
        rule, "\(element.tagName) has no \(attribute); add \(attribute)=\"…\" with the address of \(what)", at: element)
    } else if !URLText.isAbsoluteHTTP(url) {
      findings.add(
        rule,
        "\(element.tagName) \(attribute) \(url.quotedForMessage) is not an absolute http(s) URL; write the full https:// address of \(what)",
        at: element)
    }
  }

  private func checkSize(_ element: XMLElement, rule: Rule, into findings: inout FindingList) {
    for name in ["width", "height"] {
      guard let value = element.attribute(name), !value.isASCIIDigits else { continue }
      findings.add(
        rule, "\(element.tagName) \(name)=\(value.quotedForMessage) is not a whole number; write it in pixels",
        at: element)
    }
  }
}
