import Catalogue
import Foundation

/// Writes a Podcasting 2.0 JSON chapters file (version 1.2) from the front matter's chapters.
public enum ChaptersWriter {
  /// Written by ``JSONTextWriter``, in the bytes `JSONEncoder` gave the file's `Encodable` form
  /// (`.prettyPrinted`, `.sortedKeys`, `.withoutEscapingSlashes`): an absent value has no key,
  /// and `toc` is written only as `false`. A build writes one file per episode.
  public static func write(_ episode: Episode, show: Show) throws -> Data {
    var json = JSONTextWriter(capacity: 160 + episode.title.utf8.count + 64 * episode.chapters.count)
    json.openObject()
    json.key("chapters", first: true)
    json.openArray()
    for (index, chapter) in episode.chapters.enumerated() {
      json.element(first: index == 0)
      json.openObject()
      var first = true
      if let img = chapter.img {
        json.key("img", first: first)
        json.string(img)
        first = false
      }
      json.key("startTime", first: first)
      try json.number(chapter.start)
      json.key("title", first: false)
      json.string(chapter.title)
      if !chapter.toc {
        json.key("toc", first: false)
        json.bool(false)
      }
      if let url = chapter.url {
        json.key("url", first: false)
        json.string(url)
      }
      json.closeObject()
    }
    json.closeArray()
    json.key("podcastName", first: false)
    json.string(show.title)
    json.key("title", first: false)
    json.string(episode.title)
    json.key("version", first: false)
    json.string("1.2.0")
    json.closeObject()
    json.bytes.append(0x0A)
    return Data(json.bytes)
  }
}
