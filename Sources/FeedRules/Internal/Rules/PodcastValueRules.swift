import Diagnostics
import PodiumXML

/// Values of particular `podcast:` tags: the channel GUID, yes/no flags, media, people,
/// places, licences and the numbers and children some tags need.
struct PodcastValueRules: FeedCheck {
  static let guidFormat = rule("P20-GUID-FORMAT", .warning, "<podcast:guid> is a lower-case UUIDv5.")
  static let locked = rule("P20-LOCKED", .warning, "<podcast:locked> is yes or no, in lower case.")
  static let block = rule("P20-BLOCK", .info, "<podcast:block> is yes or no, with an optional known service id.")
  static let medium = rule("P20-MEDIUM", .info, "<podcast:medium> is a value the spec lists, such as podcast or video.")
  static let txt = rule("P20-TXT", .info, "<podcast:txt> is at most 4000 characters.")
  // A warning, as the catalogue's check of the same was: the namespace says the role and group
  // "should" come from the taxonomy (https://podcasting2.org/docs/podcast-namespace/tags/person),
  // and no app refuses a feed for it.
  static let person = rule(
    "P20-PERSON", .warning, "<podcast:person> names someone, with a role and group from the taxonomy.")
  static let location = rule("P20-LOCATION", .info, "<podcast:location> names a place, with rel subject or creator.")
  static let transcript = rule(
    "P20-TRANSCRIPT", .info,
    "<podcast:transcript> has a MIME type, a language (its own or the channel's), and rel captions if any.")
  static let chapters = rule("P20-CHAPTERS", .info, #"<podcast:chapters> has type="application/json+chapters"."#)
  static let soundbite = rule(
    "P20-SOUNDBITE", .info,
    "<podcast:soundbite> startTime and duration are seconds, the duration above 0, and it ends within the episode's <itunes:duration>.")
  static let season = rule("P20-SEASON", .info, "<podcast:season> holds a whole number.")
  static let episode = rule("P20-EPISODE", .info, "<podcast:episode> holds a number; display is at most 32 characters.")
  static let alternateEnclosure = rule(
    "P20-ALTENC", .info, "<podcast:alternateEnclosure> holds at least one <podcast:source>.")
  static let integrity = rule(
    "P20-INTEGRITY", .warning,
    #"<podcast:integrity> is type "sri" with a Subresource Integrity hash (sha256-, sha384- or sha512-), or "pgp-signature"."#)
  static let liveItem = rule(
    "P20-LIVEITEM", .info,
    "<podcast:liveItem> has status pending, live or ended, ISO 8601 start and end, a title, guid, enclosure and <podcast:contentLink>.")
  static let trailer = rule(
    "P20-TRAILER", .info, "<podcast:trailer> pubdate is an RFC 2822 date; length and season are whole numbers.")
  static let value = rule(
    "P20-VALUE", .info,
    "<podcast:value> has recipients; <podcast:valueRecipient> has a split of whole shares, fee true or false, customKey and "
      + "customValue together; <podcast:valueTimeSplit> has seconds and recipients or one remote item.")
  static let image = rule(
    "P20-IMAGE", .info, "<podcast:image> aspect-ratio is a CSS ratio such as 16/9; width and height are whole pixels.")
  static let remoteItem = rule(
    "P20-REMOTEITEM", .warning, "<podcast:remoteItem> feedGuid is the other feed's podcast:guid, a UUID.")
  static let podping = rule("P20-PODPING", .info, "<podcast:podping> usesPodping is true or false.")
  static let updateFrequency = rule(
    "P20-UPDATEFREQ", .info,
    "<podcast:updateFrequency> rrule is an RFC 5545 recurrence rule, dtstart an ISO 8601 date (required with COUNT), "
      + "complete true or false.")
  static let socialInteract = rule(
    "P20-SOCIALINTERACT", .info, "<podcast:socialInteract> uses a known protocol and has a uri unless disabled.")
  static let chat = rule("P20-CHAT", .info, "<podcast:chat> uses irc, xmpp, nostr or matrix.")
  static let imagesDeprecated = rule(
    "P20-IMAGES-DEPRECATED", .warning, "<podcast:images> is deprecated; use <podcast:image>.")
  static let podroll = rule("P20-PODROLL", .info, "<podcast:podroll> holds at least one <podcast:remoteItem>.")
  static let publisher = rule("P20-PUBLISHER", .info, "<podcast:publisher> holds exactly one <podcast:remoteItem>.")

  static var rules: [Rule] {
    [
      guidFormat, locked, block, medium, txt, person, location, transcript, chapters, soundbite, season,
      episode, alternateEnclosure, liveItem, trailer, value, socialInteract, chat, imagesDeprecated, podroll,
      publisher, podping, updateFrequency, integrity, image, remoteItem,
    ]
  }

  private static func rule(_ id: String, _ severity: Severity, _ summary: String) -> Rule {
    Rule(id: id, severity: severity, source: Source.podcasting20, summary: summary)
  }

  func check(_ feed: Feed, into findings: inout FindingList) {
    for element in feed.podcastElements { PodcastValueCheck(element: element).check(into: &findings) }
  }

  func check(_ item: FeedItem, of feed: Feed, into findings: inout FindingList) {
    // Soundbites must end within the episode, as long as its itunes:duration says.
    let duration = item.node.text(.itunesDuration).flatMap(AppleItemRules.seconds(ofDuration:))
    for element in item.podcastElements {
      PodcastValueCheck(element: element, itemDuration: duration).check(into: &findings)
    }
    // Without its own language a transcript is in the channel's; with neither, an app can't
    // tell which language it is in (https://podcasting2.org/docs/podcast-namespace/tags/transcript).
    guard feed.channel?.has("language") != true else { return }
    for element in item.podcastElements where element.name == "transcript" && element.attribute("language") == nil {
      findings.add(
        Self.transcript,
        "<podcast:transcript> has no language, and the channel has no <language> for it to take; "
          + "add language=\"…\" with a code such as nl-BE", at: element)
    }
  }
}
