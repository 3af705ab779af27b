import Catalogue
import Foundation

/// Writes a Podcasting 2.0 JSON chapters file (version 1.2) from the front matter's chapters.
public enum ChaptersWriter {
  public static func write(_ episode: Episode, show: Show) throws -> Data {
    let file = ChaptersFile(
      version: "1.2.0", title: episode.title, podcastName: show.title,
      chapters: episode.chapters.map {
        ChaptersFile.Entry(startTime: $0.start, title: $0.title, url: $0.url, img: $0.img, toc: $0.toc ? nil : false)
      })
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(file)
    data.append(0x0A)
    return data
  }
}

private struct ChaptersFile: Encodable {
  struct Entry: Encodable {
    var startTime: Double
    var title: String
    var url: String?
    var img: String?
    var toc: Bool?
  }

  var version: String
  var title: String
  var podcastName: String
  var chapters: [Entry]
}
