import PodcastVocabulary
import Diagnostics
import PodiumXML

/// `podcast:` tags whose problems lie in their children or in one controlled attribute.
struct PodcastStructureCheck {
  typealias Rules = PodcastValueRules
  let element: XMLElement

  private var tag: String { "<podcast:\(element.name)>" }

  func check(into findings: inout FindingList) {
    switch element.name {
    case "txt" where element.text.utf8.count > 4000 && element.text.count > 4000:
      findings.add(
        Rules.txt, "\(tag) is \(element.text.count) characters, over the spec's limit of 4000; shorten it", at: element)
    case "alternateEnclosure": checkAlternateEnclosure(into: &findings)
    case "liveItem": checkLiveItem(into: &findings)
    case "trailer": checkTrailer(into: &findings)
    case "socialInteract": checkSocialInteract(into: &findings)
    case "chat":
      if let chatProtocol = element.attribute("protocol"), !PodcastNamespaceValues.chatProtocols.contains(chatProtocol) {
        findings.add(
          Rules.chat,
          "\(tag) protocol \(chatProtocol.quotedForMessage) is not one the spec lists; use irc, xmpp, nostr or matrix",
          at: element)
      }
    case "images":
      findings.add(
        Rules.imagesDeprecated, "\(tag) is deprecated; replace it with one <podcast:image href=\"…\"/> per image",
        at: element)
    case "podroll" where podcastChildren(named: "remoteItem") == 0:
      findings.add(
        Rules.podroll, "\(tag) is empty; list the recommended shows as <podcast:remoteItem feedGuid=\"…\"/>",
        at: element)
    case "publisher" where podcastChildren(named: "remoteItem") != 1:
      findings.add(
        Rules.publisher, "\(tag) must hold exactly one <podcast:remoteItem medium=\"publisher\">; keep one", at: element
      )
    case "publisher":
      if let item = element.children.first(where: { $0.name == "remoteItem" }), item.attribute("medium") != "publisher" {
        findings.add(
          Rules.publisher, "\(tag) points at a feed without medium=\"publisher\"; add it to its <podcast:remoteItem>",
          at: element)
      }
    case "value" where podcastChildren(named: "valueRecipient") == 0:
      findings.add(
        Rules.value, "\(tag) has no <podcast:valueRecipient>; add one for each payee, with its split", at: element)
    case "image": checkImage(into: &findings)
    case "remoteItem": checkRemoteItem(into: &findings)
    default: break
    }
  }

  /// How many `podcast:` children have this name; these tags have few children, so a scan
  /// is cheaper than filing them.
  private func podcastChildren(named name: String) -> Int {
    element.children.reduce(0) { $0 + ($1.name == name && $1.feedNamespace == .podcast ? 1 : 0) }
  }

  private func checkAlternateEnclosure(into findings: inout FindingList) {
    if podcastChildren(named: "source") == 0 {
      findings.add(
        Rules.alternateEnclosure,
        "\(tag) has no <podcast:source>; add at least one <podcast:source uri=\"https://…\"/>", at: element)
    }
    for name in ["title", "rel"] {
      guard let text = element.attribute(name), text.count > 32 else { continue }
      findings.add(
        Rules.alternateEnclosure, "\(tag) \(name) is \(text.count) characters, over the spec's limit of 32; shorten it",
        at: element)
    }
  }

  private func checkLiveItem(into findings: inout FindingList) {
    for name in ["start", "end"] {
      guard let date = element.attribute(name), !W3CDateTime.isValid(date) else { continue }
      findings.add(
        Rules.liveItem, "\(tag) \(name) \(date.quotedForMessage) is not an ISO 8601 date; write it like 2025-02-01T20:00:00+01:00",
        at: element)
    }
    for name in ["title", "guid", "enclosure"] where !element.children.contains(where: { $0.name == name && $0.feedNamespace == FeedNamespace.none }) {
      findings.add(
        Rules.liveItem, "\(tag) has no <\(name)>; a live item needs a title, a guid and the stream as its enclosure, as an item does",
        at: element)
    }
    if let status = element.attribute("status"), !PodcastNamespaceValues.liveStatuses.contains(status) {
      findings.add(
        Rules.liveItem, "\(tag) status \(status.quotedForMessage) is not pending, live or ended; use one of those",
        at: element)
    }
    if podcastChildren(named: "contentLink") == 0 {
      findings.add(
        Rules.liveItem,
        "\(tag) has no <podcast:contentLink>; add one pointing to where the stream can be watched or heard", at: element
      )
    }
  }

  private func checkTrailer(into findings: inout FindingList) {
    for name in ["length", "season"] {
      guard let number = element.attribute(name), !number.isASCIIDigits else { continue }
      findings.add(Rules.trailer, "\(tag) \(name) \(number.quotedForMessage) is not a whole number; write one", at: element)
    }
    guard let date = element.attribute("pubdate") else { return }
    if case .invalid = RFC822Date.parse(date) {
      findings.add(
        Rules.trailer,
        "\(tag) pubdate \(date.quotedForMessage) is not an RFC 2822 date; write it like '\(DateRules.example)'",
        at: element)
    }
  }

  /// https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/tags/image.md: the ratio in
  /// CSS syntax (https://developer.mozilla.org/en-US/docs/Web/CSS/aspect-ratio), sizes in pixels.
  private func checkImage(into findings: inout FindingList) {
    if let ratio = element.attribute("aspect-ratio") {
      let parts = ratio.split(separator: "/", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
      let valid = (1...2).contains(parts.count) && parts.allSatisfy { Double($0).map { $0 > 0 && $0.isFinite } == true && !$0.hasPrefix("+") }
      if !valid {
        findings.add(
          Rules.image, "\(tag) aspect-ratio \(ratio.quotedForMessage) is not a CSS ratio; write it like 16/9 or 1/1", at: element)
      }
    }
    for name in ["width", "height"] {
      guard let size = element.attribute(name), !size.isPositiveInteger else { continue }
      findings.add(Rules.image, "\(tag) \(name) \(size.quotedForMessage) is not a number of pixels; write one such as 1400", at: element)
    }
  }

  /// https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/tags/remote-item.md
  private func checkRemoteItem(into findings: inout FindingList) {
    if let guid = element.attribute("feedGuid"), !guid.isUUID {
      findings.add(
        Rules.remoteItem,
        "\(tag) feedGuid \(guid.quotedForMessage) is not a UUID; write the other feed's podcast:guid, which the Podcast Index lists",
        at: element)
    }
    if let medium = element.attribute("medium"), !PodcastNamespaceValues.media.contains(medium) {
      findings.add(
        Rules.remoteItem, "\(tag) medium \(medium.quotedForMessage) is not a medium the spec lists; use podcast, music, publisher or another",
        at: element)
    }
  }

  private func checkSocialInteract(into findings: inout FindingList) {
    guard let socialProtocol = element.attribute("protocol") else { return }
    if !PodcastNamespaceValues.socialProtocols.contains(socialProtocol) {
      findings.add(
        Rules.socialInteract,
        "\(tag) protocol \(socialProtocol.quotedForMessage) is not one the spec lists; use activitypub, atproto, nostr or another listed protocol",
        at: element)
    } else if socialProtocol != "disabled", element.attribute("uri") == nil {
      findings.add(
        PodcastTagRules.requiredAttributes,
        "\(tag) has no uri attribute; add uri=\"…\" pointing to the comment thread, as the spec requires unless protocol is disabled",
        at: element)
    }
  }
}
