import Diagnostics
import Foundation
import Identifiers
import MediaProbe
import PodcastVocabulary

/// Readers for the Podcasting 2.0 tags beyond the basics (docs/catalogue.md). What a tag's value
/// must be in the feed (a recurrence rule's grammar, a chat or social protocol from the
/// namespace's lists) is the feed rules' to check, in the feed as written, at the line of the
/// key that wrote it; what would make the element unwritable is refused here.
extension MappingReader {
  static let remoteItemKeys = ["feed_guid", "feed_url", "item_guid", "medium", "title"]
  static let valueKeys = ["type", "method", "suggested", "recipients", "time_splits"]
  static let recipientKeys = ["name", "type", "address", "split", "custom_key", "custom_value", "fee"]
  static let timeSplitKeys = ["start", "duration", "remote_start", "remote_percentage", "recipients", "remote_item"]
  static let socialKeys = ["protocol", "uri", "account_id", "account_url", "priority"]
  static let imageKeys = ["url", "alt", "aspect_ratio", "width", "height", "type", "purpose"]
  static let contentLinkKeys = ["url", "text"]

  /// `feed_guid` and `feed_url` of another show; the GUID is the other feed's `podcast:guid`.
  func remoteItem(_ item: MappingReader) -> RemoteItem? {
    guard let guid = item.string("feed_guid", required: true, hint: " (the other feed's podcast:guid)") else {
      return nil
    }
    guard UUIDText.isUUID(guid) else {
      item.report(
        CatalogueRules.badValue,
        "\(item.path)feed_guid must be the other feed's podcast:guid, a UUID such as "
          + "ead4c236-bf58-58c6-a2c6-a6b28d128cb6, not '\(guid)'", key: "feed_guid")
      return nil
    }
    return RemoteItem(
      feedGUID: guid.lowercased(), feedURL: item.httpsURL("feed_url"), itemGUID: item.string("item_guid"),
      medium: item.string("medium"), title: item.plainText("title", isName: true))
  }

  func remoteItems(_ key: String) -> [RemoteItem] {
    mappingList(key, known: Self.remoteItemKeys).compactMap { remoteItem($0) }
  }

  func valueBlock(_ key: String) -> ValueBlock? {
    guard let item = mapping(key, known: Self.valueKeys),
      let type = item.string("type", required: true, hint: " (lightning, hive or webmonetization)"),
      let method = item.string("method", required: true, hint: " (keysend, lnaddress or amp for lightning)")
    else { return nil }
    let recipients = item.recipients("recipients")
    if recipients.isEmpty {
      item.requireKey("recipients", hint: " (name, type, address and split of each payee)")
    }
    let splits = item.mappingList("time_splits", known: Self.timeSplitKeys).compactMap { split -> ValueTimeSplit? in
      guard let start = split.seconds("start", required: true), let duration = split.seconds("duration", required: true)
      else { return nil }
      var timeSplit = ValueTimeSplit(start: start, duration: duration, recipients: split.recipients("recipients"))
      timeSplit.remoteStart = split.seconds("remote_start")
      timeSplit.remotePercentage = split.string("remote_percentage").flatMap { text in
        guard let percent = Int(text), (0...100).contains(percent) else {
          split.report(CatalogueRules.wrongType, "'\(split.path)remote_percentage' must be 0 to 100, not '\(text)'",
            key: "remote_percentage")
          return nil
        }
        return percent
      }
      timeSplit.remoteItem = split.mapping("remote_item", known: Self.remoteItemKeys).flatMap { remoteItem($0) }
      if timeSplit.recipients.isEmpty == (timeSplit.remoteItem == nil) {
        split.report(
          CatalogueRules.badValue,
          "\(split.path.dropLast()) needs either recipients or one remote_item, not both or neither", key: "start")
        return nil
      }
      return timeSplit
    }
    guard !recipients.isEmpty else { return nil }
    return ValueBlock(
      type: type, method: method, suggested: item.string("suggested"), recipients: recipients, timeSplits: splits)
  }

  /// Payees; a split is refused unless it is a whole number above 0 (P20-VALUE, as in a feed).
  private func recipients(_ key: String) -> [ValueRecipient] {
    mappingList(key, known: Self.recipientKeys).compactMap { item in
      guard let type = item.string("type", required: true, hint: " (node or lnaddress)"),
        let address = item.string("address", required: true),
        let split = item.positiveInt("split", rule: CatalogueRules.valueSplit)
      else {
        if !item.has("split") { item.requireKey("split", hint: " (whole shares, such as 90)") }
        return nil
      }
      return ValueRecipient(
        name: item.plainText("name", isName: true), type: type, address: address, split: split,
        customKey: item.string("custom_key"), customValue: item.string("custom_value"),
        fee: item.bool("fee") ?? false)
    }
  }

  func socialInteract(_ key: String) -> [SocialInteract] {
    mappingList(key, known: Self.socialKeys).compactMap { item in
      guard let name = item.string("protocol", required: true, hint: " (activitypub, atproto, … or disabled)") else {
        return nil
      }
      let uri = item.httpsURL("uri", required: name != "disabled")
      if name != "disabled", uri == nil { return nil }
      return SocialInteract(
        socialProtocol: name, uri: uri, accountID: item.string("account_id"), accountURL: item.httpsURL("account_url"),
        priority: item.positiveInt("priority"))
    }
  }

  func contentLinks(_ key: String) -> [ContentLink] {
    mappingList(key, known: Self.contentLinkKeys).compactMap { item in
      guard let url = item.httpsURL("url", required: true), let text = item.plainText("text", required: true, isName: true)
      else { return nil }
      return ContentLink(href: url, text: text)
    }
  }

  /// `podcast:image`s: a local file's size and type are read from it, so only `url` is needed.
  func images(_ key: String, resolver: PathResolver, showFolder: URL) -> [PodcastImage] {
    mappingList(key, known: Self.imageKeys).compactMap { item in
      guard let text = item.string("url", required: true),
        let reference = ShowReader.reference(text, key: "url", reader: item, resolver: resolver)
      else { return nil }
      var image = PodcastImage(reference: reference, line: item.line)
      image.alt = item.plainText("alt")
      image.purpose = item.string("purpose")
      image.width = item.positiveInt("width")
      image.height = item.positiveInt("height")
      image.type = item.string("type")
      image.aspectRatio = item.string("aspect_ratio")
      if case .local(let path) = reference {
        guard let info = Self.probeImage(showFolder.appendingPathComponent(path), path: path, item: item, key: "url")
        else { return nil }
        image.width = image.width ?? info.width
        image.height = image.height ?? info.height
        image.type = image.type ?? info.mimeType
      }
      if image.aspectRatio == nil, let width = image.width, let height = image.height {
        image.aspectRatio = Self.ratio(width, height)
      }
      return image
    }
  }

  /// A local image's size and type, or a finding when it is missing, too large or no image.
  static func probeImage(_ url: URL, path: String, item: MappingReader, key: String) -> MediaInfo? {
    guard let size = EpisodeReader.fileSize(url) else {
      item.report(CatalogueRules.missingFile, "image '\(path)' does not exist in the show folder", key: key)
      return nil
    }
    if let tooLarge = CatalogueFileKind.artwork.sizeProblem(path: path, size: size) {
      item.report(CatalogueRules.fileTooLarge, tooLarge, key: key)
      return nil
    }
    let info = MediaProbe().probe(path: url.path)
    guard [.jpeg, .png, .webp].contains(info.container) else {
      item.report(CatalogueRules.mediaFormat, "image '\(path)' is not a JPEG, PNG or WebP image", key: key)
      return nil
    }
    return info
  }

  /// `16/9` for 1920×1080: the CSS aspect-ratio the spec asks for, reduced.
  static func ratio(_ width: Int, _ height: Int) -> String {
    var (a, b) = (width, height)
    while b != 0 { (a, b) = (b, a % b) }
    return a == 0 ? "\(width)/\(height)" : "\(width / a)/\(height / a)"
  }

  /// Seconds, as `73.5` or `"1:13"`, not negative, and under a hundred years: `1e300` is a
  /// number no media plays, and would not fit the whole seconds the feed is written in.
  func seconds(_ key: String, required: Bool = false) -> Double? {
    guard let text = string(key, required: required) else { return nil }
    guard let seconds = DurationParser.seconds(from: text), seconds >= 0, seconds < 3_155_760_000 else {
      report(CatalogueRules.wrongType, "'\(path)\(key)' must be seconds (73.5) or M:SS (1:13), not '\(text)'", key: key)
      return nil
    }
    return seconds
  }

  /// The producer's SRI string for a remote file, `sha384-` or `sha256-` then base64.
  func integrity(_ key: String) -> String? {
    guard let text = string(key) else { return nil }
    guard SubresourceIntegrity.isValid(text) else {
      report(
        CatalogueRules.badValue,
        "'\(path)\(key)' must be a Subresource Integrity hash such as sha384-… (openssl dgst -sha384 -binary FILE "
          + "| openssl base64 -A), not '\(text)'", key: key)
      return nil
    }
    return text
  }
}
