import Catalogue
import PodcastVocabulary
import PodiumXML

/// What is read once the rest of the item or channel is known, whatever the order of the tags:
/// an alternate that repeats the enclosure, an image of the artwork, a trailer among the items.
extension FeedReader {
  /// `podcast:alternateEnclosure`: another rendition, or, marked `default` with the enclosure's
  /// own address, the enclosure's integrity (the namespace carries it only there).
  func read(alternate element: XMLElement, into episode: inout EpisodeDraft) {
    let sources = element.all(.podcast, "source").compactMap { $0.attr("uri") }
    let integrity = integrity(element, losses: &episode.losses)
    if Self.flag(element.attr("default")) == true, sources.contains(episode.mediaURL), !episode.mediaURL.isEmpty {
      episode.mediaIntegrity = integrity
      let others = sources.filter { $0 != episode.mediaURL }
      if !others.isEmpty {
        episode.losses.append(ImportLoss(
          element.displayName, "the enclosure's other sources (\(others.joined(separator: ", "))): the catalogue keeps the enclosure's URL",
          line: element.line))
      }
      return
    }
    guard let type = element.attr("type"), let url = sources.first(where: { $0.hasPrefix("https://") }) else {
      episode.losses.append(ImportLoss(element.displayName, "an alternate without an https source and a type: the catalogue can't hold it", line: element.line))
      return
    }
    var pairs: [(String, YAMLEmitter.Value)] = [("url", .text(url)), ("type", .text(type))]
    if let length = element.attr("length") { pairs.append(("length", .text(length))) }
    if let title = element.attr("title") { pairs.append(("title", .text(title))) }
    if let language = element.attr("lang") { pairs.append(("language", .text(language))) }
    if let integrity { pairs.append(("integrity", .text(integrity))) }
    // Podium writes bitrate, height and codecs from what it reads in a local file, and the
    // enclosure is the default rendition.
    let dropped = ["bitrate", "height", "codecs", "rel", "default"].filter { element.attr($0) != nil }
    if !dropped.isEmpty || sources.count > 1 {
      let what = dropped.map { "\($0)=\(element.attr($0) ?? "")" } + (sources.count > 1 ? ["\(sources.count - 1) more source(s)"] : [])
      episode.losses.append(ImportLoss(
        element.displayName, "\(url): \(what.joined(separator: ", ")) not held (Podium reads bitrate, height and codecs from local files)",
        line: element.line))
    }
    episode.alternates.append(.mapping(pairs))
  }

  /// A Subresource Integrity hash (https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/tags/integrity.md);
  /// a PGP signature is not held.
  func integrity(_ element: XMLElement, losses: inout [ImportLoss]) -> String? {
    guard let tag = element.child(.podcast, "integrity") else { return nil }
    let value = tag.attr("value") ?? ""
    guard tag.attr("type")?.lowercased() == "sri" else {
      losses.append(ImportLoss(
        tag.displayName, "type '\(tag.attr("type") ?? "")': the catalogue holds Subresource Integrity hashes (sha384-…) only", line: tag.line))
      return nil
    }
    guard SubresourceIntegrity.isValid(value) else {
      losses.append(ImportLoss(
        tag.displayName, "'\(value)' is not a Subresource Integrity hash (sha256-, sha384- or sha512- and the digest in base64)",
        line: tag.line))
      return nil
    }
    return value
  }

  /// An item's `podcast:image`: its artwork is written from `artwork` already, a poster is the
  /// episode's `poster`, and any other goes under `images`.
  func read(image element: XMLElement, into episode: inout EpisodeDraft, show: ShowDraft) {
    let purposes = (element.attr("purpose") ?? "artwork").split(separator: " ")
    if let href = element.attr("href"), href == episode.artwork, href != show.artwork, purposes.contains("artwork") {
      if let alt = element.attr("alt") {
        episode.losses.append(ImportLoss(element.displayName, "the episode art's alt '\(alt)': the catalogue holds one for the show's", line: element.line))
      }
      return
    }
    if purposes == ["poster"], episode.poster == nil, let href = element.attr("href"), href.hasPrefix("https://") {
      episode.poster = href
      let dropped = ["alt", "aspect-ratio", "width", "height", "type"].compactMap { key in element.attr(key).map { "\(key)=\($0)" } }
      if !dropped.isEmpty {
        episode.losses.append(ImportLoss(
          element.displayName, "the poster's \(dropped.joined(separator: ", ")): Podium writes a poster's size, ratio and type from a "
            + "local file; keep the poster in the show folder to have them written", line: element.line))
      }
      return
    }
    if let image = image(element, losses: &episode.losses) { episode.images.append(image) }
  }

  /// The channel's `podcast:image`s: the one of the artwork gives `artwork_alt`, as the build
  /// writes that image from `artwork` itself; the others go under `images`.
  func resolveImages(_ show: inout ShowDraft) {
    for element in show.imageElements {
      let purposes = (element.attr("purpose") ?? "artwork").split(separator: " ")
      if let href = element.attr("href"), href == show.artwork, purposes.contains("artwork"), show.artworkAlt == nil {
        show.artworkAlt = element.attr("alt").map(plainText)
        let dropped = ["width", "height", "type"].compactMap { key in element.attr(key).map { "\(key)=\($0)" } }
          + (element.attr("aspect-ratio").map { $0 == "1/1" ? [] : ["aspect-ratio=\($0)"] } ?? [])
        if !dropped.isEmpty {
          show.losses.append(ImportLoss(
            element.displayName, "the artwork's \(dropped.joined(separator: ", ")): Podium writes the artwork as square, and its "
              + "width from a local file; keep the artwork in the show folder to have it written", line: element.line))
        }
        continue
      }
      if let image = image(element, losses: &show.losses) { show.images.append(image) }
    }
  }

  /// `podcast:block` for every service: the catalogue's `block` writes it together with
  /// `itunes:block`, so it is carried only when the old feed said the same to Apple.
  func resolveBlock(_ show: inout ShowDraft) {
    if show.podcastBlock == true, !show.block {
      show.losses.append(ImportLoss(
        "podcast:block", "the old feed asked every platform but Apple not to list the show; the catalogue's block: true asks Apple "
          + "too (itunes:block), so it is left out: set block: true, or block_services: for each service, if that is meant"))
    }
    if show.podcastBlock == false, show.block {
      show.losses.append(ImportLoss(
        "podcast:block", "the old feed hid the show from Apple (itunes:block) but let other platforms list it; the catalogue's "
          + "block: true asks every platform, so the new feed says podcast:block yes too"))
    }
  }

  /// A live item with the GUID of one of the feed's items (an ended stream kept beside its
  /// recording, say) is a loss: kept, and seeded into the record, it would stop every build
  /// (apps would take the episode for the stream) even after show.yaml dropped it.
  func resolveLiveGUIDs(_ show: inout ShowDraft, episodes: [EpisodeDraft]) {
    let items = Set(episodes.map(\.guid))
    let clashing = show.liveRecords.keys.filter { items.contains($0) }.sorted()
    guard !clashing.isEmpty else { return }
    show.live.removeAll { live in
      guard case .mapping(let pairs) = live else { return false }
      return pairs.contains { key, value in
        guard key == "guid", case .text(let guid) = value else { return false }
        return clashing.contains(guid)
      }
    }
    for guid in clashing {
      let title = show.liveRecords.removeValue(forKey: guid)?.title ?? ""
      show.losses.append(ImportLoss(
        "podcast:liveItem", "the live item '\(title)' has guid \(guid), the guid of an item of the feed; apps would take that "
          + "episode for the stream, so it is not kept; add it under live: with a guid of its own if it still matters"))
    }
  }

  /// `podcast:trailer`: the build announces each episode of type trailer, so a trailer that is
  /// such an item of the feed is carried; any other is named.
  func resolveTrailers(_ show: inout ShowDraft, episodes: inout [EpisodeDraft]) {
    for element in show.trailers {
      let url = element.attr("url") ?? ""
      guard let index = episodes.firstIndex(where: { $0.mediaURL == url && !url.isEmpty }) else {
        show.losses.append(ImportLoss(
          element.displayName, "the trailer '\(element.value ?? url)' (\(url)) is no item of the feed: add it as an episode with "
            + "episode_type: trailer to announce it again", line: element.line))
        continue
      }
      if episodes[index].episodeType != .trailer {
        show.losses.append(ImportLoss(
          element.displayName, "the trailer is the item '\(episodes[index].title)', which is not of type trailer: the catalogue announces "
            + "episodes with episode_type: trailer, which also tells Apple; set it if that is meant", line: element.line))
      }
    }
  }
}
