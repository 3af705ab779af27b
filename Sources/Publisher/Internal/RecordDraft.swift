import Catalogue
import Foundation

/// The publication record a build writes, as what it is made of rather than made: for each
/// show in the catalogue, the rows of the last record it keeps (``RecordIndex``) and the
/// catalogue's published episodes, merged in the order of their GUIDs' bytes only as
/// ``RecordJSON`` writes them. Made into a ``PublicationRecord``, the record of 100,000 episodes
/// was a dictionary of some 40 MB of strings beside the rendering (docs/performance.md).
struct RecordDraft {
  var version = 1
  /// By show slug.
  var shows: [String: ShowDraft] = [:]

  /// A record already made (one rebuilt from the feeds, or one a test gives), written as it is.
  init(_ record: PublicationRecord) {
    version = record.version
    shows = record.shows.mapValues { .whole($0) }
  }

  init() {}

  /// Writes the record's JSON (``RecordJSON``) into a new file, a piece at a time; as the
  /// staging folder's own files are made, never over a file or link already there.
  ///
  /// - Parameter cache: where to make the copy of the record written, as it is written
  ///   (``RecordCopy/Writer``), for the next build to read instead of the JSON.
  /// - Returns: that copy, to be put in place with the output; `nil` without a cache, or when
  ///   the copy could not be written.
  @discardableResult
  func write(toFileAt path: String, copyingInto cache: BuildCache? = nil) throws -> RecordCopy.Pending? {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
    guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
    let file = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    let json = RecordJSON(
      writingTo: file, copy: cache.flatMap { RecordCopy.Writer(cache: $0, version: version, shows: shows.count) })
    json.write(self)
    try json.finish()
    return json.finishCopy()
  }

  /// How many episodes it records, about: the size to reserve for its JSON.
  var episodeCount: Int {
    shows.values.reduce(0) { total, show in
      switch show {
      case .whole(let show): total + show.episodes.count
      case .merged(let show): total + show.kept.count + show.published.count
      }
    }
  }

  enum ShowDraft {
    /// A show kept as it was (no longer in the catalogue), or one with a GUID that is not all
    /// ASCII: there, two GUIDs of different bytes can be one `String`, and the record is made
    /// as a dictionary, which tells them apart as it always did.
    case whole(PublicationRecord.ShowRecord)
    case merged(Merged)

    var podcastGUID: String {
      switch self {
      case .whole(let show): show.podcastGUID
      case .merged(let show): show.podcastGUID
      }
    }

    var feedURL: String {
      switch self {
      case .whole(let show): show.feedURL
      case .merged(let show): show.feedURL
      }
    }

    var liveItems: [String: PublicationRecord.LiveItemRecord]? {
      switch self {
      case .whole(let show): show.liveItems
      case .merged(let show): show.liveItems
      }
    }

    /// How many entries ``forEachEntry(_:)`` gives, without making them.
    var entryCount: Int {
      switch self {
      case .whole(let show): show.episodes.count
      case .merged(let show): show.entryCount
      }
    }

    /// Each entry, in the order of its GUID's bytes.
    func forEachEntry(_ body: (String, PublicationRecord.EpisodeRecord) -> Void) {
      switch self {
      case .whole(let show):
        for guid in show.episodes.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
          body(guid, show.episodes[guid]!)
        }
      case .merged(let show): show.forEachEntry(body)
      }
    }
  }

  /// A show's rows kept from the last record and its published episodes, every GUID all ASCII.
  struct Merged {
    var podcastGUID: String
    var feedURL: String
    var liveItems: [String: PublicationRecord.LiveItemRecord]?
    let catalogue: Catalogue
    let show: Show
    private(set) var old: RecordIndex.Episodes
    /// Rows of `old`, ascending (so in GUID order).
    var kept: [Int32] = []
    /// Indices into `show.episodes`, in catalogue order until ``sort()``.
    var published: [Int32] = []
    /// Once ``compacted()``: by position in `published`, the date the first of each GUID takes
    /// from the row of the last record it replaces; `old` then holds only the rows kept as they are.
    private var firstDates: FirstDates?

    init(
      podcastGUID: String, feedURL: String, liveItems: [String: PublicationRecord.LiveItemRecord]? = nil,
      catalogue: Catalogue, show: Show, old: RecordIndex.Episodes
    ) {
      (self.podcastGUID, self.feedURL, self.liveItems) = (podcastGUID, feedURL, liveItems)
      (self.catalogue, self.show, self.old) = (catalogue, show, old)
    }

    /// Dates one after the other in one buffer, each where its position's span says.
    private struct FirstDates {
      var text: [UInt8] = []
      /// Per position, where its date starts and ends in `text`; `start == .max` for none.
      var spans: [(start: UInt32, end: UInt32)] = []

      mutating func append(_ date: ((inout [UInt8]) -> Void)?) {
        guard let date else {
          spans.append((.max, 0))
          return
        }
        let start = UInt32(text.count)
        date(&text)
        spans.append((start, UInt32(text.count)))
      }

      func date(at position: Int) -> String? {
        let span = spans[position]
        guard span.start != .max else { return nil }
        return String(decoding: text[Int(span.start)..<Int(span.end)], as: UTF8.self)
      }
    }

    /// The published episodes in the order of their GUIDs' bytes; of one GUID given twice
    /// (an error the catalogue reports), in catalogue order.
    func sorted() -> Merged {
      var sorted = self
      let episodes = show.episodes
      sorted.published.sort { a, b in
        let (x, y) = (episodes[Int(a)].guid.utf8, episodes[Int(b)].guid.utf8)
        return x.elementsEqual(y) ? a < b : x.lexicographicallyPrecedes(y)
      }
      return sorted
    }

    /// The same draft without the last record: the kept rows that no published episode replaces
    /// are copied out (usually none), with the date each published GUID takes from the row it
    /// replaces, so that the last record (`old`, some 17 MB for 100,000 episodes) can be let go
    /// of once the check is done, rather than held through the rendering until the record is
    /// written. It writes the same entries in the same order (``forEachEntry(_:)``).
    func compacted() -> Merged {
      guard firstDates == nil, !old.isEmpty else { return self }
      var compact = self
      var dates = FirstDates()
      dates.spans.reserveCapacity(published.count)
      var rest: [Int32] = []
      walk(kept: { rest.append(Int32($0)) }) { run, replaced in
        if let replaced { dates.append { old.appendDate(at: replaced, to: &$0) } } else { dates.append(nil) }
        for _ in run.dropFirst() { dates.append(nil) }
      }
      compact.old = RecordIndex.Episodes(copying: rest, of: old)
      compact.kept = Array(0..<Int32(rest.count))
      compact.firstDates = dates
      return compact
    }

    /// The show's record as a dictionary: the kept rows, then each published episode in catalogue
    /// order, under the date of the entry already there.
    func whole() -> PublicationRecord.ShowRecord {
      var record = PublicationRecord.ShowRecord(podcastGUID: podcastGUID, feedURL: feedURL, liveItems: liveItems)
      for row in kept {
        let (guid, entry) = old.entry(at: Int(row))
        record.episodes[guid] = entry
      }
      for index in published {
        let episode = show.episodes[Int(index)]
        record.episodes[episode.guid] = PublicationRecord.EpisodeRecord(
          episode, of: show, in: catalogue, firstPublished: record.episodes[episode.guid]?.date)
      }
      return record
    }

    /// The entries as a dictionary filled with the kept rows, then with each published episode
    /// in catalogue order, would hold them: a published episode's entry keeps the date of the one
    /// before it under its GUID, and the last of a GUID given twice is the one recorded.
    func forEachEntry(_ body: (String, PublicationRecord.EpisodeRecord) -> Void) {
      walk(kept: { row in
        let (guid, entry) = old.entry(at: row)
        body(guid, entry)
      }) { run, replaced in
        var date = replaced.map { old.entry(at: $0).entry.date } ?? firstDates?.date(at: run.lowerBound)
        var entry: PublicationRecord.EpisodeRecord?
        for next in run {
          entry = self.entry(Int(published[next]), firstPublished: date)
          date = entry?.date
        }
        if let entry { body(show.episodes[Int(published[run.lowerBound])].guid, entry) }
      }
    }

    /// How many entries ``forEachEntry(_:)`` gives, without making them.
    var entryCount: Int {
      var count = 0
      walk(kept: { _ in count += 1 }) { _, _ in count += 1 }
      return count
    }

    /// ``PublicationRecord/EpisodeRecord/init(_:of:in:firstPublished:)`` of the episode at
    /// `index`, its fields read where the episode is: passed whole, each episode was copied
    /// (every reference in it retained and released).
    private func entry(_ index: Int, firstPublished date: String?) -> PublicationRecord.EpisodeRecord {
      PublicationRecord.EpisodeRecord(
        file: show.episodes[index].file,
        enclosure: show.episodes[index].media.map { catalogue.publicURL(for: $0.reference, in: show) },
        date: date ?? show.episodes[index].date.iso8601)
    }

    /// Walks the kept rows and the published episodes together in GUID order, as the record
    /// holds them: `kept` gets a kept row (its index in `old`) that no published episode
    /// replaces; `published` gets each run of published episodes with one GUID (positions in
    /// `published`) and the kept row it replaces, if any.
    private func walk(kept: (Int) -> Void, published run: (Range<Int>, Int?) -> Void) {
      var (row, next) = (0, 0)
      while row < self.kept.count || next < published.count {
        let order = next == published.count
          ? .less : row == self.kept.count
          ? .greater : old.compareGUID(at: Int(self.kept[row]), with: show.episodes[Int(published[next])].guid.utf8)
        if order == .less {
          kept(Int(self.kept[row]))
          row += 1
          continue
        }
        var replaced: Int?
        if order == .equal {
          replaced = Int(self.kept[row])
          row += 1
        }
        let first = next
        let guid = show.episodes[Int(published[next])].guid.utf8
        next += 1
        while next < published.count && show.episodes[Int(published[next])].guid.utf8.elementsEqual(guid) { next += 1 }
        run(first..<next, replaced)
      }
    }
  }
}
