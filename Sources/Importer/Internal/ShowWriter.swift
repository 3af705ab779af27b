import AtomicOutput
import Catalogue
import Foundation
import Parallel

/// Writes `show.yaml` and the episode files in the catalogue's format (docs/catalogue.md),
/// through libyaml's emitter (`YAMLEmitter`, as `podium add` does), so every value is quoted as
/// YAML needs.
struct ShowWriter {
  let show: ShowDraft
  let slug: String
  let podcastGUID: String
  let names: [String]

  func showYAML() -> String {
    var pairs: [(String, YAMLEmitter.Value)] = [("title", .text(show.title)), ("description", .text(show.description))]
    if let language = show.language { pairs.append(("language", .text(language))) }
    pairs.append(("medium", .text(show.medium.rawValue)))
    if !show.categories.isEmpty { pairs.append(("categories", list(show.categories.prefix(3).map { .text($0) }))) }
    pairs.append(("explicit", .text(show.explicit ? "true" : "false")))
    pairs.append(("type", .text(show.type.rawValue)))
    if let artwork = show.artwork { pairs.append(("artwork", .text(artwork))) }
    if let author = show.author { pairs.append(("author", .text(author))) }
    if let link = show.link { pairs.append(("link", .text(link))) }
    if !show.keywords.isEmpty { pairs.append(("keywords", list(show.keywords.map { .text($0) }))) }
    if !show.persons.isEmpty { pairs.append(("persons", list(show.persons))) }
    if !show.funding.isEmpty { pairs.append(("funding", list(show.funding))) }
    if let license = show.license { pairs.append(("license", license)) }
    if let locked = show.locked { pairs.append(("locked", .text(locked ? "true" : "false"))) }
    if let email = show.ownerEmail { pairs.append(("owner_email", .text(email))) }
    if let copyright = show.copyright { pairs.append(("copyright", .text(copyright))) }
    // The show's identity: apps and directories know it by this, whatever its new address.
    pairs.append(("guid", .text(podcastGUID)))
    if show.complete { pairs.append(("complete", .text("true"))) }
    if show.block { pairs.append(("block", .text("true"))) }
    if let location = show.location { pairs.append(("location", location)) }
    if let frequency = show.updateFrequency { pairs.append(("update_frequency", frequency)) }
    if !show.txt.isEmpty { pairs.append(("txt", list(show.txt))) }
    if let alt = show.artworkAlt { pairs.append(("artwork_alt", .text(alt))) }
    if !show.images.isEmpty { pairs.append(("images", list(show.images))) }
    if !show.podroll.isEmpty { pairs.append(("podroll", list(show.podroll))) }
    if let publisher = show.publisher { pairs.append(("publisher", publisher)) }
    if let chat = show.chat { pairs.append(("chat", chat)) }
    if let value = show.value { pairs.append(("value", value)) }
    if !show.socialInteract.isEmpty { pairs.append(("social_interact", list(show.socialInteract))) }
    if !show.blockedServices.isEmpty { pairs.append(("block_services", list(show.blockedServices.map { .text($0) }))) }
    if !show.live.isEmpty { pairs.append(("live", list(show.live))) }
    let yaml = (try? YAMLEmitter.yaml(pairs)) ?? ""
    return "# Imported by podium import: see docs/catalogue.md.\n" + yaml
  }

  /// Writes `<name>.md` for each episode into `folder`.
  func writeEpisodes(_ drafts: [EpisodeDraft], in folder: URL) throws {
    // Serialising the front matter is the other large part of the work: done on every core. The
    // paths are joined as text: a URL per file looked at the disk to see whether it is a folder.
    let base = folder.path + "/"
    let written = ParallelMap.map(Array(drafts.indices)) { index -> Result<Void, any Error> in
      Result { try NewFile.write(text(of: drafts[index]), toPath: base + names[index] + ".md") }
    }
    for result in written { try result.get() }
  }

  func text(of episode: EpisodeDraft) throws -> String {
    var pairs: [(String, YAMLEmitter.Value)] = [
      ("title", .text(episode.title)), ("date", .text(episode.date.iso8601)), ("guid", .text(episode.guid)),
    ]
    if episode.guidIsPermaLink, episode.guidIsWebAddress { pairs.append(("guid_is_permalink", .text("true"))) }
    if let season = episode.season { pairs.append(("season", .text(String(season)))) }
    if let number = episode.number { pairs.append(("episode", .text(String(number)))) }
    if let type = episode.episodeType, type != .full { pairs.append(("episode_type", .text(type.rawValue))) }
    if let explicit = episode.explicit, explicit != show.explicit { pairs.append(("explicit", .text(explicit ? "true" : "false"))) }
    var media: [(String, YAMLEmitter.Value)] = [("url", .text(episode.localMedia ?? episode.mediaURL))]
    if episode.mediaLength > 0 { media.append(("length", .text(String(episode.mediaLength)))) }
    if !episode.mediaType.isEmpty { media.append(("type", .text(episode.mediaType))) }
    if let duration = episode.duration { media.append(("duration", .text(String(duration)))) }
    // A downloaded file's hash is Podium's to compute (and is the same for the same bytes).
    if let integrity = episode.mediaIntegrity, episode.localMedia == nil { media.append(("integrity", .text(integrity))) }
    pairs.append(("media", .mapping(media)))
    if !episode.alternates.isEmpty { pairs.append(("alternates", list(episode.alternates))) }
    if let summary = episode.summary { pairs.append(("summary", .text(summary))) }
    if let artwork = episode.artwork, artwork != show.artwork { pairs.append(("artwork", .text(artwork))) }
    if let link = episode.link { pairs.append(("link", .text(link))) }
    if !episode.transcripts.isEmpty { pairs.append(("transcripts", list(episode.transcripts))) }
    if !episode.chapters.isEmpty { pairs.append(("chapters", list(episode.chapters))) }
    if let persons = episode.persons { pairs.append(("persons", list(persons))) }
    if !episode.tags.isEmpty { pairs.append(("tags", list(episode.tags.map { .text($0) }))) }
    if let location = episode.location { pairs.append(("location", location)) }
    if let license = episode.license { pairs.append(("license", license)) }
    if !episode.funding.isEmpty { pairs.append(("funding", list(episode.funding))) }
    if episode.block { pairs.append(("block", .text("true"))) }
    if !episode.soundbites.isEmpty { pairs.append(("soundbites", list(episode.soundbites))) }
    if !episode.contentLinks.isEmpty { pairs.append(("content_links", list(episode.contentLinks))) }
    if !episode.socialInteract.isEmpty { pairs.append(("social_interact", list(episode.socialInteract))) }
    if let value = episode.value { pairs.append(("value", value)) }
    if !episode.images.isEmpty { pairs.append(("images", list(episode.images))) }
    if let poster = episode.poster { pairs.append(("poster", .text(poster))) }
    let yaml = try YAMLEmitter.yaml(pairs)
    return "---\n\(yaml)---\n\(episode.notesMarkdown)"
  }

  private func list(_ nodes: [YAMLEmitter.Value]) -> YAMLEmitter.Value { .list(nodes) }
}
