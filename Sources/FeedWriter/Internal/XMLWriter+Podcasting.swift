import Catalogue
import PodiumXML

/// The Podcasting 2.0 elements that channel, item and live item share beyond the basics, each
/// with its attribute names as the namespace spells them
/// (https://github.com/Podcastindex-org/podcast-namespace/tree/main/docs/tags).
extension XMLWriter {
  func image(_ image: PodcastImage, href: String) throws {
    try startElement("podcast:image")
    try attribute("href", href)
    if let alt = image.alt { try attribute("alt", alt) }
    if let ratio = image.aspectRatio { try attribute("aspect-ratio", ratio) }
    if let width = image.width { try attribute("width", String(width)) }
    if let height = image.height { try attribute("height", String(height)) }
    if let type = image.type { try attribute("type", type) }
    if let purpose = image.purpose { try attribute("purpose", purpose) }
    try endElement()
  }

  func remoteItem(_ item: RemoteItem) throws {
    try startElement("podcast:remoteItem")
    try attribute("feedGuid", item.feedGUID)
    if let url = item.feedURL { try attribute("feedUrl", url) }
    if let guid = item.itemGUID { try attribute("itemGuid", guid) }
    if let medium = item.medium { try attribute("medium", medium) }
    if let title = item.title { try attribute("title", title) }
    try endElement()
  }

  func value(_ value: ValueBlock?) throws {
    guard let value else { return }
    try startElement("podcast:value")
    try attribute("type", value.type)
    try attribute("method", value.method)
    if let suggested = value.suggested { try attribute("suggested", suggested) }
    for recipient in value.recipients { try self.recipient(recipient) }
    for split in value.timeSplits {
      try startElement("podcast:valueTimeSplit")
      try attribute("startTime", Self.seconds(split.start))
      try attribute("duration", Self.seconds(split.duration))
      if let start = split.remoteStart { try attribute("remoteStartTime", Self.seconds(start)) }
      if let percentage = split.remotePercentage { try attribute("remotePercentage", String(percentage)) }
      if let item = split.remoteItem { try remoteItem(item) }
      for recipient in split.recipients { try self.recipient(recipient) }
      try endElement()
    }
    try endElement()
  }

  private func recipient(_ recipient: ValueRecipient) throws {
    try startElement("podcast:valueRecipient")
    if let name = recipient.name { try attribute("name", name) }
    try attribute("type", recipient.type)
    try attribute("address", recipient.address)
    try attribute("split", String(recipient.split))
    if let key = recipient.customKey { try attribute("customKey", key) }
    if let value = recipient.customValue { try attribute("customValue", value) }
    if recipient.fee { try attribute("fee", "true") }
    try endElement()
  }

  func socialInteract(_ items: [SocialInteract]) throws {
    for item in items {
      try startElement("podcast:socialInteract")
      try attribute("protocol", item.socialProtocol)
      if let uri = item.uri { try attribute("uri", uri) }
      if let id = item.accountID { try attribute("accountId", id) }
      if let url = item.accountURL { try attribute("accountUrl", url) }
      if let priority = item.priority { try attribute("priority", String(priority)) }
      try endElement()
    }
  }

  func contentLinks(_ links: [ContentLink]) throws {
    for link in links { try element("podcast:contentLink", link.text, attributes: ["href": link.href]) }
  }

  /// `<podcast:integrity type="sri" value="sha384-…"/>`, https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/tags/integrity.md
  func integrity(_ value: String?) throws {
    guard let value else { return }
    try element("podcast:integrity", attributes: ["type": "sri", "value": value])
  }

  /// Seconds as the namespace's examples write them: `73` or `73.5`, never `73.0000001`.
  static func seconds(_ value: Double) -> String {
    // The catalogue keeps them under a hundred years; anything larger is written as it is.
    guard value.isFinite, abs(value) < 1e12 else { return String(value) }
    let milliseconds = (value * 1000).rounded()
    if milliseconds.truncatingRemainder(dividingBy: 1000) == 0 { return String(Int(milliseconds / 1000)) }
    var text = String(format: "%.3f", milliseconds / 1000)
    while text.hasSuffix("0") { text.removeLast() }
    return text
  }
}
