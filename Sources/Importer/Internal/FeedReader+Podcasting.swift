import Catalogue
import Foundation
import PodcastVocabulary
import PodiumXML
import Publisher

/// The Podcasting 2.0 tags the catalogue holds beside the basics (docs/catalogue.md, "Podcasting
/// 2.0 tags"), read as the keys a producer would write them. Attribute names are the namespace's
/// (https://github.com/Podcastindex-org/podcast-namespace/tree/main/docs/tags); what breaks a rule
/// the catalogue keeps (an http address, a feed GUID that is no UUID, a split that is no whole
/// number) is a loss with its reason, so the show loads as imported.
extension FeedReader {
  typealias Value = YAMLEmitter.Value

  /// `podcast:remoteItem`: another feed (by its `podcast:guid`) or an item of it.
  func remoteItem(_ element: XMLElement, losses: inout [ImportLoss], medium keepMedium: Bool = true) -> Value? {
    guard let guid = element.attr("feedGuid"), UUID(uuidString: guid) != nil else {
      losses.append(ImportLoss(
        element.displayName, "feedGuid '\(element.attr("feedGuid") ?? "")' is not a feed's podcast:guid (a UUID), which the catalogue "
          + "needs to name another show; look it up in the Podcast Index and add it by hand", line: element.line))
      return nil
    }
    var pairs: [(String, Value)] = [("feed_guid", .text(guid.lowercased()))]
    if let url = https(element, "feedUrl", losses: &losses) { pairs.append(("feed_url", .text(url))) }
    if let item = element.attr("itemGuid") { pairs.append(("item_guid", .text(item))) }
    if keepMedium, let medium = element.attr("medium") { pairs.append(("medium", .text(medium))) }
    if let title = element.attr("title") { pairs.append(("title", .text(plainText(title)))) }
    return .mapping(pairs)
  }

  func podroll(_ element: XMLElement, losses: inout [ImportLoss]) -> [Value] {
    element.all(.podcast, "remoteItem").compactMap { remoteItem($0, losses: &losses) }
  }

  /// `podcast:value` with its recipients and, in an item, its time splits.
  func value(_ element: XMLElement, losses: inout [ImportLoss]) -> Value? {
    guard let type = element.attr("type"), let method = element.attr("method") else {
      losses.append(ImportLoss(element.displayName, "a value block without type or method: apps can't pay through it", line: element.line))
      return nil
    }
    let payees = recipients(element, losses: &losses)
    guard !payees.isEmpty else {
      losses.append(ImportLoss(element.displayName, "a value block with no recipient the catalogue can hold", line: element.line))
      return nil
    }
    var pairs: [(String, Value)] = [("type", .text(type)), ("method", .text(method))]
    if let suggested = element.attr("suggested") { pairs.append(("suggested", .text(suggested))) }
    pairs.append(("recipients", .list(payees)))
    let splits = element.all(.podcast, "valueTimeSplit").compactMap { timeSplit($0, losses: &losses) }
    if !splits.isEmpty { pairs.append(("time_splits", .list(splits))) }
    return .mapping(pairs)
  }

  private func recipients(_ element: XMLElement, losses: inout [ImportLoss]) -> [Value] {
    element.all(.podcast, "valueRecipient").compactMap { recipient in
      guard let type = recipient.attr("type"), let address = recipient.attr("address") else {
        losses.append(ImportLoss(recipient.displayName, "a recipient without type or address", line: recipient.line))
        return nil
      }
      // The namespace allows any number; the catalogue holds whole shares (P20-VALUE).
      guard let split = recipient.attr("split").flatMap({ Int($0) }), split > 0 else {
        losses.append(ImportLoss(
          recipient.displayName, "\(recipient.attr("name") ?? address): split '\(recipient.attr("split") ?? "")' is not a whole number "
            + "above 0, which the catalogue needs; add the recipient with whole shares by hand", line: recipient.line))
        return nil
      }
      var pairs: [(String, Value)] = []
      if let name = recipient.attr("name") { pairs.append(("name", .text(plainText(name)))) }
      pairs += [("type", .text(type)), ("address", .text(address)), ("split", .text(String(split)))]
      if let key = recipient.attr("customKey") { pairs.append(("custom_key", .text(key))) }
      if let value = recipient.attr("customValue") { pairs.append(("custom_value", .text(value))) }
      if Self.flag(recipient.attr("fee")) == true { pairs.append(("fee", .text("true"))) }
      return .mapping(pairs)
    }
  }

  private func timeSplit(_ element: XMLElement, losses: inout [ImportLoss]) -> Value? {
    guard let start = seconds(element, "startTime"), let duration = seconds(element, "duration") else {
      losses.append(ImportLoss(element.displayName, "a time split without a readable startTime and duration", line: element.line))
      return nil
    }
    var pairs: [(String, Value)] = [("start", .text(start)), ("duration", .text(duration))]
    if let remoteStart = seconds(element, "remoteStartTime") { pairs.append(("remote_start", .text(remoteStart))) }
    if let percentage = element.attr("remotePercentage") {
      if let number = Int(percentage), (0...100).contains(number) {
        pairs.append(("remote_percentage", .text(String(number))))
      } else {
        losses.append(ImportLoss(element.displayName, "remotePercentage '\(percentage)' is not 0 to 100", line: element.line))
      }
    }
    let payees = recipients(element, losses: &losses)
    let remote = element.child(.podcast, "remoteItem").flatMap { remoteItem($0, losses: &losses) }
    guard payees.isEmpty != (remote == nil) else {
      losses.append(ImportLoss(
        element.displayName, "the split at \(start) s has \(payees.isEmpty ? "neither recipients nor a remote item" : "both recipients and a remote item"); "
          + "the catalogue holds one or the other", line: element.line))
      return nil
    }
    if let remote { pairs.append(("remote_item", remote)) } else { pairs.append(("recipients", .list(payees))) }
    return .mapping(pairs)
  }

  func socialInteract(_ element: XMLElement, losses: inout [ImportLoss]) -> Value? {
    guard let name = element.attr("protocol") else {
      losses.append(ImportLoss(element.displayName, "no protocol", line: element.line))
      return nil
    }
    var pairs: [(String, Value)] = [("protocol", .text(name))]
    if name != "disabled" {
      guard let uri = https(element, "uri", losses: &losses) else {
        if element.attr("uri") == nil { losses.append(ImportLoss(element.displayName, "no uri of the root post", line: element.line)) }
        return nil
      }
      pairs.append(("uri", .text(uri)))
    }
    if let id = element.attr("accountId") { pairs.append(("account_id", .text(id))) }
    if let url = https(element, "accountUrl", losses: &losses) { pairs.append(("account_url", .text(url))) }
    if let priority = element.attr("priority") {
      if let number = Int(priority), number > 0 { pairs.append(("priority", .text(String(number)))) } else {
        losses.append(ImportLoss(element.displayName, "priority '\(priority)' is not a whole number above 0", line: element.line))
      }
    }
    return .mapping(pairs)
  }

  func contentLink(_ element: XMLElement, losses: inout [ImportLoss]) -> Value? {
    guard let url = https(element, "href", losses: &losses) else {
      if element.attr("href") == nil { losses.append(ImportLoss(element.displayName, "no href", line: element.line)) }
      return nil
    }
    // Apps show the text; a link without one is named by its address.
    return .mapping([("url", .text(url)), ("text", .text(element.value.map(plainText) ?? url))])
  }

  /// `podcast:image`, as an entry of `images:`.
  func image(_ element: XMLElement, losses: inout [ImportLoss]) -> Value? {
    guard let url = https(element, "href", losses: &losses) else {
      if element.attr("href") == nil { losses.append(ImportLoss(element.displayName, "no href", line: element.line)) }
      return nil
    }
    var pairs: [(String, Value)] = [("url", .text(url))]
    if let alt = element.attr("alt") { pairs.append(("alt", .text(plainText(alt)))) }
    if let ratio = element.attr("aspect-ratio") { pairs.append(("aspect_ratio", .text(ratio))) }
    for key in ["width", "height"] {
      guard let text = element.attr(key) else { continue }
      if let number = Int(text), number > 0 { pairs.append((key, .text(String(number)))) } else {
        losses.append(ImportLoss(element.displayName, "\(key) '\(text)' is not a whole number of pixels", line: element.line))
      }
    }
    if let type = element.attr("type") { pairs.append(("type", .text(type))) }
    if let purpose = element.attr("purpose") { pairs.append(("purpose", .text(purpose))) }
    return .mapping(pairs)
  }

  func soundbite(_ element: XMLElement, losses: inout [ImportLoss]) -> Value? {
    guard let start = seconds(element, "startTime"), let duration = seconds(element, "duration"),
      let length = Double(duration), length > 0
    else {
      losses.append(ImportLoss(
        element.displayName, "startTime '\(element.attr("startTime") ?? "")' and duration '\(element.attr("duration") ?? "")' are not "
          + "seconds (a duration above 0); add the soundbite by hand", line: element.line))
      return nil
    }
    var pairs: [(String, Value)] = [("start", .text(start)), ("duration", .text(duration))]
    if let title = element.value.map(plainText), !title.isEmpty { pairs.append(("title", .text(title))) }
    return .mapping(pairs)
  }

  func chat(_ element: XMLElement, losses: inout [ImportLoss]) -> Value? {
    guard let server = element.attr("server"), let name = element.attr("protocol") else {
      losses.append(ImportLoss(element.displayName, "a chat without server or protocol", line: element.line))
      return nil
    }
    var pairs: [(String, Value)] = [("server", .text(server)), ("protocol", .text(name))]
    if let id = element.attr("accountId") { pairs.append(("account_id", .text(id))) }
    if let space = element.attr("space") { pairs.append(("space", .text(space))) }
    return .mapping(pairs)
  }

  /// `podcast:updateFrequency`: its words, and the rule, start and `complete` when it has them.
  func updateFrequency(_ element: XMLElement, losses: inout [ImportLoss]) -> Value? {
    guard let text = element.value.map(plainText), !text.isEmpty else {
      losses.append(ImportLoss(element.displayName, "an update frequency without words, which the catalogue needs", line: element.line))
      return nil
    }
    var pairs: [(String, Value)] = []
    if let rule = element.attr("rrule") { pairs.append(("rrule", .text(rule))) }
    if let start = element.attr("dtstart") {
      if let date = Timestamp.parse(start) { pairs.append(("dtstart", .text(date.iso8601))) } else {
        losses.append(ImportLoss(element.displayName, "dtstart '\(start)' is not a date and time with a zone", line: element.line))
      }
    }
    if Self.flag(element.attr("complete")) == true { pairs.append(("complete", .text("true"))) }
    return pairs.isEmpty ? .text(text) : .mapping([("text", .text(text))] + pairs)
  }

  /// `podcast:liveItem`: a scheduled, running or ended stream, as an entry of the show's `live:`,
  /// with its GUID and what the publication record keeps of it.
  func liveItem(_ element: XMLElement, losses: inout [ImportLoss])
    -> (Value, guid: String, record: PublicationRecord.LiveItemRecord)?
  {
    func lose(_ detail: String) -> (Value, guid: String, record: PublicationRecord.LiveItemRecord)? {
      losses.append(ImportLoss(element.displayName, detail + "; add it under live: by hand if it still matters", line: element.line))
      return nil
    }
    let enclosure = element.child(.rss, "enclosure")
    guard let title = element.child(.rss, "title")?.value.map(plainText), let guid = element.child(.rss, "guid")?.value,
      let status = element.attr("status")?.lowercased(), LiveItem.Status(rawValue: status) != nil,
      let start = element.attr("start").flatMap(Timestamp.parse)
    else { return lose("a live item without title, guid, a status (pending, live or ended) or a start with a zone") }
    guard let stream = enclosure?.attr("url"), stream.hasPrefix("https://") else {
      return lose("the live item '\(title)' has no https stream (its enclosure)")
    }
    let links = element.all(.podcast, "contentLink").compactMap { contentLink($0, losses: &losses) }
    guard !links.isEmpty else { return lose("the live item '\(title)' has no podcast:contentLink, which the catalogue needs") }
    var pairs: [(String, Value)] = [
      ("title", .text(title)), ("guid", .text(guid)), ("status", .text(status)), ("start", .text(start.iso8601)),
    ]
    if let end = element.attr("end") {
      if let date = Timestamp.parse(end), date > start { pairs.append(("end", .text(date.iso8601))) } else {
        losses.append(ImportLoss(element.displayName, "the live item's end '\(end)' is not a date after its start", line: element.line))
      }
    }
    pairs.append(("stream", .text(stream)))
    if let type = enclosure?.attr("type") { pairs.append(("stream_type", .text(type))) }
    pairs.append(("content_links", .list(links)))
    let held: Set<String> = ["title", "guid", "enclosure", "contentLink"]
    let others = Set(element.children.filter { !held.contains($0.name) }.map(\.displayName)).sorted()
    if !others.isEmpty {
      losses.append(ImportLoss(
        element.displayName, "the live item '\(title)': \(others.joined(separator: ", ")) not held (the catalogue keeps a live item's "
          + "title, guid, times, stream and links)", line: element.line))
    }
    return (.mapping(pairs), guid, PublicationRecord.LiveItemRecord(title: title, stream: stream, start: start.iso8601))
  }

  /// An https attribute; an http one is a loss, as the catalogue takes https addresses only.
  private func https(_ element: XMLElement, _ name: String, losses: inout [ImportLoss]) -> String? {
    guard let url = element.attr(name) else { return nil }
    guard url.hasPrefix("https://") else {
      losses.append(ImportLoss(element.displayName, "\(name) '\(url)' is not https, which the catalogue needs", line: element.line))
      return nil
    }
    return url
  }

  /// Seconds as the namespace writes them (`73`, `73.5`), checked to be a number of them.
  private func seconds(_ element: XMLElement, _ name: String) -> String? {
    guard let text = element.attr(name), let value = Double(text), value >= 0, value.isFinite else { return nil }
    return text
  }
}
