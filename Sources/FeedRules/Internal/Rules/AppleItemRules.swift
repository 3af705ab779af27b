import Diagnostics
import PodiumXML

/// Apple's episode-level tags, and the values it reads only in one exact form.
struct AppleItemRules: FeedCheck {
  static let title = Rule(
    id: "APPLE-ITEM-TITLE", severity: .error, source: Source.apple, summary: "Every episode has a non-empty <title>.")
  static let description = Rule(
    id: "APPLE-ITEM-DESC", severity: .warning, source: Source.apple,
    summary: "An episode <description> is at most 4000 bytes.")
  static let duration = Rule(
    id: "APPLE-ITEM-DURATION", severity: .warning, source: Source.apple,
    summary: "Every episode has <itunes:duration> as seconds, MM:SS or H:MM:SS.")
  static let link = Rule(
    id: "APPLE-ITEM-LINK", severity: .warning, source: Source.apple, summary: "An episode <link> is an absolute URL.")
  static let image = Rule(
    id: "APPLE-ITEM-IMAGE", severity: .warning, source: Source.apple,
    summary: #"Episode art is <itunes:image href="…"/> with an absolute URL."#)
  static let explicit = Rule(
    id: "APPLE-ITEM-EXPLICIT", severity: .warning, source: Source.apple,
    summary: "An episode's <itunes:explicit> is true or false.")
  static let episode = Rule(
    id: "APPLE-ITEM-EPISODE", severity: .error, source: Source.apple,
    summary: "<itunes:episode> is a non-zero whole number, and every episode of a serial show has one.")
  static let season = Rule(
    id: "APPLE-ITEM-SEASON", severity: .info, source: Source.apple,
    summary: "<itunes:season> is a non-zero whole number.")
  static let episodeType = Rule(
    id: "APPLE-ITEM-EPTYPE", severity: .info, source: Source.apple,
    summary: "<itunes:episodeType> is full, trailer or bonus, in lower case.")
  static let block = Rule(
    id: "APPLE-ITEM-BLOCK", severity: .info, source: Source.apple,
    summary: "<itunes:block>Yes</itunes:block> hides one episode from Apple.")

  static let episodeTypes: Set = ["full", "trailer", "bonus"]

  static var rules: [Rule] {
    [title, description, duration, link, image, explicit, episode, season, episodeType, block]
  }

  /// Whether the show is serial, read once from the channel.
  private var serial = false

  mutating func check(_ feed: Feed, into findings: inout FindingList) {
    serial = feed.isSerial
  }

  func check(_ item: FeedItem, of feed: Feed, into findings: inout FindingList) {
    let item = item.node
    if item.first(.title)?.trimmedText.isEmpty ?? true {
      findings.add(
        Self.title, "this episode has no title; add a <title> with the episode's name",
        at: item.first(.title) ?? item.element)
    }
    if let description = item.first(.rssDescription) {
      AppleText.checkDescription(
        description, rule: Self.description, owner: "episode", into: &findings, checkEmpty: false)
    }
    checkDuration(item, into: &findings)
    checkLinks(item, into: &findings)
    if let explicit = item.first(.itunesExplicit) {
      ExplicitValue.check(explicit, rule: Self.explicit, into: &findings)
    }
    checkNumbers(item, serial: serial, into: &findings)
    if let block = item.first(.itunesBlock), block.trimmedText == "Yes" {
      findings.add(
        Self.block,
        "<itunes:block>Yes hides this episode from Apple Podcasts; remove the tag if that is not intended", at: block)
    }
  }

  private func checkDuration(_ item: FeedNode, into findings: inout FindingList) {
    guard let duration = item.first(.itunesDuration) else {
      findings.add(
        Self.duration,
        "this episode has no <itunes:duration>; add its length in seconds, e.g. <itunes:duration>1925</itunes:duration>",
        at: item.element)
      return
    }
    if !Self.isDuration(duration.trimmedText) {
      findings.add(
        Self.duration,
        "<itunes:duration> \(duration.trimmedText.quotedForMessage) is not seconds, MM:SS or H:MM:SS; write the length as whole seconds, e.g. 1925",
        at: duration)
    }
  }

  /// The seconds an `itunes:duration` in one of its forms stands for, or nil when it is none.
  static func seconds(ofDuration text: String) -> Double? {
    guard isDuration(text) else { return nil }
    return text.split(separator: ":").reduce(0) { $0 * 60 + (Double($1) ?? 0) }
  }

  /// The W3C validator's form, `^\d+(:[0-5]\d(:[0-5]\d)?)?$`: `1925`, `32:05`, `1:02:03`.
  static func isDuration(_ text: String) -> Bool {
    var groups = 0
    var digitsInGroup = 0
    for byte in text.utf8 {
      if byte == UInt8(ascii: ":") {
        guard digitsInGroup > 0, groups == 0 || digitsInGroup == 2, groups < 2 else { return false }
        groups += 1
        digitsInGroup = 0
      } else if byte.isASCIIDigit, groups == 0 || digitsInGroup < 2, groups == 0 || digitsInGroup == 1 || byte <= 0x35 {
        digitsInGroup += 1
      } else {
        return false
      }
    }
    return digitsInGroup > 0 && (groups == 0 || digitsInGroup == 2)
  }

  private func checkLinks(_ item: FeedNode, into findings: inout FindingList) {
    if let link = item.first(.link), !URLText.isAbsoluteHTTP(link.trimmedText) {
      findings.add(
        Self.link,
        "the episode <link> \(link.trimmedText.quotedForMessage) is not an absolute URL; link to the episode's https:// page",
        at: link)
    }
    if let image = item.first(.itunesImage) { AppleImage.check(image, rule: Self.image, into: &findings) }
  }

  private func checkNumbers(_ item: FeedNode, serial: Bool, into findings: inout FindingList) {
    if let episode = item.first(.itunesEpisode) {
      if !episode.trimmedText.isPositiveInteger {
        findings.add(
          Self.episode,
          "<itunes:episode> \(episode.trimmedText.quotedForMessage) is not a whole number from 1 up; number episodes 1, 2, 3, …",
          at: episode)
      }
    } else if serial {
      findings.add(
        Self.episode,
        "this serial show's episode has no <itunes:episode>; number every episode, as Apple requires for serial shows",
        at: item.element)
    }
    if let season = item.first(.itunesSeason), !season.trimmedText.isPositiveInteger {
      findings.add(
        Self.season,
        "<itunes:season> \(season.trimmedText.quotedForMessage) is not a whole number from 1 up; number seasons 1, 2, 3, …",
        at: season)
    }
    if let type = item.first(.itunesEpisodeType), !Self.episodeTypes.contains(type.trimmedText) {
      findings.add(
        Self.episodeType,
        "<itunes:episodeType> \(type.trimmedText.quotedForMessage) is not a value Apple reads; write full, trailer or bonus in lower case",
        at: type)
    }
  }
}
