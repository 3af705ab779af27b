import Foundation

/// The last publication record, as the record check reads it: each show's `podcast:guid` and
/// feed URL, and its episodes' strings in one byte buffer, sorted by GUID. Decoded into a
/// ``PublicationRecord``, the 24 MB record of 100,000 episodes held some 40 MB of strings and
/// dictionaries beside the new record, and `JSONDecoder` needed about as much again while it
/// read (docs/performance.md); an entry is made into values only when the check asks for it.
///
/// It reads what `JSONDecoder` reads into a ``PublicationRecord`` (any JSON, keys in any order,
/// unknown keys ignored, `enclosure` missing or null) and refuses what it refuses.
struct RecordIndex: Sendable {
  struct Show: Sendable {
    var podcastGUID: String
    var feedURL: String
    var episodes = Episodes()
    /// Few (a show's live streams), so kept as the record keeps them.
    var liveItems: [String: PublicationRecord.LiveItemRecord]?
  }

  /// A show's episodes: four strings each, in `text`, rows sorted by the GUID's bytes.
  struct Episodes: Sendable {
    /// Where a string is in `text`.
    fileprivate struct Span: Sendable {
      var start: UInt32
      var count: UInt32
    }

    fileprivate struct Row: Sendable {
      var guid: Span
      var file: Span
      /// `nil` for a video only on YouTube or Vimeo.
      var enclosure: Span?
      var date: Span
    }

    fileprivate var text: [UInt8] = []
    fileprivate var rows: [Row] = []
    /// Only counts what `add` is given, for a first reading that sizes the arrays.
    fileprivate var measuring = false
    fileprivate var size = Size()

    /// What a show's episodes take: the arrays are made this size at once, as doubling them
    /// would hold them twice over while they grow.
    fileprivate struct Size {
      var text = 0
      var rows = 0
    }

    var count: Int { rows.count }
    var isEmpty: Bool { rows.isEmpty }

    /// The entries, in the order of their GUIDs' bytes.
    var entries: some Sequence<(guid: String, entry: PublicationRecord.EpisodeRecord)> {
      rows.indices.lazy.map { self.entry(at: $0) }
    }

    fileprivate func string(_ span: Span) -> String {
      text.withUnsafeBufferPointer {
        String(decoding: UnsafeBufferPointer(rebasing: $0[Int(span.start)..<Int(span.start + span.count)]), as: UTF8.self)
      }
    }

    /// How the GUID of row `index` orders against `key`, by their bytes.
    func compareGUID(at index: Int, with key: some Collection<UInt8>) -> Order {
      compare(rows[index].guid, key)
    }

    /// The bytes of row `index`'s GUID, handed to `body` where they are.
    func withGUID<R>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
      withBytes(rows[index].guid, body)
    }

    /// The bytes of row `index`'s enclosure, `nil` for none, handed to `body` where they are.
    func withEnclosure<R>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>?) -> R) -> R {
      guard let span = rows[index].enclosure else { return body(nil) }
      return withBytes(span, body)
    }

    private func withBytes<R>(_ span: Span, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
      text.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[Int(span.start)..<Int(span.start + span.count)])) }
    }

    /// Whether row `index` is this entry, byte for byte: the row its JSON, written, would be read into.
    func isRow(_ index: Int, guid: String, _ entry: PublicationRecord.EpisodeRecord) -> Bool {
      let row = rows[index]
      func same(_ span: Span?, _ string: String?) -> Bool {
        guard let span, var string else { return span == nil && string == nil }
        return string.withUTF8 { string in withBytes(span) { $0.elementsEqual(string) } }
      }
      return same(row.guid, guid) && same(row.file, entry.file) && same(row.enclosure, entry.enclosure)
        && same(row.date, entry.date)
    }

    /// Whether the GUID of row `index` is all ASCII, so that its bytes tell it apart as `String` does.
    func guidIsASCII(at index: Int) -> Bool {
      let span = rows[index].guid
      return text[Int(span.start)..<Int(span.start + span.count)].allSatisfy { $0 < 0x80 }
    }

    func entry(at index: Int) -> (guid: String, entry: PublicationRecord.EpisodeRecord) {
      let row = rows[index]
      return (
        string(row.guid),
        PublicationRecord.EpisodeRecord(file: string(row.file), enclosure: row.enclosure.map(string), date: string(row.date))
      )
    }

    /// The entry of a GUID, found by its bytes.
    func entry(for guid: String) -> PublicationRecord.EpisodeRecord? {
      let key = Array(guid.utf8)
      var (low, high) = (0, rows.count)
      while low < high {
        let middle = (low + high) / 2
        switch compare(rows[middle].guid, key) {
        case .less: low = middle + 1
        case .greater: high = middle
        case .equal: return entry(at: middle).entry
        }
      }
      return nil
    }

    enum Order { case less, equal, greater }

    private func compare(_ span: Span, _ key: some Collection<UInt8>) -> Order {
      text.withUnsafeBufferPointer { text in
        let bytes = text[Int(span.start)..<Int(span.start + span.count)]
        if bytes.elementsEqual(key) { return .equal }
        return bytes.lexicographicallyPrecedes(key) ? .less : .greater
      }
    }

    /// The rows as spans into `text`, four pairs of start and count each (guid, file, enclosure,
    /// date; an enclosure that is `nil` has the count `UInt32.max`): the form ``RecordCopy`` keeps.
    var flattened: (text: [UInt8], spans: [UInt32]) {
      var spans: [UInt32] = []
      spans.reserveCapacity(rows.count * 8)
      for row in rows {
        spans += [row.guid.start, row.guid.count, row.file.start, row.file.count]
        spans += [row.enclosure?.start ?? 0, row.enclosure?.count ?? .max, row.date.start, row.date.count]
      }
      return (text, spans)
    }

    init() {}

    /// Rows kept in ``flattened``'s form; `nil` when a span lies outside `text`.
    init?(text: [UInt8], spans: [UInt32]) {
      guard spans.count % 8 == 0 else { return nil }
      func span(_ at: Int) -> Span? {
        let (start, count) = (Int(spans[at]), Int(spans[at + 1]))
        return start + count <= text.count ? Span(start: spans[at], count: spans[at + 1]) : nil
      }
      var rows: [Row] = []
      rows.reserveCapacity(spans.count / 8)
      for at in stride(from: 0, to: spans.count, by: 8) {
        guard let guid = span(at), let file = span(at + 2), let date = span(at + 6) else { return nil }
        var enclosure: Span?
        if spans[at + 5] != .max {
          guard let some = span(at + 4) else { return nil }
          enclosure = some
        }
        rows.append(Row(guid: guid, file: file, enclosure: enclosure, date: date))
      }
      self.text = text
      self.rows = rows
    }

    fileprivate mutating func append(_ string: String) -> Span {
      let start = UInt32(text.count)
      text.append(contentsOf: string.utf8)
      return Span(start: start, count: UInt32(text.count) - start)
    }

    /// The rows `selected` of `other` (ascending, so still sorted), with their strings, in arrays of their size.
    init(copying selected: [Int32], of other: Episodes) {
      var size = Size(text: 0, rows: selected.count)
      for index in selected {
        let row = other.rows[Int(index)]
        size.text += Int(row.guid.count + row.file.count + (row.enclosure?.count ?? 0) + row.date.count)
      }
      text.reserveCapacity(size.text)
      rows.reserveCapacity(size.rows)
      for index in selected {
        let row = other.rows[Int(index)]
        func copy(_ span: Span) -> Span {
          let start = UInt32(text.count)
          text += other.text[Int(span.start)..<Int(span.start + span.count)]
          return Span(start: start, count: span.count)
        }
        rows.append(Row(guid: copy(row.guid), file: copy(row.file), enclosure: row.enclosure.map(copy), date: copy(row.date)))
      }
    }

    /// The date of row `index`'s entry, appended to `bytes` as UTF-8.
    func appendDate(at index: Int, to bytes: inout [UInt8]) {
      let span = rows[index].date
      bytes += text[Int(span.start)..<Int(span.start + span.count)]
    }

    /// Adds a row; rows added in the order of their GUIDs' bytes, each GUID once, need no ``sort()``.
    mutating func add(guid: String, _ entry: PublicationRecord.EpisodeRecord) {
      guard !measuring else {
        size.text += guid.utf8.count + entry.file.utf8.count + (entry.enclosure?.utf8.count ?? 0) + entry.date.utf8.count
        size.rows += 1
        return
      }
      rows.append(Row(
        guid: append(guid), file: append(entry.file), enclosure: entry.enclosure.map { append($0) },
        date: append(entry.date)))
    }

    /// Sorts the rows by GUID; of two rows with one GUID, the first read stays, as `JSONDecoder`
    /// keeps it.
    fileprivate mutating func sort() {
      let text = self.text
      func bytes(_ span: Span) -> ArraySlice<UInt8> { text[Int(span.start)..<Int(span.start + span.count)] }
      var order = Array(rows.indices)
      order.sort { a, b in
        let (x, y) = (bytes(rows[a].guid), bytes(rows[b].guid))
        return x.elementsEqual(y) ? a < b : x.lexicographicallyPrecedes(y)
      }
      var sorted: [Row] = []
      sorted.reserveCapacity(rows.count)
      for (position, index) in order.enumerated() {
        if position > 0, bytes(rows[order[position - 1]].guid).elementsEqual(bytes(rows[index].guid)) { continue }
        sorted.append(rows[index])
      }
      rows = sorted
    }
  }

  var version = 1
  /// By show slug.
  var shows: [String: Show] = [:]

  init() {}

  /// The index of a record already in memory (one rebuilt from the feeds).
  init(_ record: PublicationRecord) {
    version = record.version
    for (slug, show) in record.shows {
      var entry = Show(podcastGUID: show.podcastGUID, feedURL: show.feedURL, liveItems: show.liveItems)
      for (guid, episode) in show.episodes { entry.episodes.add(guid: guid, episode) }
      entry.episodes.sort()
      shows[slug] = entry
    }
  }

  /// Reads the record's JSON.
  ///
  /// - Throws: ``Problem`` where the bytes are not such a record, naming what is wrong.
  init(json data: Data) throws(Problem) {
    // Read twice: once to size each show's arrays, once to fill them.
    let sizes = try Self.read(data, sizes: nil).1.mapValues { $0.episodes.size }
    (version, shows) = try Self.read(data, sizes: sizes)
  }

  private static func read(_ data: Data, sizes: [String: Episodes.Size]?) throws(Problem) -> (Int, [String: Show]) {
    // Read from the bytes where they are: `Data`'s subscript, a byte at a time, was most of
    // reading a network's record (docs/performance.md).
    try data.withUnsafeBytes { raw in
      Result { () throws(Problem) in try read(Reader(bytes: raw.assumingMemoryBound(to: UInt8.self)), sizes: sizes) }
    }.get()
  }

  private static func read(_ reader: Reader, sizes: [String: Episodes.Size]?) throws(Problem) -> (Int, [String: Show]) {
    var reader = reader
    var version: Int?
    var shows: [String: Show]?
    try reader.object { reader, key throws(Problem) in
      switch key {
      case "version": version = try reader.integer()
      case "shows":
        var all: [String: Show] = [:]
        try reader.object { reader, slug throws(Problem) in
          all[slug] = try Self.show(&reader, slug: slug, size: sizes.map { $0[slug] ?? Episodes.Size() })
        }
        shows = all
      default: try reader.skipValue()
      }
    }
    try reader.end()
    guard let version else { throw Problem(message: "no version") }
    guard let shows else { throw Problem(message: "no shows") }
    return (version, shows)
  }

  /// - Parameter size: what the show's episodes take; `nil` only measures them.
  private static func show(_ reader: inout Reader, slug: String, size: Episodes.Size?) throws(Problem) -> Show {
    var podcastGUID: String?
    var feedURL: String?
    var episodes: Episodes?
    var liveItems: [String: PublicationRecord.LiveItemRecord]?
    try reader.object { reader, key throws(Problem) in
      switch key {
      case "liveItems":
        guard !(try reader.null()) else { break }
        var items: [String: PublicationRecord.LiveItemRecord] = [:]
        try reader.object { reader, guid throws(Problem) in
          var title: String?
          var stream: String?
          var start: String?
          try reader.object { reader, key throws(Problem) in
            switch key {
            case "title": title = try reader.string()
            case "stream": stream = try reader.string()
            case "start": start = try reader.string()
            default: try reader.skipValue()
            }
          }
          guard let title, let stream, let start else {
            throw Problem(message: "the live item \(guid) of show '\(slug)' lacks its title, stream or start")
          }
          items[guid] = PublicationRecord.LiveItemRecord(title: title, stream: stream, start: start)
        }
        liveItems = items
      case "podcastGUID": podcastGUID = try reader.string()
      case "feedURL": feedURL = try reader.string()
      case "episodes":
        var table = Episodes()
        if let size {
          table.text.reserveCapacity(size.text)
          table.rows.reserveCapacity(size.rows)
        } else {
          table.measuring = true
        }
        // Its GUIDs are told apart when the rows are sorted, not in a set of 100,000 strings.
        try reader.object(keepingFirst: false) { reader, guid throws(Problem) in
          var file: String?
          var enclosure: String??
          var date: String?
          // The first of a key given twice counts, told by its value rather than by a set of keys
          // made for each of 100,000 entries.
          try reader.object(keepingFirst: false) { reader, key throws(Problem) in
            switch key {
            case "file" where file == nil: file = try reader.string()
            case "enclosure" where enclosure == nil: enclosure = .some(try reader.null() ? nil : try reader.string())
            case "date" where date == nil: date = try reader.string()
            default: try reader.skipValue()
            }
          }
          guard let file, let date else {
            throw Problem(message: "the episode \(guid) of show '\(slug)' has no \(file == nil ? "file" : "date")")
          }
          table.add(guid: guid, PublicationRecord.EpisodeRecord(file: file, enclosure: enclosure ?? nil, date: date))
        }
        if !table.measuring { table.sort() }
        episodes = table
      default: try reader.skipValue()
      }
    }
    guard let podcastGUID, let feedURL, let episodes else {
      let missing = podcastGUID == nil ? "podcastGUID" : feedURL == nil ? "feedURL" : "episodes"
      throw Problem(message: "show '\(slug)' has no \(missing)")
    }
    return Show(podcastGUID: podcastGUID, feedURL: feedURL, episodes: episodes, liveItems: liveItems)
  }

  /// The show's record, made whole: for a show that is kept as it was.
  func record(of slug: String) -> PublicationRecord.ShowRecord? {
    guard let show = shows[slug] else { return nil }
    var record = PublicationRecord.ShowRecord(podcastGUID: show.podcastGUID, feedURL: show.feedURL, liveItems: show.liveItems)
    for (guid, entry) in show.episodes.entries { record.episodes[guid] = entry }
    return record
  }

  /// Whether `record` says exactly what this one says.
  func matches(_ record: PublicationRecord) -> Bool { matches(RecordDraft(record)) }

  /// Whether the record a build made says exactly what this one says, byte for byte, so that
  /// its JSON is this one's (a build that holds this record's copy then links its file).
  ///
  /// Each show's count of entries is compared first, which makes no entry: a record that gained
  /// an episode differs there. Then the entries, which both give in the order of their GUIDs'
  /// bytes, each GUID once, are compared in that order.
  func matches(_ record: RecordDraft) -> Bool {
    guard record.version == version, record.shows.count == shows.count else { return false }
    for (slug, show) in record.shows {
      guard let old = shows[slug], old.podcastGUID == show.podcastGUID, old.feedURL == show.feedURL,
        old.liveItems == show.liveItems, show.entryCount == old.episodes.count
      else { return false }
    }
    for (slug, show) in record.shows {
      guard let old = shows[slug]?.episodes else { return false }
      var (row, same) = (0, true)
      show.forEachEntry { guid, entry in
        same = same && row < old.count && old.isRow(row, guid: guid, entry)
        row += 1
      }
      guard same, row == old.count else { return false }
    }
    return true
  }

  /// Why a record can't be read.
  struct Problem: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
  }

  /// Reads JSON (https://www.rfc-editor.org/rfc/rfc8259) from bytes, a value at a time.
  private struct Reader {
    /// Valid while the record is read (``RecordIndex/read(_:sizes:)``).
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    /// Objects and arrays open at once, bounded as `JSONDecoder` bounds them.
    var depth = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private func failure(_ what: String) -> Problem {
      Problem(message: "\(what) at byte \(position)")
    }

    private mutating func skipSpace() {
      while position < bytes.endIndex {
        switch bytes[position] {
        case 0x20, 0x0A, 0x0D, 0x09: position += 1
        default: return
        }
      }
    }

    private mutating func peek() throws(Problem) -> UInt8 {
      skipSpace()
      guard position < bytes.endIndex else { throw failure("unexpected end") }
      return bytes[position]
    }

    private mutating func expect(_ byte: UInt8) throws(Problem) {
      guard try peek() == byte else { throw failure("expected '\(Character(Unicode.Scalar(byte)))'") }
      position += 1
    }

    mutating func end() throws(Problem) {
      skipSpace()
      guard position == bytes.endIndex else { throw failure("more after the record") }
    }

    /// An object, each member's value read by `member` (which must read it whole). A comma
    /// before the closing brace is let through, as `JSONDecoder` lets it through.
    ///
    /// - Parameter keepingFirst: a key given twice is read once, the first time, as
    ///   `JSONDecoder` reads it; `false` hands every member to `member`.
    mutating func object(
      keepingFirst: Bool = true, _ member: (inout Reader, String) throws(Problem) -> Void
    ) throws(Problem) {
      try expect(0x7B)
      depth += 1
      guard depth <= 512 else { throw failure("too deeply nested") }
      defer { depth -= 1 }
      var seen: Set<String> = []
      while try peek() != 0x7D {
        let key = try string()
        try expect(0x3A)
        if !keepingFirst || seen.insert(key).inserted {
          try member(&self, key)
        } else {
          try skipValue()
        }
        try separator(closing: 0x7D)
      }
      position += 1
    }

    /// After a member or an element: a `,` (read), or the `}` or `]` that ends it (left).
    mutating func separator(closing: UInt8) throws(Problem) {
      switch try peek() {
      case 0x2C: position += 1
      case closing: break
      default: throw failure("expected ',' or '\(closing == 0x7D ? "}" : "]")'")
      }
    }

    /// Whether the next value is `null` (then read).
    mutating func null() throws(Problem) -> Bool {
      guard try peek() == 0x6E else { return false }
      try literal("null")
      return true
    }

    private mutating func literal(_ word: String) throws(Problem) {
      for byte in word.utf8 {
        guard position < bytes.endIndex, bytes[position] == byte else { throw failure("expected \(word)") }
        position += 1
      }
    }

    /// A JSON number (https://www.rfc-editor.org/rfc/rfc8259#section-6) that is whole, as
    /// `JSONDecoder` reads it into an `Int`: `1.0` and `1E0` too, not `+1` or `01`.
    mutating func integer() throws(Problem) -> Int {
      let text = try numberText()
      guard Self.isNumber(text.utf8[...]) else { throw failure("a bad number") }
      if let value = Int(text) { return value }
      guard let value = Double(text).flatMap({ Int(exactly: $0) }) else { throw failure("expected a whole number") }
      return value
    }

    /// Whether `bytes` follow JSON's grammar of a number.
    private static func isNumber(_ bytes: Substring.UTF8View) -> Bool {
      var rest = bytes
      func digits() -> Int {
        let count = rest.prefix { (0x30...0x39).contains($0) }.count
        rest = rest.dropFirst(count)
        return count
      }
      if rest.first == 0x2D { rest = rest.dropFirst() }
      if rest.first == 0x30 { rest = rest.dropFirst() } else if digits() == 0 { return false }
      if rest.first == 0x2E {
        rest = rest.dropFirst()
        guard digits() > 0 else { return false }
      }
      if rest.first == 0x65 || rest.first == 0x45 {
        rest = rest.dropFirst()
        if rest.first == 0x2B || rest.first == 0x2D { rest = rest.dropFirst() }
        guard digits() > 0 else { return false }
      }
      return rest.isEmpty
    }

    private mutating func numberText() throws(Problem) -> String {
      _ = try peek()
      let start = position
      while position < bytes.endIndex, "+-0123456789.eE".utf8.contains(bytes[position]) { position += 1 }
      guard position > start else { throw failure("expected a value") }
      return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    mutating func string() throws(Problem) -> String {
      try expect(0x22)
      var start = position
      var text: [UInt8] = []
      var escaped = false
      while true {
        guard position < bytes.endIndex else { throw failure("unterminated string") }
        let byte = bytes[position]
        switch byte {
        case 0x22:
          let end = position
          position += 1
          // Without an escape, the string is its bytes as they are.
          let string =
            escaped
            ? String(validating: text + bytes[start..<end], as: UTF8.self)
            : String(validating: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
          guard let string else { throw failure("a string that is not UTF-8") }
          return string
        case 0x5C:
          escaped = true
          text.append(contentsOf: bytes[start..<position])
          position += 1
          guard position < bytes.endIndex else { throw failure("unterminated string") }
          let escaped = bytes[position]
          position += 1
          switch escaped {
          case 0x22, 0x5C, 0x2F: text.append(escaped)
          case 0x62: text.append(0x08)
          case 0x66: text.append(0x0C)
          case 0x6E: text.append(0x0A)
          case 0x72: text.append(0x0D)
          case 0x74: text.append(0x09)
          case 0x75: text.append(contentsOf: try unicodeEscape())
          default: throw failure("an unknown escape")
          }
          start = position
        case 0x00..<0x20: throw failure("a control character in a string")
        default: position += 1
        }
      }
    }

    /// The scalar of `\uXXXX` (the `\u` read), with its low surrogate when it is a high one.
    private mutating func unicodeEscape() throws(Problem) -> String.UTF8View {
      let first = try hex()
      var value = first
      if (0xD800..<0xDC00).contains(first) {
        guard position + 1 < bytes.endIndex, bytes[position] == 0x5C, bytes[position + 1] == 0x75 else {
          throw failure("a lone surrogate")
        }
        position += 2
        let second = try hex()
        guard (0xDC00..<0xE000).contains(second) else { throw failure("a lone surrogate") }
        value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
      }
      guard let scalar = Unicode.Scalar(value) else { throw failure("a lone surrogate") }
      return String(Character(scalar)).utf8
    }

    private mutating func hex() throws(Problem) -> UInt32 {
      // Four hex digits: `UInt32(_:radix:)` alone would take a sign as well.
      guard position + 4 <= bytes.endIndex, bytes[position..<position + 4].allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0 | 0x20) }),
        let value = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16)
      else { throw failure("a bad \\u escape") }
      position += 4
      return value
    }

    /// Reads a value of any kind and drops it: a key the record doesn't have. Checked only as far
    /// as `JSONDecoder` checks what it doesn't decode: its nesting, that a string ends and a
    /// number starts as one, but not its escapes, UTF-8 or the rest of a number.
    mutating func skipValue() throws(Problem) {
      switch try peek() {
      case 0x7B:
        position += 1
        depth += 1
        guard depth <= 512 else { throw failure("too deeply nested") }
        defer { depth -= 1 }
        while try peek() != 0x7D {
          guard try peek() == 0x22 else { throw failure("expected '\"'") }
          try skipString()
          try expect(0x3A)
          try skipValue()
          try separator(closing: 0x7D)
        }
        position += 1
      case 0x5B:
        position += 1
        depth += 1
        guard depth <= 512 else { throw failure("too deeply nested") }
        defer { depth -= 1 }
        while try peek() != 0x5D {
          try skipValue()
          try separator(closing: 0x5D)
        }
        position += 1
      case 0x22: try skipString()
      case 0x74: try literal("true")
      case 0x66: try literal("false")
      case 0x6E: try literal("null")
      case 0x2D, 0x30...0x39: _ = try numberText()
      default: throw failure("expected a value")
      }
    }

    /// Past a string (at its opening quote) and its closing quote, whatever is escaped in it.
    private mutating func skipString() throws(Problem) {
      position += 1
      while position < bytes.endIndex {
        switch bytes[position] {
        case 0x22:
          position += 1
          return
        case 0x5C: position += 2
        default: position += 1
        }
      }
      position = bytes.endIndex
      throw failure("unterminated string")
    }
  }
}
