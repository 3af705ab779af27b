import FeedWriter
import Foundation
import Identifiers

/// Writes a ``PublicationRecord`` as `JSONEncoder` does with `.prettyPrinted`, `.sortedKeys`
/// and `.withoutEscapingSlashes` (``JSONTextWriter``), without building the encoder's tree of
/// values first. The record read back is the same, so a build over an output written by either
/// stays byte-identical; RecordJSONTests compares the two on hostile strings.
final class RecordJSON {
  private var json = JSONTextWriter()
  /// What is written and not yet sent to the file (without one, the whole record).
  var data: Data { Data(json.bytes) }
  /// Where the JSON goes as it is written, a piece at a time, rather than into `data` whole.
  private let file: FileHandle?
  private var failure: (any Error)?
  /// The copy of the record made as it is written (``RecordCopy/Writer``), and the digest of
  /// the bytes sent to the file, which the copy is kept under.
  private let copy: RecordCopy.Writer?
  private let digest: ContentDigest.SHA256Stream?

  init() { (file, copy, digest) = (nil, nil, nil) }

  /// Writes into `file` as it goes: the record of 100,000 episodes is 24 MB. With `copy`, makes
  /// its copy for the build cache too, a show at a time, from the entries as they are written.
  init(writingTo file: FileHandle, copy: RecordCopy.Writer? = nil) {
    (self.file, self.copy) = (file, copy)
    digest = copy == nil ? nil : ContentDigest.SHA256Stream()
  }

  /// The copy of what was written, once ``finish()`` has sent it all to the file; `nil` without
  /// one, or when it could not be written.
  func finishCopy() -> RecordCopy.Pending? {
    guard let copy, let digest, failure == nil, json.bytes.isEmpty else { return nil }
    return copy.finish(json: ContentDigest.hex(digest.finish()))
  }

  /// What `data` holds goes to the file once it is this large.
  private static let piece = 1 << 16

  /// Sends what is left to the file; throws the first error writing it gave.
  func finish() throws {
    flush(atLeast: 0)
    if let failure { throw failure }
  }

  private func flush(atLeast size: Int) {
    guard let file, json.bytes.count >= max(size, 1) else { return }
    if failure == nil {
      do { try file.write(contentsOf: json.bytes) } catch { failure = error }
      digest?.update(json.bytes)
    }
    json.bytes.removeAll(keepingCapacity: true)
  }

  func write(_ record: PublicationRecord) { write(RecordDraft(record)) }

  /// Writes the record a build made, each show's entries as they are merged (``RecordDraft``).
  func write(_ record: RecordDraft) {
    json.bytes.reserveCapacity(file == nil ? 1024 + record.episodeCount * 256 : Self.piece + 4096)
    object(["shows", "version"]) { key in
      if key == "shows" {
        object(JSONTextWriter.sorted(record.shows.keys)) { slug in
          let show = record.shows[slug]!
          object(show.liveItems == nil ? ["episodes", "feedURL", "podcastGUID"] : ["episodes", "feedURL", "liveItems", "podcastGUID"]) { key in
            switch key {
            case "episodes":
              // Written as they are merged: the entries are never all in memory at once.
              json.openObject()
              var first = true
              // The copy's rows of the show: written in the order of their GUIDs' bytes, each
              // GUID once, they are the rows reading this JSON gives (``RecordIndex``).
              var rows = RecordIndex.Episodes()
              show.forEachEntry { guid, episode in
                if copy != nil { rows.add(guid: guid, episode) }
                flush(atLeast: Self.piece)
                json.key(guid, first: first)
                first = false
                object(episode.enclosure == nil ? ["date", "file"] : ["date", "enclosure", "file"]) { key in
                  switch key {
                  case "date": json.string(episode.date)
                  case "enclosure": json.string(episode.enclosure ?? "")
                  default: json.string(episode.file)
                  }
                }
              }
              json.closeObject()
              copy?.add(
                slug: slug, podcastGUID: show.podcastGUID, feedURL: show.feedURL, liveItems: show.liveItems, episodes: rows)
            case "feedURL": json.string(show.feedURL)
            case "liveItems":
              let live = show.liveItems ?? [:]
              object(JSONTextWriter.sorted(live.keys)) { guid in
                let item = live[guid]!
                object(["start", "stream", "title"]) { key in
                  json.string(key == "start" ? item.start : key == "stream" ? item.stream : item.title)
                }
              }
            default: json.string(show.podcastGUID)
            }
          }
        }
      } else {
        json.append(String(record.version))
      }
    }
    json.bytes.append(0x0A)
  }

  /// An object of these keys, in this order, each value written by `value`.
  private func object(_ keys: [String], _ value: (String) -> Void) {
    json.openObject()
    for (index, key) in keys.enumerated() {
      json.key(key, first: index == 0)
      value(key)
    }
    json.closeObject()
  }
}
