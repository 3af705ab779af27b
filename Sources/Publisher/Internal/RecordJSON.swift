import Foundation

/// Writes a ``PublicationRecord`` as `JSONEncoder` does with `.prettyPrinted`, `.sortedKeys`
/// and `.withoutEscapingSlashes`, without building the encoder's tree of values first: keys
/// sorted by their UTF-8 bytes, two spaces of indent, `"key" : value`, an empty object as
/// `{`, an empty line and `}`, and a string escaped only where JSON requires it
/// (https://www.rfc-editor.org/rfc/rfc8259#section-7), in the encoder's short forms. The record
/// read back is the same, so a build over an output written by either stays byte-identical;
/// RecordJSONTests compares the two on hostile strings.
final class RecordJSON {
  private(set) var data = Data()
  private var indent = 0
  /// Where the JSON goes as it is written, a piece at a time, rather than into `data` whole.
  private let file: FileHandle?
  private var failure: (any Error)?

  init() { file = nil }

  /// Writes into `file` as it goes: the record of 100,000 episodes is 24 MB.
  init(writingTo file: FileHandle) { self.file = file }

  /// What `data` holds goes to the file once it is this large.
  private static let piece = 1 << 16

  /// Sends what is left to the file; throws the first error writing it gave.
  func finish() throws {
    flush(atLeast: 0)
    if let failure { throw failure }
  }

  private func flush(atLeast size: Int) {
    guard let file, data.count >= max(size, 1) else { return }
    if failure == nil {
      do { try file.write(contentsOf: data) } catch { failure = error }
    }
    data.removeAll(keepingCapacity: true)
  }

  func write(_ record: PublicationRecord) { write(RecordDraft(record)) }

  /// Writes the record a build made, each show's entries as they are merged (``RecordDraft``).
  func write(_ record: RecordDraft) {
    data.reserveCapacity(file == nil ? 1024 + record.episodeCount * 256 : Self.piece + 4096)
    object(["shows", "version"]) { key in
      if key == "shows" {
        object(sorted(record.shows.keys)) { slug in
          let show = record.shows[slug]!
          object(show.liveItems == nil ? ["episodes", "feedURL", "podcastGUID"] : ["episodes", "feedURL", "liveItems", "podcastGUID"]) { key in
            switch key {
            case "episodes":
              // Written as they are merged: the entries are never all in memory at once.
              open()
              var first = true
              show.forEachEntry { guid, episode in
                flush(atLeast: Self.piece)
                self.key(guid, first: first)
                first = false
                object(episode.enclosure == nil ? ["date", "file"] : ["date", "enclosure", "file"]) { key in
                  switch key {
                  case "date": string(episode.date)
                  case "enclosure": string(episode.enclosure ?? "")
                  default: string(episode.file)
                  }
                }
              }
              close()
            case "feedURL": string(show.feedURL)
            case "liveItems":
              let live = show.liveItems ?? [:]
              object(sorted(live.keys)) { guid in
                let item = live[guid]!
                object(["start", "stream", "title"]) { key in
                  string(key == "start" ? item.start : key == "stream" ? item.stream : item.title)
                }
              }
            default: string(show.podcastGUID)
            }
          }
        }
      } else {
        append(String(record.version))
      }
    }
    data.append(0x0A)
  }

  private func sorted(_ keys: some Collection<String>) -> [String] {
    keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }

  /// An object of these keys, in this order, each value written by `value`.
  private func object(_ keys: [String], _ value: (String) -> Void) {
    open()
    for (index, key) in keys.enumerated() {
      self.key(key, first: index == 0)
      value(key)
    }
    close()
  }

  private func open() {
    append("{\n")
    indent += 2
  }

  /// A member's key, before its value.
  private func key(_ key: String, first: Bool) {
    if !first { append(",\n") }
    spaces()
    string(key)
    append(" : ")
  }

  private func close() {
    indent -= 2
    append("\n")
    spaces()
    append("}")
  }

  private func spaces() {
    data.append(contentsOf: repeatElement(0x20, count: indent))
  }

  private func append(_ text: String) { data.append(contentsOf: text.utf8) }

  private func string(_ text: String) {
    data.append(0x22)
    // Most strings need no escape: appended whole, not a byte at a time.
    guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else {
      data.append(contentsOf: text.utf8)
      data.append(0x22)
      return
    }
    for byte in text.utf8 {
      switch byte {
      case 0x22: append("\\\"")
      case 0x5C: append("\\\\")
      case 0x08: append("\\b")
      case 0x0C: append("\\f")
      case 0x0A: append("\\n")
      case 0x0D: append("\\r")
      case 0x09: append("\\t")
      case 0x00..<0x20:
        let digits = Array("0123456789abcdef".utf8)
        append("\\u00")
        data.append(digits[Int(byte >> 4)])
        data.append(digits[Int(byte & 0x0F)])
      default: data.append(byte)
      }
    }
    data.append(0x22)
  }
}
