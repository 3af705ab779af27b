import AtomicOutput
import Catalogue
import Foundation
import Parallel
import Yams

/// Writes `show.yaml` and the episode files in the catalogue's format (docs/catalogue.md), with
/// Yams, so every value is quoted as YAML needs.
struct ShowWriter {
  let show: ShowDraft
  let slug: String
  let podcastGUID: String
  let episodes: [EpisodeDraft]
  let names: [String]

  func showYAML() -> String {
    var pairs: [(Node, Node)] = [("title", Node(show.title)), ("description", Node(show.description))]
    if let language = show.language { pairs.append(("language", Node(language))) }
    pairs.append(("medium", Node(show.medium.rawValue)))
    if !show.categories.isEmpty { pairs.append(("categories", list(show.categories.prefix(3).map { Node($0) }))) }
    pairs.append(("explicit", Node(show.explicit ? "true" : "false")))
    pairs.append(("type", Node(show.type.rawValue)))
    if let artwork = show.artwork { pairs.append(("artwork", Node(artwork))) }
    if let author = show.author { pairs.append(("author", Node(author))) }
    if let link = show.link { pairs.append(("link", Node(link))) }
    if !show.keywords.isEmpty { pairs.append(("keywords", list(show.keywords.map { Node($0) }))) }
    if !show.persons.isEmpty { pairs.append(("persons", list(show.persons))) }
    if !show.funding.isEmpty { pairs.append(("funding", list(show.funding))) }
    if let license = show.license { pairs.append(("license", license)) }
    if let locked = show.locked { pairs.append(("locked", Node(locked ? "true" : "false"))) }
    if let email = show.ownerEmail { pairs.append(("owner_email", Node(email))) }
    if let copyright = show.copyright { pairs.append(("copyright", Node(copyright))) }
    // The show's identity: apps and directories know it by this, whatever its new address.
    pairs.append(("guid", Node(podcastGUID)))
    if show.complete { pairs.append(("complete", Node("true"))) }
    if show.block { pairs.append(("block", Node("true"))) }
    if let location = show.location { pairs.append(("location", location)) }
    if let frequency = show.updateFrequency { pairs.append(("update_frequency", Node(frequency))) }
    if !show.txt.isEmpty { pairs.append(("txt", list(show.txt))) }
    let yaml = (try? Yams.serialize(node: Self.text(.mapping(Node.Mapping(pairs))), allowUnicode: true)) ?? ""
    return "# Imported by podium import: see docs/catalogue.md.\n" + yaml
  }

  /// - Returns: the files written into `folder`.
  func writeEpisodes(_ drafts: [EpisodeDraft], in folder: URL) throws -> [URL] {
    // Serialising the front matter is the other large part of the work: done on every core.
    let written = ParallelMap.map(Array(drafts.indices)) { index -> Result<URL, any Error> in
      Result {
        let file = folder.appendingPathComponent(names[index] + ".md")
        try NewFile.write(text(of: drafts[index]), to: file)
        return file
      }
    }
    return try written.map { try $0.get() }
  }

  func text(of episode: EpisodeDraft) throws -> String {
    var pairs: [(Node, Node)] = [
      ("title", Node(episode.title)), ("date", Node(episode.date.iso8601)), ("guid", Node(episode.guid)),
    ]
    if let season = episode.season { pairs.append(("season", Node(String(season)))) }
    if let number = episode.number { pairs.append(("episode", Node(String(number)))) }
    if let type = episode.episodeType, type != .full { pairs.append(("episode_type", Node(type.rawValue))) }
    if let explicit = episode.explicit, explicit != show.explicit { pairs.append(("explicit", Node(explicit ? "true" : "false"))) }
    var media: [(Node, Node)] = [("url", Node(episode.localMedia ?? episode.mediaURL))]
    if episode.mediaLength > 0 { media.append(("length", Node(String(episode.mediaLength)))) }
    if !episode.mediaType.isEmpty { media.append(("type", Node(episode.mediaType))) }
    if let duration = episode.duration { media.append(("duration", Node(String(duration)))) }
    pairs.append(("media", .mapping(Node.Mapping(media))))
    if !episode.alternates.isEmpty { pairs.append(("alternates", list(episode.alternates))) }
    if let summary = episode.summary { pairs.append(("summary", Node(summary))) }
    if let artwork = episode.artwork, artwork != show.artwork { pairs.append(("artwork", Node(artwork))) }
    if let link = episode.link { pairs.append(("link", Node(link))) }
    if !episode.transcripts.isEmpty { pairs.append(("transcripts", list(episode.transcripts))) }
    if !episode.chapters.isEmpty { pairs.append(("chapters", list(episode.chapters))) }
    if let persons = episode.persons { pairs.append(("persons", list(persons))) }
    if !episode.tags.isEmpty { pairs.append(("tags", list(episode.tags.map { Node($0) }))) }
    if let location = episode.location { pairs.append(("location", location)) }
    if let license = episode.license { pairs.append(("license", license)) }
    if !episode.funding.isEmpty { pairs.append(("funding", list(episode.funding))) }
    if episode.block { pairs.append(("block", Node("true"))) }
    let yaml = try Yams.serialize(node: Self.text(.mapping(Node.Mapping(pairs))), allowUnicode: true)
    return "---\n\(yaml)---\n\(episode.notesMarkdown)"
  }

  private func list(_ nodes: [Node]) -> Node { .sequence(Node.Sequence(nodes)) }

  /// Every scalar tagged as a string, which the catalogue reads every value as. Yams otherwise
  /// matches each untagged scalar against its regular expressions for numbers, dates and
  /// booleans before writing it: a quarter of a 5,000-episode import's time. libyaml still
  /// quotes what would not read back as the same text.
  /// One tag for a whole document: making a `Tag` builds Yams's tables of resolvers.
  static func text(_ node: Node, tag: Tag = Tag(.str)) -> Node {
    switch node {
    case .scalar(let scalar): Node(scalar.string, tag, scalar.style)
    case .mapping(let mapping): .mapping(Node.Mapping(mapping.map { (text($0.key, tag: tag), text($0.value, tag: tag)) }))
    case .sequence(let sequence): .sequence(Node.Sequence(sequence.map { text($0, tag: tag) }))
    case .alias: node
    }
  }
}
