import Catalogue
import Foundation

/// schema.org VideoObject for search engines, as JSON-LD.
enum VideoObject {
  static func json(_ facts: VideoFacts, show: Show) throws -> String {
    var object: [String: Any] = [
      "@context": "https://schema.org",
      "@type": "VideoObject",
      "name": facts.episode.title,
      "description": facts.description,
      "thumbnailUrl": [facts.posterURL],
      "uploadDate": facts.episode.date.iso8601,
      "duration": PageLocale.isoDuration(facts.duration),
      "embedUrl": facts.external?.playerURL ?? facts.pageURL,
      "inLanguage": show.language,
      "publisher": ["@type": "Organization", "name": show.author],
    ]
    if let file = facts.video { object["contentUrl"] = file.url }
    if let width = facts.width, let height = facts.height {
      object["width"] = width
      object["height"] = height
    }
    let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
    return String(decoding: data, as: UTF8.self)
  }
}
