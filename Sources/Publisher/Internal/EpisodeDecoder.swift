import Catalogue
import Diagnostics
import Foundation

/// Decodes an ``EpisodeReading`` that ``CacheEncoder`` wrote, as ``CacheDecoder`` does, but
/// without `Codable`'s containers for the parts every episode has: the reading, the episode,
/// its date, media, chapters, notes' source, key lines, and the empty Podcasting 2.0 group. A
/// rebuild takes every unchanged episode of the catalogue from the cache, and decoding them
/// through `Codable`'s keyed containers (a box, a class and generic calls a field) was most of a
/// network's rebuild after one new episode (docs/performance.md, "Rebuilds that decode only what changed").
///
/// Anything it does not expect (a key it does not know, a nil where a value must be, a
/// rare field's own shape, a probed media file) is decoded by ``CacheDecoder`` instead, for
/// that field or for the whole reading, so the value is always the one `Codable` gives
/// (`CacheCodingTests`).
enum EpisodeDecoder {
  /// The reading in `bytes`; throws as ``CacheDecoder`` does when they are not one.
  static func reading(from bytes: UnsafeRawBufferPointer) throws -> EpisodeReading {
    if let fast = fastReading(from: bytes) { return fast }
    return try CacheDecoder.decode(EpisodeReading.self, from: bytes)
  }

  static func reading(from bytes: [UInt8]) throws -> EpisodeReading {
    try bytes.withUnsafeBytes { try reading(from: $0) }
  }

  /// The reading when this decoder reads it itself; `nil` when it leaves it to `Codable`.
  static func fastReading(from bytes: UnsafeRawBufferPointer) -> EpisodeReading? {
    bytes.baseAddress.flatMap { reading(CacheDecoder.Value(base: $0, count: bytes.count)) }
  }

  static func fastReading(from bytes: [UInt8]) -> EpisodeReading? {
    bytes.withUnsafeBytes { fastReading(from: $0) }
  }

  /// The values of a keyed container whose keys are exactly `keys`, in that order, as the
  /// types' `encode(to:)` write them (optionals as nils); `nil` for any other container.
  private static func fields(_ value: CacheDecoder.Value, _ keys: [[UInt8]]) -> [CacheDecoder.Value]? {
    guard !value.isNil else { return nil }
    var cursor = CacheDecoder.Cursor(base: value.base, offset: 0, end: value.count)
    guard let count = try? cursor.number(), count == keys.count else { return nil }
    var values: [CacheDecoder.Value] = []
    values.reserveCapacity(count)
    for key in keys {
      guard let length = try? cursor.number(), length == key.count, let name = try? cursor.take(length),
        key.withUnsafeBytes({ length == 0 || memcmp($0.baseAddress!, name.base, length) == 0 }),
        let value = try? cursor.value()
      else { return nil }
      values.append(value)
    }
    return values
  }

  private static func keys(_ names: String...) -> [[UInt8]] { names.map { Array($0.utf8) } }

  private static let readingKeys = keys("episode", "findings", "reusable")

  private static func reading(_ value: CacheDecoder.Value) -> EpisodeReading? {
    guard let fields = fields(value, readingKeys), let findings = findings(fields[1]),
      let reusable = try? fields[2].bool()
    else { return nil }
    if fields[0].isNil { return EpisodeReading(episode: nil, findings: findings, reusable: reusable) }
    guard let episode = episode(fields[0]) else { return nil }
    return EpisodeReading(episode: episode, findings: findings, reusable: reusable)
  }

  /// No finding is the common case; any other list through `Codable`.
  private static func findings(_ value: CacheDecoder.Value) -> [Finding]? {
    if let count = count(value), count == 0 { return [] }
    return try? CacheDecoder.value([Finding].self, value)
  }

  /// How many elements an unkeyed container holds.
  private static func count(_ value: CacheDecoder.Value) -> Int? {
    guard !value.isNil else { return nil }
    var cursor = CacheDecoder.Cursor(base: value.base, offset: 0, end: value.count)
    return try? cursor.number()
  }

  /// A value of a type this decoder does not read itself, through `Codable`; `nil` for a nil.
  private static func decoded<T: Decodable>(_ type: T.Type, _ value: CacheDecoder.Value) throws -> T? {
    value.isNil ? nil : try CacheDecoder.value(type, value)
  }

  /// The keys `Episode.encode(to:)` writes, in its order.
  private static let episodeKeys = Key.allCases.map { Array(String(describing: $0).utf8) }

  /// The episode, made as `Episode.init(from:)` makes it; `nil` for anything unexpected.
  private static func episode(_ value: CacheDecoder.Value) -> Episode? {
    guard let fields = fields(value, episodeKeys) else { return nil }
    func field(_ key: Key) -> CacheDecoder.Value { fields[key.rawValue] }
    do {
      let media: Enclosure? = try field(.media).isNil ? nil : enclosure(field(.media)) ?? decoded(Enclosure.self, field(.media))
      guard let date = timestamp(field(.date)) else { return nil }
      var episode = Episode(
        file: try field(.file).string(), slug: try field(.slug).string(), title: try field(.title).string(),
        date: date, guid: try field(.guid).string(), media: media)
      episode.guidIsPermaLink = try field(.guidIsPermaLink).bool()
      episode.season = try field(.season).isNil ? nil : field(.season).integer() as Int
      episode.number = try field(.number).isNil ? nil : field(.number).integer() as Int
      guard let type = EpisodeType(rawValue: try field(.type).string()) else { return nil }
      episode.type = type
      episode.explicit = try field(.explicit).isNil ? nil : field(.explicit).bool()
      episode.summary = try field(.summary).isNil ? nil : field(.summary).string()
      episode.artwork = try field(.artwork).isNil ? nil : reference(field(.artwork)) ?? decoded(MediaReference.self, field(.artwork))
      episode.link = try field(.link).isNil ? nil : field(.link).string()
      episode.transcripts = try list(field(.transcripts), Transcript.self) { _ in nil }
      episode.chapters = try list(field(.chapters), Chapter.self, chapter)
      episode.themes = try CacheDecoder.value([String].self, field(.themes))
      episode.tags = try CacheDecoder.value([String].self, field(.tags))
      episode.block = try field(.block).bool()
      episode.draft = try field(.draft).bool()
      // Notes first: setting them lets go of the source, as it should for notes set in code.
      episode.notes = try field(.notes).string()
      episode.notesSource = try field(.notesSource).isNil
        ? nil : notesSource(field(.notesSource)) ?? decoded(NotesSource.self, field(.notesSource))
      episode.notesLine = try field(.notesLine).integer()
      episode.lines = try keyLines(field(.lines)) ?? CacheDecoder.value(KeyLines.self, field(.lines))
      // The rare fields, each set only when it holds something: most episodes hold none.
      if let external = try decoded(ExternalVideo.self, field(.external)) { episode.external = external }
      if count(field(.alternates)) != 0 {
        episode.alternates = try CacheDecoder.value([AlternateEnclosure].self, field(.alternates))
      }
      if let poster = try decoded(Poster.self, field(.poster)) { episode.poster = poster }
      if let persons = try decoded([Person].self, field(.persons)) { episode.persons = persons }
      if let location = try decoded(Location.self, field(.location)) { episode.location = location }
      if let license = try decoded(License.self, field(.license)) { episode.license = license }
      if count(field(.funding)) != 0 { episode.funding = try CacheDecoder.value([Funding].self, field(.funding)) }
      if !isEmptyPodcasting(field(.podcasting)) {
        episode.podcasting = try CacheDecoder.value(EpisodePodcasting.self, field(.podcasting))
      }
      return episode
    } catch {
      return nil
    }
  }

  /// The keys `Episode.encode(to:)` writes, each named as it is there, in its order.
  private enum Key: Int, CaseIterable {
    case file, slug, title, date, guid, guidIsPermaLink, season, number, type, explicit, media, external, alternates
    case summary, artwork, poster, link, transcripts, chapters, persons, themes, tags, location, license, funding
    case podcasting, block, draft, notes, notesSource, notesLine, lines
  }

  /// An array whose elements `element` reads, each one it can't read through `Codable`.
  private static func list<T: Decodable>(
    _ value: CacheDecoder.Value, _ type: T.Type, _ element: (CacheDecoder.Value) -> T?
  ) throws -> [T] {
    guard !value.isNil else { throw CacheDecoder.corrupt() }
    var cursor = CacheDecoder.Cursor(base: value.base, offset: 0, end: value.count)
    let count = try cursor.number()
    guard count <= value.count else { throw CacheDecoder.corrupt() }
    var elements: [T] = []
    elements.reserveCapacity(count)
    for _ in 0..<count {
      let item = try cursor.value()
      guard !item.isNil else { throw CacheDecoder.corrupt() }
      if let made = element(item) {
        elements.append(made)
      } else {
        elements.append(try CacheDecoder.value(type, item))
      }
    }
    return elements
  }

  /// The bytes of an empty `EpisodePodcasting`, as every episode without Podcasting 2.0 tags has.
  private static let emptyPodcasting = (try? CacheEncoder.encode(EpisodePodcasting())) ?? []

  private static func isEmptyPodcasting(_ value: CacheDecoder.Value) -> Bool {
    guard !value.isNil, value.count == emptyPodcasting.count else { return false }
    return emptyPodcasting.withUnsafeBytes { empty in
      value.count == 0 || memcmp(empty.baseAddress!, value.base, value.count) == 0
    }
  }

  private static let timestampKeys = keys("seconds", "offset")

  private static func timestamp(_ value: CacheDecoder.Value) -> Timestamp? {
    guard let fields = fields(value, timestampKeys), let seconds = try? fields[0].integer() as Int64,
      let offset = try? fields[1].integer() as Int
    else { return nil }
    return Timestamp(seconds: seconds, offset: offset)
  }

  private static let enclosureKeys = keys("reference", "length", "type", "duration", "integrity", "probeBox")

  /// An enclosure without a probe's findings (a remote file's, or one not probed).
  private static func enclosure(_ value: CacheDecoder.Value) -> Enclosure? {
    guard let fields = fields(value, enclosureKeys), fields[5].isNil, let reference = reference(fields[0]),
      let length = try? fields[1].integer() as Int64, let type = try? fields[2].string(),
      let duration = try? fields[3].integer() as Int
    else { return nil }
    var enclosure = Enclosure(reference: reference, length: length, type: type, duration: duration)
    if !fields[4].isNil {
      guard let integrity = try? fields[4].string() else { return nil }
      enclosure.integrity = integrity
    }
    return enclosure
  }

  private static let local = (keys("local"), keys("path"))
  private static let remote = (keys("remote"), keys("url"))

  /// A local path or a remote URL: an enum's one case, keyed by its name, its value keyed by its label.
  private static func reference(_ value: CacheDecoder.Value) -> MediaReference? {
    if let outer = fields(value, local.0), let inner = fields(outer[0], local.1), let path = try? inner[0].string() {
      return .local(path: path)
    }
    if let outer = fields(value, remote.0), let inner = fields(outer[0], remote.1), let url = try? inner[0].string() {
      return .remote(url: url)
    }
    return nil
  }

  private static let notesSourceKeys = keys("folder", "name", "length", "digest")
  private static let digestKeys = keys("word0", "word1", "word2", "word3")

  private static func notesSource(_ value: CacheDecoder.Value) -> NotesSource? {
    guard let fields = fields(value, notesSourceKeys), let folder = try? fields[0].string(),
      let name = try? fields[1].string(), let length = try? fields[2].integer() as Int,
      let words = Self.fields(fields[3], digestKeys), let word0 = try? words[0].word(), let word1 = try? words[1].word(),
      let word2 = try? words[2].word(), let word3 = try? words[3].word()
    else { return nil }
    return NotesSource(folder: folder, name: name, length: length, digest: (word0, word1, word2, word3))
  }

  private static let keyLinesKeys = keys("keys", "lines")

  private static func keyLines(_ value: CacheDecoder.Value) -> KeyLines? {
    guard let fields = fields(value, keyLinesKeys), let keys = try? CacheDecoder.value([UInt8].self, fields[0]),
      let lines = try? CacheDecoder.value([Int32].self, fields[1])
    else { return nil }
    return KeyLines(storedKeys: keys, lines: lines)
  }

  private static let chapterKeys = keys("start", "title", "url", "img", "toc", "line", "origin")

  private static func chapter(_ value: CacheDecoder.Value) -> Chapter? {
    func optional(_ value: CacheDecoder.Value) -> String?? {
      value.isNil ? .some(nil) : (try? value.string()).map { .some($0) }
    }
    guard let fields = fields(value, chapterKeys), let start = try? fields[0].word(),
      let title = try? fields[1].string(), let url = optional(fields[2]), let img = optional(fields[3]),
      let toc = try? fields[4].bool(), let line = try? fields[5].integer() as Int,
      let origin = (try? fields[6].string()).flatMap(Chapter.Origin.init(rawValue:))
    else { return nil }
    return Chapter(start: Double(bitPattern: start), title: title, url: url, img: img, toc: toc, line: line, origin: origin)
  }
}
