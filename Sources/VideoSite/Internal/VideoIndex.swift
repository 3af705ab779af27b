import Catalogue
import Foundation

/// `embed/index.json`: the video index as data, in a documented, versioned schema
/// (docs/embed.md), for sites that render their own.
enum VideoIndex {
  static let version = 1

  static func json(_ videos: [VideoFacts], show: Show, catalogue: Catalogue) throws -> Data {
    let locale = PageLocale(language: show.language)
    let items: [[String: Any]] = videos.map { video in
      let episode = video.episode
      var poster: [String: Any] = ["url": video.posterURL]
      if let width = video.posterWidth, let height = video.posterHeight {
        poster["width"] = width
        poster["height"] = height
      }
      return [
        "id": episode.guid,
        "title": episode.title,
        "summary": video.description,
        "date": episode.date.iso8601,
        "dateText": locale.date(episode.date.localDate),
        "duration": episode.media.duration,
        "durationText": locale.duration(episode.media.duration),
        "themes": episode.themes,
        "page": video.pageURL,
        "poster": poster,
        "sources": ([(video.videoURL, video.videoType)] + video.sources).map { ["url": $0.0, "type": $0.1] },
        "captions": video.captions.map { ["url": $0.url, "language": $0.language] },
      ]
    }
    let index: [String: Any] = [
      "version": version,
      "show": [
        "title": show.title, "description": show.description, "language": show.language,
        "feed": catalogue.feedURL(for: show), "mediaRSS": catalogue.outputURL(for: show, path: VideoPaths.mediaRSS),
        "artwork": catalogue.publicURL(for: show.artwork, in: show),
      ],
      "videos": items,
    ]
    var data = try JSONSerialization.data(withJSONObject: index, options: [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted])
    data.append(0x0A)
    return data
  }
}
