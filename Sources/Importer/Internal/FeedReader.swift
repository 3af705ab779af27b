import Catalogue
import Foundation
import PodcastVocabulary
import PodiumXML

/// Reads an RSS 2.0 podcast feed into drafts: every element either becomes catalogue values or
/// is reported as a loss, so nothing goes silently.
struct FeedReader {
  let now: Timestamp

  /// Channel elements Podium writes again from the show (or has no use for in a feed it
  /// writes itself): dropping them loses nothing.
  private static let regeneratedChannel: Set<String> = ["lastBuildDate", "pubDate", "generator", "docs", "ttl", "image"]

  func read(channel: XMLElement) -> (ShowDraft, [EpisodeDraft]) {
    var show = ShowDraft()
    var episodes: [EpisodeDraft] = []
    for element in channel.children {
      if element.vocabulary == .rss, element.name == "item" {
        episodes.append(item(element, show: show))
      } else {
        readChannel(element, into: &show, channel: channel)
      }
    }
    if show.description.isEmpty {
      let summary = channel.child(.itunes, "summary")?.value ?? channel.child(.itunes, "subtitle")?.value
      show.description = summary.map(plainText) ?? show.title
    }
    if show.artwork == nil, let url = channel.child(.rss, "image")?.child(.rss, "url")?.value { show.artwork = url }
    resolveImages(&show)
    resolveBlock(&show)
    resolveTrailers(&show, episodes: &episodes)
    resolveLiveGUIDs(&show, episodes: episodes)
    return (show, episodes)
  }

  // MARK: - Channel

  private func readChannel(_ element: XMLElement, into show: inout ShowDraft, channel: XMLElement) {
    func loss(_ detail: String) { show.losses.append(ImportLoss(element.displayName, detail, line: element.line)) }
    switch (element.vocabulary, element.name) {
    case (.rss, "title"): show.title = element.value.map(plainText) ?? ""
    case (.rss, "description"):
      let html = element.text
      show.description = plainText(html)
      if HTMLMarkup.firstTag(in: html) != nil {
        show.notes.append("the show's description held HTML; the catalogue keeps it as plain text")
      }
    case (.rss, "language"): show.language = element.value
    case (.rss, "link"): show.link = element.value
    case (.rss, "copyright"): show.copyright = element.value
    case (.itunes, "author"): show.author = element.value
    case (.itunes, "explicit"): show.explicit = Self.flag(element.value) ?? false
    case (.itunes, "type"): show.type = element.value.flatMap { ShowType(rawValue: $0.lowercased()) } ?? .episodic
    case (.itunes, "image"):
      show.artwork = element.attr("href") ?? element.value
    case (.itunes, "category"):
      show.categories += Self.categories(element)
    case (.itunes, "keywords"):
      show.keywords += Self.words(element.value)
    case (.itunes, "owner"):
      show.ownerName = element.child(.itunes, "name")?.value
      show.ownerEmail = element.child(.itunes, "email")?.value
    case (.itunes, "block"): show.block = Self.flag(element.value) ?? false
    case (.itunes, "complete"): show.complete = Self.flag(element.value) ?? false
    case (.itunes, "new-feed-url"):
      show.newFeedURL = element.value
    case (.podcast, "guid"): show.podcastGUID = element.value
    case (.podcast, "locked"):
      show.locked = Self.flag(element.value)
      if let owner = element.attr("owner") { show.ownerEmail = show.ownerEmail ?? owner }
    case (.podcast, "person"): if let person = person(element, losses: &show.losses) { show.persons.append(person) }
    case (.podcast, "funding"): if let funding = funding(element, losses: &show.losses) { show.funding.append(funding) }
    case (.podcast, "license"): show.license = license(element, losses: &show.losses)
    case (.podcast, "location"): show.location = location(element, losses: &show.losses)
    case (.podcast, "medium"):
      switch element.value?.lowercased() {
      case "video": show.medium = .video
      case "podcast", nil: show.medium = .podcast
      case let other?: loss("podcast:medium '\(other)': the catalogue holds podcast or video; the show is imported as a podcast")
      }
    case (.podcast, "updateFrequency"): show.updateFrequency = updateFrequency(element, losses: &show.losses)
    case (.podcast, "podroll"): show.podroll += podroll(element, losses: &show.losses)
    case (.podcast, "publisher"):
      if let item = element.child(.podcast, "remoteItem") {
        show.publisher = remoteItem(item, losses: &show.losses, medium: false)
      } else {
        loss("a publisher without a podcast:remoteItem names no feed")
      }
    case (.podcast, "value"): show.value = value(element, losses: &show.losses)
    case (.podcast, "chat"): show.chat = chat(element, losses: &show.losses)
    case (.podcast, "socialInteract"):
      if let item = socialInteract(element, losses: &show.losses) { show.socialInteract.append(item) }
    case (.podcast, "image"): show.imageElements.append(element)
    case (.podcast, "block"):
      if let service = element.attr("id") {
        if Self.flag(element.value) == true { show.blockedServices.append(service) }
      } else {
        show.podcastBlock = Self.flag(element.value)
      }
    case (.podcast, "trailer"): show.trailers.append(element)
    case (.podcast, "liveItem"): if let (live, guid, record) = liveItem(element, losses: &show.losses) {
        show.live.append(live)
        show.liveRecords[guid] = record
      }
    case (.podcast, "txt"):
      if let value = element.value {
        var pairs: [(String, YAMLEmitter.Value)] = []
        if let purpose = element.attr("purpose") { pairs.append(("purpose", .text(purpose))) }
        pairs.append(("value", .text(value)))
        show.txt.append(.mapping(pairs))
      }
    case (.atom, "link"):
      if element.attr("rel") == "self" { show.selfURL = element.attr("href") }
      if element.attr("rel") == "hub" {
        show.notes.append("the old feed named the WebSub hub \(element.attr("href") ?? ""); set publish.websub_hub in podium.yaml to keep using one")
      }
    case (.rss, let name) where Self.regeneratedChannel.contains(name): break
    case (.itunes, "summary"), (.itunes, "subtitle"):
      if let text = element.value, plainText(text) != show.description {
        loss("'\(Self.excerpt(text))': Apple no longer shows it, and the catalogue keeps one description (the channel's)")
      }
    case (.rss, "managingEditor"), (.rss, "webMaster"):
      loss("'\(element.value ?? "")': Podium writes itunes:owner from podium.yaml's owner instead")
    case (.rss, "category"):
      show.keywords += element.value.map { [$0] } ?? []
      show.notes.append("the RSS category '\(element.value ?? "")' became a keyword")
    case (.googlePlay, _):
      loss("Google Podcasts closed in 2024; Podium writes no googleplay: tags")
    case (.podcast, "images"):
      loss("the old form of podcast:image (srcset), replaced in the namespace by podcast:image; add those under images: by hand")
    case (.podcast, "remoteItem"):
      loss("a list of other feeds' items in the channel (a music playlist): the catalogue holds a podroll and a publisher only")
    default:
      loss("not a tag the catalogue holds")
    }
  }

  // MARK: - Items

  private func item(_ element: XMLElement, show: ShowDraft) -> EpisodeDraft {
    var episode = EpisodeDraft(line: element.line)
    var description: String?
    var encoded: String?
    var itunesSummary: String?
    // Read once the item's enclosure and art are known, whatever their order.
    var alternates: [XMLElement] = []
    var images: [XMLElement] = []
    for child in element.children {
      func loss(_ detail: String) { episode.losses.append(ImportLoss(child.displayName, detail, line: child.line)) }
      switch (child.vocabulary, child.name) {
      case (.rss, "title"): episode.title = child.value.map(plainText) ?? ""
      case (.itunes, "title"):
        if let title = child.value.map(plainText), episode.title.isEmpty { episode.title = title }
      case (.rss, "guid"):
        episode.guid = child.value ?? ""
        episode.guidIsPermaLink = (child.attr("isPermaLink")?.lowercased() ?? "true") == "true"
      case (.rss, "pubDate"):
        if let text = child.value, let parsed = FeedDate.parse(text) {
          episode.date = parsed.timestamp
          if parsed.interpreted { loss("'\(text)' is not an RFC 822 date; Podium read it as \(parsed.timestamp.iso8601)") }
        } else {
          episode.date = now
          loss("'\(child.value ?? "")' is not a date Podium can read; the episode is dated \(now.iso8601): set the real date")
        }
      case (.rss, "link"): episode.link = child.value
      case (.rss, "description"): description = child.text
      case (.content, "encoded"): encoded = child.text
      case (.itunes, "summary"): itunesSummary = child.text
      case (.itunes, "subtitle"):
        if let text = child.value { loss("'\(Self.excerpt(text))': Apple no longer shows subtitles; the catalogue keeps the notes") }
      case (.rss, "enclosure"):
        if episode.mediaURL.isEmpty {
          episode.mediaURL = child.attr("url") ?? ""
          episode.mediaLength = child.attr("length").flatMap { Int64($0) } ?? 0
          episode.mediaType = child.attr("type") ?? ""
        } else {
          loss("a second enclosure (\(child.attr("url") ?? "")): apps play only the first; add it under alternates: if it matters")
        }
      case (.itunes, "duration"):
        if let text = child.value, let seconds = DurationParser.wholeSeconds(from: text) {
          episode.duration = seconds
        } else {
          loss("'\(child.value ?? "")' is not a duration Podium can read")
        }
      case (.itunes, "season"), (.podcast, "season"):
        if let number = child.value.flatMap(Int.init), number > 0 { episode.season = episode.season ?? number } else {
          loss("'\(child.value ?? "")' is not a season number")
        }
        if child.vocabulary == .podcast, let name = child.attr("name") {
          loss("the season's name '\(name)': the catalogue holds season numbers only")
        }
      case (.itunes, "episode"), (.podcast, "episode"):
        if let number = child.value.flatMap(Int.init), number > 0 { episode.number = episode.number ?? number } else {
          loss("'\(child.value ?? "")' is not a whole episode number; the catalogue holds positive whole numbers")
        }
        if child.vocabulary == .podcast, let display = child.attr("display") {
          loss("the episode's display '\(display)': the catalogue holds episode numbers only")
        }
      case (.itunes, "episodeType"):
        if let type = child.value.flatMap({ EpisodeType(rawValue: $0.lowercased()) }) { episode.episodeType = type } else {
          loss("'\(child.value ?? "")' is not full, trailer or bonus")
        }
      case (.itunes, "explicit"): episode.explicit = Self.flag(child.value)
      case (.itunes, "image"): episode.artwork = child.attr("href") ?? child.value
      case (.itunes, "block"): episode.block = Self.flag(child.value) ?? false
      case (.itunes, "keywords"): episode.tags += Self.words(child.value)
      case (.rss, "category"): if let value = child.value { episode.tags.append(value) }
      case (.itunes, "author"):
        if let author = child.value, author != show.author {
          loss("'\(author)': the catalogue has one author per show; name people with persons:")
        }
      case (.podcast, "transcript"):
        if let url = child.attr("url"), let type = child.attr("type") {
          episode.transcriptLinks.append(
            TranscriptLink(url: url, type: type, language: child.attr("language"), rel: child.attr("rel"), line: child.line))
        } else {
          loss("a transcript without url or type can't be fetched")
        }
      case (.podcast, "chapters"):
        if let url = child.attr("url") {
          episode.chaptersURL = url
          episode.chaptersLine = child.line
        } else { loss("chapters without a url can't be fetched") }
      case (.psc, "chapters"):
        if episode.chaptersURL == nil { episode.chapters = podloveChapters(child, losses: &episode.losses) }
      case (.podcast, "person"):
        if let person = person(child, losses: &episode.losses) { episode.persons = (episode.persons ?? []) + [person] }
      case (.podcast, "funding"): if let funding = funding(child, losses: &episode.losses) { episode.funding.append(funding) }
      case (.podcast, "license"): episode.license = license(child, losses: &episode.losses)
      case (.podcast, "location"): episode.location = location(child, losses: &episode.losses)
      case (.podcast, "alternateEnclosure"): alternates.append(child)
      case (.podcast, "soundbite"): if let soundbite = soundbite(child, losses: &episode.losses) { episode.soundbites.append(soundbite) }
      case (.podcast, "value"): episode.value = value(child, losses: &episode.losses)
      case (.podcast, "socialInteract"):
        if let item = socialInteract(child, losses: &episode.losses) { episode.socialInteract.append(item) }
      case (.podcast, "contentLink"): if let link = contentLink(child, losses: &episode.losses) { episode.contentLinks.append(link) }
      case (.podcast, "image"): images.append(child)
      case (.media, "content"):
        if child.attr("url") != episode.mediaURL || episode.mediaURL.isEmpty {
          loss("media:content \(child.attr("url") ?? ""): the catalogue keeps the enclosure; add this file under alternates: if it matters")
        }
      case (.media, _) where ["thumbnail", "title", "description", "keywords", "rating", "credit"].contains(child.name):
        loss("Podium writes Media RSS for video shows from the episode itself")
      case (.dublinCore, "creator"):
        if let creator = child.value, creator != show.author { loss("'\(creator)': name people with persons:") }
      default:
        loss("not a tag the catalogue holds")
      }
    }
    for alternate in alternates { read(alternate: alternate, into: &episode) }
    for image in images { read(image: image, into: &episode, show: show) }
    if episode.guid.isEmpty {
      // RSS makes the GUID optional; apps then key on the enclosure URL, which stays the same.
      episode.guid = episode.mediaURL
      episode.notes.append("the item had no <guid>; apps knew it by its enclosure URL, which is now its GUID")
    }
    // A permalink GUID is also the item's address: kept as its link when it had none.
    if episode.guidIsPermaLink, episode.link == nil, episode.guid.hasPrefix("https://") { episode.link = episode.guid }
    if let encoded, !encoded.trimmingWhitespace.isEmpty {
      episode.notesHTML = encoded
      if let description, plainText(description) != plainText(encoded), !description.trimmingWhitespace.isEmpty {
        episode.summary = plainText(description)
      }
    } else {
      episode.notesHTML = description ?? itunesSummary ?? ""
    }
    if let itunesSummary, !itunesSummary.trimmingWhitespace.isEmpty,
      plainText(itunesSummary) != plainText(episode.notesHTML), plainText(itunesSummary) != episode.summary
    {
      episode.losses.append(ImportLoss(
        "itunes:summary", "'\(Self.excerpt(plainText(itunesSummary)))' differed from the notes; the catalogue keeps the notes"))
    }
    return episode
  }

  // MARK: - Podcasting 2.0 values

  private func person(_ element: XMLElement, losses: inout [ImportLoss]) -> YAMLEmitter.Value? {
    guard let name = element.value.map(plainText) else { return nil }
    var pairs: [(String, YAMLEmitter.Value)] = [("name", .text(name))]
    if let role = element.attr("role") { pairs.append(("role", .text(role.lowercased()))) }
    if let group = element.attr("group") { pairs.append(("group", .text(group.lowercased()))) }
    for key in ["img", "href"] {
      guard let url = element.attr(key) else { continue }
      if url.hasPrefix("https://") {
        pairs.append((key, .text(url)))
      } else {
        losses.append(ImportLoss(element.displayName, "\(name)'s \(key) '\(url)' is not https, which the catalogue needs", line: element.line))
      }
    }
    return .mapping(pairs)
  }

  private func funding(_ element: XMLElement, losses: inout [ImportLoss]) -> YAMLEmitter.Value? {
    guard let url = element.attr("url"), url.hasPrefix("https://") else {
      losses.append(ImportLoss(element.displayName, "'\(element.attr("url") ?? "")' is not an https URL, which the catalogue needs", line: element.line))
      return nil
    }
    return .mapping([("url", .text(url)), ("text", .text(element.value.map(plainText) ?? url))])
  }

  private func license(_ element: XMLElement, losses: inout [ImportLoss]) -> YAMLEmitter.Value? {
    guard let name = element.value else { return nil }
    if let url = element.attr("url"), url.hasPrefix("https://") {
      return .mapping([("name", .text(name)), ("url", .text(url))])
    }
    guard Licenses.known[name] != nil else {
      losses.append(ImportLoss(element.displayName, "'\(name)' is no license id Podium knows and has no https url; add license: {name, url} by hand", line: element.line))
      return nil
    }
    return .text(name)
  }

  private func location(_ element: XMLElement, losses: inout [ImportLoss]) -> YAMLEmitter.Value? {
    guard let name = element.value.map(plainText) else { return nil }
    var pairs: [(String, YAMLEmitter.Value)] = [("name", .text(name))]
    for key in ["geo", "osm", "country", "rel"] {
      if let value = element.attr(key) { pairs.append((key, .text(value))) }
    }
    return .mapping(pairs)
  }

  /// Podlove Simple Chapters (https://podlove.org/simple-chapters/) as catalogue chapters.
  private func podloveChapters(_ element: XMLElement, losses: inout [ImportLoss]) -> [YAMLEmitter.Value] {
    element.all(.psc, "chapter").enumerated().compactMap { index, chapter in
      guard let start = chapter.attr("start"), let seconds = DurationParser.seconds(from: start) else {
        losses.append(ImportLoss("psc:chapter", "a chapter without a readable start ('\(chapter.attr("start") ?? "")')", line: chapter.line))
        return nil
      }
      let title = chapter.attr("title").map(plainText) ?? "Chapter \(index + 1)"
      return ChapterNodes.chapter(start: seconds, title: title, url: chapter.attr("href"), img: chapter.attr("image"),
                                  toc: true, losses: &losses, line: chapter.line)
    }
  }

  // MARK: - Helpers

  func plainText(_ html: String) -> String {
    // By byte: Foundation's String.contains(String) costs a search with options and locale.
    guard html.utf8.contains(UInt8(ascii: "<")) || html.utf8.contains(UInt8(ascii: "&")) else { return html.trimmingWhitespace }
    return HTMLSanitizer().plainText(fromHTML: html)
  }

  static func flag(_ text: String?) -> Bool? {
    switch text?.lowercased() {
    case "yes", "true", "explicit": true
    case "no", "false", "clean": false
    default: nil
    }
  }

  static func words(_ text: String?) -> [String] {
    (text ?? "").split(separator: ",").map { $0.trimmingWhitespace }.filter { !$0.isEmpty }
  }

  /// `itunes:category` with its subcategories, as the catalogue writes them (`Arts > Books`).
  static func categories(_ element: XMLElement) -> [String] {
    guard let name = element.attr("text") else { return [] }
    let subcategories = element.all(.itunes, "category").compactMap { $0.attr("text") }
    return subcategories.isEmpty ? [name] : subcategories.map { name + " > " + $0 }
  }

  static func excerpt(_ text: String) -> String {
    text.count <= 60 ? text : String(text.prefix(57)) + "…"
  }
}

/// Chapters as front matter, from either dialect.
enum ChapterNodes {
  static func chapter(start: Double, title: String, url: String?, img: String?, toc: Bool, losses: inout [ImportLoss], line: Int?) -> YAMLEmitter.Value {
    let rounded = (start * 1000).rounded() / 1000
    let startText = rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    var pairs: [(String, YAMLEmitter.Value)] = [("start", .text(startText)), ("title", .text(title))]
    for (key, value) in [("url", url), ("img", img)] {
      guard let value else { continue }
      if value.hasPrefix("https://") {
        pairs.append((key, .text(value)))
      } else {
        losses.append(ImportLoss("chapter \(key)", "'\(value)' of the chapter '\(title)' is not https, which the catalogue needs", line: line))
      }
    }
    if !toc { pairs.append(("toc", .text("false"))) }
    return .mapping(pairs)
  }
}
