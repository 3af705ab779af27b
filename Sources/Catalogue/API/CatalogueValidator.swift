import Diagnostics
import Foundation
import Parallel
import PodcastVocabulary

/// Checks that need the whole catalogue, not one file: uniqueness of GUIDs and enclosure URLs
/// across shows, numbering, chapters against durations, and files the shows point at. What one
/// feed shows (two items of a show with one GUID, a serial show's unnumbered episode, an
/// enclosure Apple can't play) is the feed rules' to find, in the feed as written.
public struct CatalogueValidator: Sendable {
  public let catalogue: Catalogue

  public init(catalogue: Catalogue) { self.catalogue = catalogue }

  public func validate() -> [Finding] {
    // The catalogue-wide uniqueness check and the show-by-show checks share nothing but the
    // catalogue, and take about as long: one runs on each core, and their findings keep order.
    let parts = ParallelMap.map([uniqueness, showChecks]) { check in check() }
    return parts.flatMap { $0 }
  }

  private func showChecks() -> [Finding] {
    var findings: [Finding] = []
    for show in catalogue.shows {
      findings += artwork(show)
      findings += numbering(show)
      show.forEachEpisode { _, episode in
        findings += chapters(episode)
        findings += external(episode, in: show)
      }
    }
    return findings
  }

  /// Who holds a GUID or URL: an episode file, its show, and whether it is ever in a feed.
  private struct Owner {
    let file: String
    let show: Int
    let inFeed: Bool
  }

  /// Two episodes of one show that share a GUID or media URL are two items of its feed, which the
  /// feed rules report (RSS-GUID-UNIQUE, APPLE-ITEM-ENCLOSURE); only the catalogue sees the other
  /// shows, and the episodes no feed carries (YouTube or Vimeo videos without media).
  ///
  /// Dictionaries hold file names, not episodes: an `Episode` has some twenty references to
  /// retain on every copy, and 10,000 of them made this check the slowest part of loading.
  private func uniqueness() -> [Finding] {
    var findings: [Finding] = []
    // Sized up front: growing to 10,000 entries rehashed everything fourteen times.
    let count = catalogue.shows.reduce(0) { $0 + $1.episodes.count }
    var guids = [String: Owner](minimumCapacity: count)
    var enclosures = [String: Owner](minimumCapacity: count)
    for (index, show) in catalogue.shows.enumerated() {
      show.forEachEpisode { _, episode in
        let owner = Owner(file: episode.file, show: index, inFeed: episode.media != nil)
        if let other = Self.claim(&guids, episode.guid, by: owner), other.show != index || !other.inFeed || !owner.inFeed {
          findings.append(CatalogueRules.guidUnique.finding(
            "guid \(episode.guid) is also used by \(other.file); give this episode a new one (podium add makes one)",
            at: location(episode, "guid")))
        }
        guard let reference = episode.media?.reference else { return }
        let url = catalogue.publicURL(for: reference, in: show)
        if let other = Self.claim(&enclosures, url, by: owner), other.show != index {
          findings.append(CatalogueRules.enclosureUnique.finding(
            "media URL \(url) is also used by \(other.file); Apple ignores the second episode", at: location(episode, "media.url")))
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

  /// An episode's place in the numbering: season (0 for none), number and type.
  private struct NumberKey: Hashable {
    let season: Int
    let number: Int
    let type: EpisodeType
  }

  private func numbering(_ show: Show) -> [Finding] {
    var findings: [Finding] = []
    var seen = [NumberKey: String](minimumCapacity: show.episodes.count)
    // A serial show's episode without a number is the feed rules' (APPLE-ITEM-EPISODE).
    show.forEachEpisode { _, episode in
      guard !episode.draft, let number = episode.number else { return }
      let key = NumberKey(season: episode.season ?? 0, number: number, type: episode.type)
      if let other = Self.claim(&seen, key, by: episode.file) {
        let season = episode.season.map { "season \($0) " } ?? ""
        findings.append(CatalogueRules.numbering.finding(
          "\(season)episode \(number) is also \(other); renumber one of them", at: location(episode, "episode")))
      }
    }
    return findings + gaps(show)
  }

  /// Missing numbers within a season of full episodes, which listeners of serial shows notice.
  /// Works on (season, number, index) triples, so sorting moves three integers, not episodes.
  private func gaps(_ show: Show) -> [Finding] {
    var numbered: [(season: Int, number: Int, index: Int)] = []
    show.forEachEpisode { index, episode in
      guard !episode.draft, episode.type == .full, let number = episode.number else { return }
      numbered.append((episode.season ?? 0, number, index))
    }
    // Stable within a season, as the grouping and sort this replaces were: ties keep file order.
    numbered.sort { ($0.season, $0.number, $0.index) < ($1.season, $1.number, $1.index) }
    var findings: [Finding] = []
    for (previous, next) in zip(numbered, numbered.dropFirst()) where previous.season == next.season {
      let (a, b, season) = (previous.number, next.number, next.season)
      guard b > a + 1 else { continue }
      let missing = b == a + 2 ? "episode \(a + 1)" : "episodes \(a + 1)–\(b - 1)"
      let numbering = season > 0 ? "season \(season)" : "the numbering"
      findings.append(CatalogueRules.numberingGap.finding(
        "\(numbering) skips \(missing) between \(show.episodes[previous.index].file) and this episode; renumber, or add them",
        at: location(show.episodes[next.index], "episode")))
    }
    return findings
  }

  /// Chapters in order, each with a title, each starting before the media ends: the probed end of
  /// a local file (what players really reach), else the declared duration.
  private func chapters(_ episode: Episode) -> [Finding] {
    var findings: [Finding] = []
    var previous = -1.0
    let probed = episode.media?.probe?.duration
    let end = probed ?? Double(episode.duration)
    let length = probed.map { "the media file really is \(ChapterTime.clock($0)) long" } ?? "the episode is \(episode.duration) s long"
    for chapter in episode.chapters {
      let at = SourceLocation(file: episode.file, line: chapter.line)
      let name = chapter.title.isEmpty ? "at \(ChapterTime.clock(chapter.start))" : "'\(chapter.title)'"
      let fix = chapter.origin == .media ? "; fix the chapters in the media file, or write chapters: in the front matter" : ""
      if chapter.title.allSatisfy(\.isWhitespace) {
        findings.append(CatalogueRules.chapterTitle.finding(
          "the chapter at \(ChapterTime.clock(chapter.start)) (\(chapter.origin.rawValue)) has no title; give it one"
            + (chapter.origin == .media ? ", in the media file or in chapters: in the front matter" : ""), at: at))
      }
      if chapter.start <= previous {
        findings.append(CatalogueRules.chapters.finding(
          "chapter \(name) starts at \(ChapterTime.clock(chapter.start)), not after the one before; put chapters in order\(fix)",
          at: at))
      }
      if chapter.start >= end {
        findings.append(CatalogueRules.chapters.finding(
          "chapter \(name) starts at \(ChapterTime.clock(chapter.start)), after the end of the episode (\(length))\(fix)",
          at: at))
      }
      previous = chapter.start
    }
    return findings
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

  /// Gives `key` to `owner` unless another has it already; returns that other one.
  /// One hash lookup, not two: the default subscript stores `owner` if the key is new.
  private static func claim<Key: Hashable, Value>(_ owners: inout [Key: Value], _ key: Key, by owner: Value) -> Value? {
    let count = owners.count
    let holder = read(&owners[key, default: owner])
    return owners.count == count ? holder : nil
  }

  private static func read<Value>(_ value: inout Value) -> Value { value }

  private func location(_ episode: Episode, _ key: String?) -> SourceLocation {
    SourceLocation(file: episode.file, line: key.flatMap { episode.lines[$0] } ?? 1)
  }
}
