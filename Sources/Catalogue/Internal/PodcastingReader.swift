import Foundation
import MediaProbe
import PodcastVocabulary

/// Reads the Podcasting 2.0 keys of `show.yaml` and of an episode's front matter into
/// ``ShowPodcasting`` and ``EpisodePodcasting``.
enum PodcastingReader {
  static let showKeys = [
    "artwork_alt", "images", "podroll", "publisher", "chat", "value", "block_services", "social_interact", "live",
  ]
  static let episodeKeys = ["soundbites", "value", "social_interact", "content_links", "images"]
  static let updateFrequencyKeys = ["text", "rrule", "dtstart", "complete"]
  static let chatKeys = ["server", "protocol", "account_id", "space"]
  static let soundbiteKeys = ["start", "duration", "title"]
  static let liveKeys = ["title", "guid", "status", "start", "end", "stream", "stream_type", "content_links"]

  static func show(
    _ reader: MappingReader, artwork: MediaReference, resolver: PathResolver, showFolder: URL,
    updating podcasting: ShowPodcasting
  ) -> ShowPodcasting {
    var podcasting = podcasting
    if case .local(let path) = artwork {
      // Its format and size are the validator's to report (APPLE-IMG-*); here only its width is read.
      let url = showFolder.appendingPathComponent(path)
      if let size = EpisodeReader.fileSize(url), CatalogueFileKind.artwork.sizeProblem(path: path, size: size) == nil {
        podcasting.artworkWidth = MediaProbe().probe(path: url.path).width
      }
    }
    podcasting.artworkAlt = reader.plainText("artwork_alt")
    podcasting.images = reader.images("images", resolver: resolver, showFolder: showFolder)
    podcasting.podroll = reader.remoteItems("podroll")
    if reader.has("publisher"), let item = reader.mapping("publisher", known: MappingReader.remoteItemKeys) {
      podcasting.publisher = reader.remoteItem(item).map { var publisher = $0; publisher.medium = "publisher"; return publisher }
    }
    if let item = reader.mapping("chat", known: chatKeys), let server = item.string("server", required: true),
      let name = item.string("protocol", required: true, hint: " (irc, xmpp, nostr or matrix)")
    {
      podcasting.chat = Chat(
        server: server, chatProtocol: name, accountID: item.string("account_id"), space: item.string("space"))
    }
    podcasting.value = reader.valueBlock("value")
    podcasting.blockedServices = reader.stringList("block_services")
    podcasting.socialInteract = reader.socialInteract("social_interact")
    podcasting.liveItems = liveItems(reader)
    return podcasting
  }

  /// `update_frequency`: free text, or `text` with `rrule`, `dtstart` and `complete`.
  static func updateFrequency(_ reader: MappingReader, into podcasting: inout ShowPodcasting) -> String? {
    guard reader.isMapping("update_frequency") else { return reader.plainText("update_frequency") }
    guard let item = reader.mapping("update_frequency", known: updateFrequencyKeys) else { return nil }
    let text = item.plainText("text", required: true, hint: " (in words, such as Elke twee weken)")
    var dtstart: Timestamp?
    if let start = item.string("dtstart") {
      dtstart = Timestamp.parse(start)
      if dtstart == nil {
        item.report(CatalogueRules.badDate, "'\(start)' is not a date and time with a zone; write it as 2025-01-06T09:00:00+01:00", key: "dtstart")
      }
    }
    podcasting.schedule = UpdateSchedule(rrule: item.string("rrule"), dtstart: dtstart, complete: item.bool("complete") ?? false)
    return text
  }

  static func episode(_ reader: MappingReader, context: EpisodeReader.Context) -> EpisodePodcasting {
    var podcasting = EpisodePodcasting()
    podcasting.soundbites = reader.mappingList("soundbites", known: soundbiteKeys).compactMap { item in
      guard let start = item.seconds("start", required: true), let duration = item.seconds("duration", required: true)
      else { return nil }
      guard duration > 0 else {
        item.report(CatalogueRules.wrongType, "'\(item.path)duration' must be above 0 seconds", key: "duration")
        return nil
      }
      return Soundbite(start: start, duration: duration, title: item.plainText("title", isName: true), line: item.line)
    }
    podcasting.value = reader.valueBlock("value")
    podcasting.socialInteract = reader.socialInteract("social_interact")
    podcasting.contentLinks = reader.contentLinks("content_links")
    podcasting.images = reader.images("images", resolver: context.resolver, showFolder: context.showFolder)
    return podcasting
  }

  private static func liveItems(_ reader: MappingReader) -> [LiveItem] {
    reader.mappingList("live", known: liveKeys).compactMap { item -> LiveItem? in
      guard let title = item.shortText("title", required: true), let guid = item.string("guid", required: true),
        let status = item.enumeration("status", LiveItem.Status.self) ?? missing(item, "status"),
        let start = timestamp(item, "start", required: true),
        let stream = item.httpsURL("stream", required: true)
      else { return nil }
      let type = item.string("stream_type")
        ?? MediaTypes.type(forExtension: String(stream.split(separator: ".").last ?? "")) ?? "audio/mpeg"
      let links = item.contentLinks("content_links")
      if links.isEmpty {
        item.requireKey("content_links", hint: " (url and text of a page where the stream can be followed)")
      }
      var live = LiveItem(
        title: title, guid: guid, status: status, start: start, streamURL: stream, streamType: type,
        contentLinks: links, line: item.line)
      live.end = timestamp(item, "end", required: false)
      if let end = live.end, end <= start {
        item.report(CatalogueRules.badDate, "live item ends before it starts; end must be after start", key: "end")
        return nil
      }
      return live
    }
  }

  private static func missing<T>(_ item: MappingReader, _ key: String) -> T? {
    item.requireKey(key, hint: " (pending, live or ended)")
    return nil
  }

  private static func timestamp(_ item: MappingReader, _ key: String, required: Bool) -> Timestamp? {
    guard let text = item.string(key, required: required, hint: " (e.g. 2027-02-01T20:00:00+01:00)") else { return nil }
    guard let date = Timestamp.parse(text) else {
      item.report(CatalogueRules.badDate, "'\(text)' is not a date and time with a zone; write it as 2027-02-01T20:00:00+01:00", key: key)
      return nil
    }
    return date
  }
}
