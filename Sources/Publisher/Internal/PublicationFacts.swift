import Catalogue
import FeedWriter
import Foundation

/// What a publish needs from the catalogue, taken while the build has it loaded: the local files
/// the published episodes and the shows point at, and each show's feed.
struct PublicationFacts: Sendable {
  struct LocalFile: Sendable, Hashable {
    /// Its path under `media_base_url`: `show/media/a.mp3`.
    var path: String
    var file: URL
    var kind: PublishItem.Kind
    /// The type the catalogue declares (an enclosure's), else nil for the table's.
    var type: String?
  }

  struct Feed: Sendable, Hashable {
    var slug: String
    var url: String
    var medium: String
  }

  var site: Site
  var files: [LocalFile] = []
  var feeds: [Feed] = []

  /// Only what the published feeds name: a scheduled episode's media stays private until its date.
  init(_ catalogue: Catalogue, now: Timestamp) {
    site = catalogue.site
    var seen: Set<String> = []
    func add(_ reference: MediaReference?, _ kind: PublishItem.Kind, _ show: Show, type: String? = nil) {
      guard let path = reference?.localPath else { return }
      let key = show.slug + "/" + path
      guard seen.insert(key).inserted else { return }
      files.append(LocalFile(path: key, file: catalogue.fileURL(for: path, in: show), kind: kind, type: type))
    }
    for show in catalogue.shows {
      feeds.append(Feed(slug: show.slug, url: catalogue.feedURL(for: show), medium: show.medium.rawValue))
      add(show.artwork, .artwork, show)
      for episode in show.episodes where episode.status(at: now) == .published {
        add(episode.media?.reference, .media, show, type: episode.media?.type)
        for alternate in episode.alternates { add(alternate.reference, .media, show, type: alternate.type) }
        add(episode.artwork, .artwork, show)
        add(episode.poster?.reference, .poster, show, type: episode.poster?.type)
      }
    }
  }
}
