import Catalogue
import Diagnostics
import FeedWriter

/// Every public URL a published catalogue points at, with what the catalogue says it is, for
/// `validate --remote`: media, artwork, transcripts, chapters, and each show's own feed.
struct RemoteTargets {
  struct Target: Hashable {
    enum Kind: String { case enclosure, artwork, transcript, chapters, feed, other }
    var url: String
    var kind: Kind
    var expectedLength: Int64?
    var expectedType: String?
    var location: SourceLocation
  }

  let catalogue: Catalogue
  let now: Timestamp

  func all() -> [Target] {
    var targets: [Target] = []
    var seen: Set<String> = []
    func add(_ target: Target) {
      if seen.insert(target.url).inserted { targets.append(target) }
    }
    for show in catalogue.shows {
      let showFile = SourceLocation(file: show.file)
      add(Target(url: catalogue.feedURL(for: show), kind: .feed, expectedType: "application/rss+xml", location: showFile))
      add(Target(
        url: catalogue.publicURL(for: show.artwork, in: show), kind: .artwork,
        location: SourceLocation(file: show.file, line: show.lines["artwork"])))
      for episode in show.episodes where episode.status(at: now) == .published {
        let at = { (key: String) in SourceLocation(file: episode.file, line: episode.lines[key] ?? 1) }
        if let media = episode.media {
          add(Target(
            url: catalogue.publicURL(for: media.reference, in: show), kind: .enclosure,
            expectedLength: media.length, expectedType: media.type, location: at("media.url")))
        }
        for alternate in episode.alternates {
          add(Target(
            url: catalogue.publicURL(for: alternate.reference, in: show), kind: .other,
            expectedLength: alternate.length, expectedType: alternate.type,
            location: SourceLocation(file: episode.file, line: alternate.line)))
        }
        if let artwork = episode.artwork {
          add(Target(url: catalogue.publicURL(for: artwork, in: show), kind: .artwork, location: at("artwork")))
        }
        for transcript in PublishedTranscript.all(for: episode) {
          add(Target(
            url: catalogue.outputURL(for: show, path: transcript.path), kind: .transcript,
            expectedType: transcript.type, location: SourceLocation(file: episode.file, line: transcript.source.line)))
        }
        if !episode.chapters.isEmpty {
          add(Target(
            url: catalogue.outputURL(for: show, path: OutputPaths.chapters(episode)), kind: .chapters,
            location: at("chapters")))
        }
        if !Chapter.listed(episode.chapters).isEmpty {
          add(Target(
            url: catalogue.outputURL(for: show, path: OutputPaths.chaptersVTT(episode)), kind: .chapters,
            location: at("chapters")))
        }
      }
    }
    return targets
  }
}
