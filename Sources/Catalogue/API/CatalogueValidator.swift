import Diagnostics
import Foundation
import PodcastVocabulary

/// Checks that need the whole catalogue, not one file: uniqueness of GUIDs and enclosure URLs,
/// numbering, chapters against durations, and files the shows point at.
public struct CatalogueValidator: Sendable {
  public let catalogue: Catalogue

  public init(catalogue: Catalogue) { self.catalogue = catalogue }

  public func validate() -> [Finding] {
    var findings: [Finding] = []
    findings += uniqueness()
    for show in catalogue.shows {
      findings += artwork(show)
      findings += numbering(show)
      for episode in show.episodes {
        findings += chapters(episode)
        findings += format(episode)
        findings += external(episode, in: show)
      }
    }
    return findings
  }

  private func uniqueness() -> [Finding] {
    var findings: [Finding] = []
    var guids: [String: Episode] = [:]
    var enclosures: [String: Episode] = [:]
    for show in catalogue.shows {
      for episode in show.episodes {
        if let other = guids[episode.guid] {
          findings.append(CatalogueRules.guidUnique.finding(
            "guid \(episode.guid) is also used by \(other.file); give this episode a new one (podium add makes one)",
            at: location(episode, "guid")))
        } else {
          guids[episode.guid] = episode
        }
        guard let media = episode.media else { continue }
        let url = catalogue.publicURL(for: media.reference, in: show)
        if let other = enclosures[url] {
          findings.append(CatalogueRules.enclosureUnique.finding(
            "media URL \(url) is also used by \(other.file); Apple ignores the second episode", at: location(episode, "media.url")))
        } else {
          enclosures[url] = episode
        }
      }
    }
    return findings
  }

  private func artwork(_ show: Show) -> [Finding] {
    guard case .local(let path) = show.artwork else { return [] }
    var isDirectory: ObjCBool = false
    let exists = FileManager.default.fileExists(
      atPath: catalogue.fileURL(for: path, in: show).path, isDirectory: &isDirectory)
    guard !exists || isDirectory.boolValue else { return [] }
    return [CatalogueRules.missingFile.finding(
      "artwork '\(path)' does not exist in the show folder", at: SourceLocation(file: show.file, line: show.lines["artwork"]))]
  }

  private func numbering(_ show: Show) -> [Finding] {
    var findings: [Finding] = []
    var seen: [String: Episode] = [:]
    for episode in show.episodes where !episode.draft {
      guard let number = episode.number else {
        if show.type == .serial, episode.type == .full {
          findings.append(CatalogueRules.serialNumbers.finding(
            "\(show.slug) is a serial show, so this episode needs 'episode: <number>'", at: location(episode, nil)))
        }
        continue
      }
      let key = "\(episode.season ?? 0)/\(number)/\(episode.type.rawValue)"
      if let other = seen[key] {
        let season = episode.season.map { "season \($0) " } ?? ""
        findings.append(CatalogueRules.numbering.finding(
          "\(season)episode \(number) is also \(other.file); renumber one of them", at: location(episode, "episode")))
      } else {
        seen[key] = episode
      }
    }
    return findings + gaps(show)
  }

  /// Missing numbers within a season of full episodes, which listeners of serial shows notice.
  private func gaps(_ show: Show) -> [Finding] {
    let numbered = show.episodes.filter { !$0.draft && $0.type == .full && $0.number != nil }
    var findings: [Finding] = []
    for (season, episodes) in Dictionary(grouping: numbered, by: { $0.season ?? 0 }).sorted(by: { $0.key < $1.key }) {
      let sorted = episodes.sorted { ($0.number ?? 0) < ($1.number ?? 0) }
      for (previous, next) in zip(sorted, sorted.dropFirst()) {
        guard let a = previous.number, let b = next.number, b > a + 1 else { continue }
        let missing = b == a + 2 ? "episode \(a + 1)" : "episodes \(a + 1)–\(b - 1)"
        let numbering = season > 0 ? "season \(season)" : "the numbering"
        findings.append(CatalogueRules.numberingGap.finding(
          "\(numbering) skips \(missing) between \(previous.file) and this episode; renumber, or add them",
          at: location(next, "episode")))
      }
    }
    return findings
  }

  private func chapters(_ episode: Episode) -> [Finding] {
    var findings: [Finding] = []
    var previous = -1.0
    for chapter in episode.chapters {
      let at = SourceLocation(file: episode.file, line: chapter.line)
      if chapter.start <= previous {
        findings.append(CatalogueRules.chapters.finding(
          "chapter '\(chapter.title)' starts at \(chapter.start) s, not after the one before; put chapters in order", at: at))
      }
      if chapter.start >= Double(episode.duration) {
        findings.append(CatalogueRules.chapters.finding(
          "chapter '\(chapter.title)' starts at \(chapter.start) s, after the end of the episode "
            + "(\(episode.duration) s)", at: at))
      }
      previous = chapter.start
    }
    return findings
  }

  private func format(_ episode: Episode) -> [Finding] {
    guard let media = episode.media else { return [] }
    let ext = media.reference.pathExtension
    guard let expected = MediaTypes.appleEnclosures[ext] else {
      return [CatalogueRules.enclosureFormat.finding(
        "Apple Podcasts does not play .\(ext.isEmpty ? "(no extension)" : ext) files; publish MP3, M4A, MP4, M4V or MOV "
          + "as the main media", at: location(episode, "media.url"))]
    }
    guard MediaTypes.matches(declared: media.type, expected: expected) else {
      return [CatalogueRules.enclosureFormat.finding(
        "media.type is \(media.type) but a .\(ext) file is \(expected); write type: \(expected)",
        at: location(episode, "media.type"))]
    }
    return []
  }

  /// A YouTube or Vimeo video belongs in a video show. The video index shows posters before
  /// anyone clicks, so they are local files that it serves itself, never a third party's.
  private func external(_ episode: Episode, in show: Show) -> [Finding] {
    if episode.external != nil, show.medium != .video {
      return [CatalogueRules.badValue.finding(
        "external: is for video shows (medium: video); a podcast episode needs media: with its audio file",
        at: location(episode, "external"))]
    }
    guard show.medium == .video else { return [] }
    if episode.poster == nil, episode.external != nil {
      return [CatalogueRules.posterLocal.finding(
        "a YouTube or Vimeo video needs a poster: a still the index shows until the visitor clicks play, without "
          + "asking the provider for anything; add poster: posters/\(episode.fileBase).jpg", at: location(episode, "external"))]
    }
    if case .remote(let url) = episode.posterReference(in: show) {
      let what = episode.poster != nil ? "poster" : episode.artwork != nil ? "artwork, the video's still," : "the show's artwork, this video's still,"
      return [CatalogueRules.posterLocal.finding(
        "\(what) \(url) is remote, so the video index would load it from another site before anyone clicks; "
          + "keep the image in the show folder (poster: posters/\(episode.fileBase).jpg)",
        at: location(episode, episode.poster != nil ? "poster" : episode.artwork != nil ? "artwork" : nil))]
    }
    return []
  }

  private func location(_ episode: Episode, _ key: String?) -> SourceLocation {
    SourceLocation(file: episode.file, line: key.flatMap { episode.lines[$0] } ?? 1)
  }
}
