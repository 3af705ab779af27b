import Catalogue
import Foundation

/// `embed/index.json`: the video index as data, in a documented, versioned schema
/// (docs/embed.md), for sites that render their own and for `embed.js`.
enum VideoIndex {
  static let version = 1

  static func json(_ videos: [VideoFacts], show: Show, catalogue: Catalogue, locale: PageLocale) throws -> Data {
    let items: [[String: Any]] = videos.map { video in
      let episode = video.episode
      var poster: [String: Any] = ["url": video.posterURL]
      if let width = video.posterWidth, let height = video.posterHeight {
        poster["width"] = width
        poster["height"] = height
      }
      let files = (video.video.map { [($0.url, $0.type)] } ?? []) + video.sources
      var item: [String: Any] = [
        "id": episode.guid,
        "title": episode.title,
        "summary": video.summary,
        "date": episode.date.iso8601,
        "dateText": locale.date(episode.date.localDate),
        "duration": video.duration,
        "durationText": locale.duration(video.duration),
        "themes": episode.themes,
        "page": video.pageURL,
        "poster": poster,
        "sources": files.map { ["url": $0.0, "type": $0.1] },
        "captions": video.captions.map {
          ["url": $0.url, "language": $0.language, "label": locale.languageName($0.language)]
        },
      ]
      if let chapters = ChapterTrack(video, locale: locale) { item["chapters"] = chapters.json }
      if let external = video.external {
        item["external"] = ["provider": external.provider.rawValue, "url": external.watchURL, "embed": external.embedURL]
      }
      return item
    }
    let index: [String: Any] = [
      "version": version,
      "show": [
        "title": show.title, "description": show.description, "language": show.language,
        "feed": catalogue.feedURL(for: show), "mediaRSS": catalogue.outputURL(for: show, path: VideoPaths.mediaRSS),
        "artwork": catalogue.publicURL(for: show.artwork, in: show),
      ],
      "labels": locale.labels,
      "videos": items,
    ]
    var data = try JSONSerialization.data(withJSONObject: index, options: [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted])
    data.append(0x0A)
    return data
  }
}
