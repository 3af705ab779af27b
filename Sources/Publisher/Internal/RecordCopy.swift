import AtomicOutput
import Foundation
import Identifiers

/// The last publication record as the record check reads it (``RecordIndex``), kept in the build
/// cache in ``CacheEncoder``'s form under the SHA-256 of the record's JSON, so that a rebuild
/// does not parse that JSON again (docs/performance.md). The record in the output stays what
/// counts: its bytes are read and digested every time, and a copy of other bytes, of another
/// Podium, or that can't be read is not used (the JSON is read instead).
///
/// A build makes the copy of the record it writes, as it writes it (``Writer``), and puts it in
/// place once its output is (``Pending``): so it stands only for JSON this Podium wrote, byte for
/// byte, and a build that holds it may link the old record instead of writing the same again.
///
/// The file is a keyed container written a field at a time (``CacheFile/FieldWriter``):
/// `format`, `podium`, `version`, `count`, one field `show N` per show (``StoredShow``), and
/// last `json`, the digest, known only once the JSON is written.
enum RecordCopy {
  static let fileName = "record"
  static let format = 2

  /// What tells whether the copy is of these bytes, read before the rest (a copy of a format
  /// before this one has these fields too).
  private struct Header: Decodable {
    var format: Int
    var podium: String
    /// SHA-256 of the record's JSON, in hex.
    var json: String
  }

  private struct StoredShow: Codable {
    var slug: String
    var podcastGUID: String
    var feedURL: String
    var liveItems: [String: PublicationRecord.LiveItemRecord]?
    var text: [UInt8]
    /// ``RecordIndex/Episodes/flattened``'s spans, each four little-endian bytes: one value,
    /// read at once, rather than a list of numbers decoded one by one.
    var spans: [UInt8]
  }

  private struct Name: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }

    static func show(_ position: Int) -> Name { Name("show \(position)") }
  }

  /// The record's index, decoded a show at a time.
  private struct Body: Decodable {
    var index = RecordIndex()

    init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: Name.self)
      index.version = try container.decode(Int.self, forKey: Name("version"))
      let count = try container.decode(Int.self, forKey: Name("count"))
      for position in 0..<count {
        let show = try container.decode(StoredShow.self, forKey: .show(position))
        guard show.spans.count % 4 == 0 else { throw CacheDecoder.corrupt() }
        let spans = show.spans.withUnsafeBytes { bytes in
          (0..<bytes.count / 4).map { UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self)) }
        }
        guard let episodes = RecordIndex.Episodes(text: show.text, spans: spans) else { throw CacheDecoder.corrupt() }
        index.shows[show.slug] = RecordIndex.Show(
          podcastGUID: show.podcastGUID, feedURL: show.feedURL, episodes: episodes, liveItems: show.liveItems)
      }
    }
  }

  /// The copy a build took: the digest of the record's JSON, and the stamp of the file read
  /// (`nil` when it changed while it was read).
  struct Held {
    let digest: String
    let stamp: OutputFileStamp?
  }

  /// The digest a copy is kept under: of the record's JSON.
  static func digest(_ json: Data) -> String { ContentDigest.hex(ContentDigest.sha256(json)) }

  /// The copy of the record whose JSON has `digest`, when the cache holds it for this Podium.
  ///
  /// - Throws: ``CacheFile/Problem/unreadable`` when the cache's copy is damaged or not Podium's
  ///   (one of another record, of another Podium or of another format is only not used).
  static func read(_ cache: BuildCache, digest: String) throws(CacheFile.Problem) -> RecordIndex? {
    do {
      return try CacheFile.read(from: cache.folder.appendingPathComponent(fileName)) { bytes -> RecordIndex? in
        let header = try CacheDecoder.decode(Header.self, from: bytes)
        guard header.format == format, header.podium == cache.podiumIdentity, header.json == digest else { return nil }
        return try CacheDecoder.decode(Body.self, from: bytes).index
      }
    } catch {
      if error == .missing { return nil }
      throw error
    }
  }

  /// The copy of a record, written as the record's JSON is (``RecordJSON``), a show at a time:
  /// only one show's rows are held (the whole record's index beside the catalogue was some 50 MB
  /// of a network's peak; docs/performance.md, "The record's copy and the facts of a list").
  /// The JSON's digest, its last field, is given when the JSON is done (``finish(json:)``).
  final class Writer {
    private let file: CacheFile.FieldWriter
    private let cache: BuildCache
    private var position = 0

    /// - Returns: `nil` when the cache can't be written.
    init?(cache: BuildCache, version: Int, shows: Int) {
      guard cache.makeFolder(),
        let file = CacheFile.FieldWriter(to: Pending.temporary(in: cache), count: 5 + shows)
      else { return nil }
      (self.file, self.cache) = (file, cache)
      do {
        file.add("format", try CacheEncoder.encode(RecordCopy.format))
        file.add("podium", try CacheEncoder.encode(cache.podiumIdentity))
        file.add("version", try CacheEncoder.encode(version))
        file.add("count", try CacheEncoder.encode(shows))
      } catch {
        return nil
      }
    }

    /// The next show's part, shows in the order the JSON writes them.
    func add(
      slug: String, podcastGUID: String, feedURL: String, liveItems: [String: PublicationRecord.LiveItemRecord]?,
      episodes: RecordIndex.Episodes
    ) {
      let (text, spans) = episodes.flattened
      var bytes: [UInt8] = []
      bytes.reserveCapacity(spans.count * 4)
      for span in spans { withUnsafeBytes(of: span.littleEndian) { bytes += $0 } }
      let show = StoredShow(
        slug: slug, podcastGUID: podcastGUID, feedURL: feedURL, liveItems: liveItems, text: text, spans: bytes)
      guard let encoded = try? CacheEncoder.encode(show) else { return }  // the file is then not finished
      file.add(Name.show(position).stringValue, encoded)
      position += 1
    }

    /// The copy, put beside the cache's (``Pending``), once the JSON's digest is known; `nil`
    /// when any of it could not be written.
    func finish(json digest: String) -> Pending? {
      guard (try? CacheEncoder.encode(digest)).map({ file.add("json", $0) }) != nil, file.finish() else { return nil }
      return Pending(cache: cache)
    }
  }

  /// A copy written beside the cache's, put in place with the output that holds its record
  /// (``commit()``), or removed when the build fails (``discard()``): a copy only ever stands for
  /// a record that is in the output.
  struct Pending {
    private let temporary: URL
    private let url: URL

    fileprivate static func temporary(in cache: BuildCache) -> URL {
      cache.folder.appendingPathComponent(".\(RecordCopy.fileName).pending")
    }

    fileprivate init(cache: BuildCache) {
      temporary = Self.temporary(in: cache)
      url = cache.folder.appendingPathComponent(RecordCopy.fileName)
    }

    /// Puts the copy in place: the output holding its record is.
    func commit() {
      if rename(temporary.path, url.path) != 0 { unlink(temporary.path) }
    }

    /// Removes it: the build failed.
    func discard() { unlink(temporary.path) }
  }
}
