import AtomicOutput
import Foundation
import Identifiers

/// The last publication record as the record check reads it (``RecordIndex``), kept in the build
/// cache in ``CacheEncoder``'s form under the SHA-256 of the record's JSON, so that a rebuild
/// does not parse that JSON again (2.3 MB for 10,000 episodes; docs/performance.md). The record
/// in the output stays what counts: its bytes are read and digested every time, and a copy of
/// other bytes, of another Podium, or that can't be read is not used (the JSON is read instead).
///
/// A build stores the copy of a record it read and wrote again unchanged, once its output is in
/// place (``Pending``).
enum RecordCopy {
  static let fileName = "record"
  static let format = 1

  private struct Stored: Codable {
    var format: Int
    var podium: String
    /// SHA-256 of the record's JSON, in hex.
    var json: String
    var version: Int
    var shows: [StoredShow]
  }

  private struct StoredShow: Codable {
    var slug: String
    var podcastGUID: String
    var feedURL: String
    var liveItems: [String: PublicationRecord.LiveItemRecord]?
    var text: [UInt8]
    var spans: [UInt32]
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
  ///   (one of another record, or of another Podium, is only not used).
  static func read(_ cache: BuildCache, digest: String) throws(CacheFile.Problem) -> RecordIndex? {
    let stored: Stored
    do {
      stored = try CacheFile.read(Stored.self, from: cache.folder.appendingPathComponent(fileName))
    } catch {
      if error == .missing { return nil }
      throw error
    }
    guard stored.format == format, stored.podium == cache.podiumIdentity, stored.json == digest else { return nil }
    var index = RecordIndex()
    index.version = stored.version
    for show in stored.shows {
      guard let episodes = RecordIndex.Episodes(text: show.text, spans: show.spans) else { throw .unreadable }
      index.shows[show.slug] = RecordIndex.Show(
        podcastGUID: show.podcastGUID, feedURL: show.feedURL, episodes: episodes, liveItems: show.liveItems)
    }
    return index
  }

  /// A copy of the last record, made when a build read its JSON and its own record says the
  /// same (as soon as the record check finds so, beside the rendering, so that the last record
  /// is let go of then): into a temporary file in the cache, put in place with the output
  /// (``commit()``) only when the record written has the very bytes of the one read, so that a
  /// copy always stands for JSON this Podium writes (a build that holds a copy may link the old
  /// record instead of writing it; a record edited by hand, read the same, is written again first).
  ///
  /// Not made of a record the build changed: that is made from the catalogue as it is written,
  /// and its index and encoding, beside the check of the feeds, were some 50 MB of a network's
  /// peak (docs/performance.md, "The record's copy and the facts of a list"). The build after
  /// such a change reads the JSON, and makes the copy then.
  struct Pending {
    private let temporary: URL
    private let url: URL

    /// - Parameters:
    ///   - index: the last record, as read from its JSON.
    ///   - digest: that JSON's digest (``RecordCopy/digest(_:)``).
    /// - Returns: `nil` when it can't be written.
    init?(_ index: RecordIndex, digest: String, cache: BuildCache) {
      guard cache.makeFolder() else { return nil }
      let stored = Stored(
        format: RecordCopy.format, podium: cache.podiumIdentity, json: digest, version: index.version,
        shows: index.shows.keys.sorted().map { slug in
          let show = index.shows[slug]!
          let (text, spans) = show.episodes.flattened
          return StoredShow(
            slug: slug, podcastGUID: show.podcastGUID, feedURL: show.feedURL, liveItems: show.liveItems, text: text,
            spans: spans)
        })
      url = cache.folder.appendingPathComponent(RecordCopy.fileName)
      temporary = cache.folder.appendingPathComponent(".\(RecordCopy.fileName).pending")
      guard CacheFile.write(stored, to: temporary) else { return nil }
    }

    /// Puts the copy in place: the output holding its record is.
    func commit() {
      if rename(temporary.path, url.path) != 0 { unlink(temporary.path) }
    }

    /// Removes it: the build failed.
    func discard() { unlink(temporary.path) }
  }
}
