import FeedWriter
import Foundation
import PodiumXML

/// The item layer of a show's record in the build cache (docs/architecture.md, "The build
/// cache"): for each published episode of the feed the last build wrote, the keys of what its
/// item and its files depend on (``ItemKey``), where its item is in that feed (bytes, a checksum
/// of them, its source-map marks), what the sanitiser cut from its notes, and which of the
/// show's files it made. A build that renders the show again copies an item whose key is
/// unchanged from the old feed, and links its files from the old output, instead of making them.
///
/// Kept as a few flat byte arrays rather than a value per episode: a show of 10,000 episodes
/// would otherwise be 100,000 values to encode and decode.
struct ItemRecords: Codable, Equatable {
  /// Per entry, 1 byte: which of its keys are known, and whether it has an item.
  var flags: [UInt8] = []
  /// Per entry, 96 bytes: the item's key, the files' key, and the *stamp key*: the episode
  /// file's stamp with its show's context (``ShowCache/itemKeys(of:published:catalogue:digests:previous:)``).
  var keys: [UInt8] = []
  /// Per entry, 24 bytes: the item's first byte and the byte after it, and ``CacheFile/checksum(_:)`` of its bytes.
  var items: [UInt8] = []
  /// Per entry, 12 bytes: the end of its marks in `marks`, and the range of its files among the record's files.
  var ends: [UInt8] = []
  /// 8 bytes a mark: its line counted from the item's first line, and its source (``FeedSourceMap/ItemMarks``).
  var marks: [UInt8] = []
  /// The entries whose notes lost something to the sanitiser.
  var removals: [Removed] = []

  struct Removed: Codable, Equatable {
    var entry: Int
    /// Each ``HTMLRemoval`` as a kind letter and its names (``code(_:)``).
    var removals: [[String]]
  }

  private static let hasItemKey: UInt8 = 1
  private static let hasFilesKey: UInt8 = 2
  private static let hasItem: UInt8 = 4
  private static let hasStampKey: UInt8 = 8

  /// What one entry holds, as a build reads it.
  struct Entry {
    var filesKey: ItemKey?
    /// Its item in the old feed: bytes, their checksum, marks; `nil` for an episode without one.
    var bytes: Range<Int>?
    var checksum: UInt64
    var marks: FeedSourceMap.ItemMarks
    var files: Range<Int>
    var removals: [HTMLRemoval]
  }

  var count: Int { flags.count }

  /// Whether the arrays agree with one another and with a record of `fileCount` files: a
  /// record that doesn't is not used.
  func isConsistent(fileCount: Int) -> Bool {
    let count = flags.count
    guard keys.count == count * 96, items.count == count * 24, ends.count == count * 12, marks.count % 8 == 0 else {
      return false
    }
    var markEnd = 0
    for entry in 0..<count {
      let end = Int(int32(ends, at: entry * 12))
      let (first, last) = (Int(int32(ends, at: entry * 12 + 4)), Int(int32(ends, at: entry * 12 + 8)))
      guard end >= markEnd, end * 8 <= marks.count, 0 <= first, first <= last, last <= fileCount else { return false }
      let (start, after) = (int64(items, at: entry * 24), int64(items, at: entry * 24 + 8))
      if flags[entry] & Self.hasItem != 0, !(0 <= start && start <= after) { return false }
      markEnd = end
    }
    return removals.allSatisfy { 0 <= $0.entry && $0.entry < count }
  }

  /// The entries ready to be looked up by their item key: made once per show.
  ///
  /// Each key's entries are found in a list of entry numbers sorted by key, not a dictionary by
  /// key: two dictionaries of a large show's keys were held through its rendering, beside the
  /// record they index (docs/performance.md). Of entries with the same key, the last is found.
  struct Lookup {
    private(set) var records: ItemRecords
    /// The entries with an item key, and those with a stamp key too, sorted by that key.
    private var byKey: [Int32]
    private var byStamp: [Int32]
    private let removed: [Int: [HTMLRemoval]]

    init(_ records: ItemRecords) {
      self.records = records
      var byKey: [Int32] = []
      var byStamp: [Int32] = []
      byKey.reserveCapacity(records.count)
      for entry in 0..<records.count where records.flags[entry] & ItemRecords.hasItemKey != 0 {
        byKey.append(Int32(entry))
        if records.flags[entry] & ItemRecords.hasStampKey != 0 { byStamp.append(Int32(entry)) }
      }
      self.byKey = Self.sorted(byKey, records.keys, at: 0)
      self.byStamp = Self.sorted(byStamp, records.keys, at: 64)
      removed = Dictionary(records.removals.map { ($0.entry, $0.removals.compactMap(ItemRecords.removal)) }) { a, _ in a }
    }

    /// The entries sorted by their key (at `offset` in each entry's 96 bytes), then by number.
    private static func sorted(_ entries: [Int32], _ keys: [UInt8], at offset: Int) -> [Int32] {
      keys.withUnsafeBytes { raw in
        entries.sorted { a, b in
          let (x, y) = (Self.words(raw, Int(a) * 96 + offset), Self.words(raw, Int(b) * 96 + offset))
          return x != y ? x < y : a < b
        }
      }
    }

    /// A key's words, as ``ItemKey`` reads them: any order of keys will do, the same throughout.
    private static func words(_ raw: UnsafeRawBufferPointer, _ at: Int) -> (UInt64, UInt64, UInt64, UInt64) {
      (
        raw.loadUnaligned(fromByteOffset: at, as: UInt64.self),
        raw.loadUnaligned(fromByteOffset: at + 8, as: UInt64.self),
        raw.loadUnaligned(fromByteOffset: at + 16, as: UInt64.self),
        raw.loadUnaligned(fromByteOffset: at + 24, as: UInt64.self)
      )
    }

    /// The last entry of `sorted` whose key (at `offset`) is `key`.
    private func find(_ key: ItemKey, in sorted: [Int32], at offset: Int) -> Int? {
      let target = key.words
      return records.keys.withUnsafeBytes { raw -> Int? in
        // The first entry whose key is after `key`; the one before it, if it has `key`.
        var (low, high) = (0, sorted.count)
        while low < high {
          let middle = (low + high) / 2
          if Self.words(raw, Int(sorted[middle]) * 96 + offset) <= target { low = middle + 1 } else { high = middle }
        }
        guard low > 0, Self.words(raw, Int(sorted[low - 1]) * 96 + offset) == target else { return nil }
        return Int(sorted[low - 1])
      }
    }

    /// The entry whose item key is `key`.
    func entry(_ key: ItemKey) -> Entry? {
      find(key, in: byKey, at: 0).map { entry(at: $0) }
    }

    /// The entry numbered `number` (``matches(_:)``); without its files' key once the keys are
    /// let go of (``forgetKeys()``).
    func entry(at number: Int) -> Entry { records.entry(number, removals: removed[number] ?? []) }

    /// For each entry of `new` (a build's item layer with only its keys, in its feed's order),
    /// the number of the entry here with its item key, in `items`, and in `files` the same where
    /// that entry's files' key is the new one too (-1: none). Found once, before the feed is
    /// written, so that the keys can be let go of through the writing and the linking of files
    /// (``forgetKeys()``).
    func matches(_ new: ItemRecords) -> (items: [Int32], files: [Int32]) {
      var (items, files) = ([Int32](repeating: -1, count: new.count), [Int32](repeating: -1, count: new.count))
      for at in 0..<new.count {
        let keys = new.keys(of: at)
        guard let item = keys.item, let number = find(item, in: byKey, at: 0) else { continue }
        items[at] = Int32(number)
        if let filesKey = keys.files, records.flags[number] & ItemRecords.hasFilesKey != 0,
          ItemKey(records.keys, at: number * 96 + 32) == filesKey
        {
          files[at] = Int32(number)
        }
      }
      return (items, files)
    }

    /// Lets go of the entries' keys and the lists sorted by them, once each new item's entry is
    /// found (``matches(_:)``): an entry is then found by its number only, without its files' key.
    mutating func forgetKeys() {
      records.keys = []
      (byKey, byStamp) = ([], [])
    }

    /// Lets go of the items' places in the old feed and their marks, which only copying items
    /// reads: the files' keys and ranges stay, for linking files. An entry then has no bytes
    /// and no marks.
    mutating func forgetItems() {
      records.items = []
      records.marks = []
    }

    /// The item and files keys of the entry whose stamp key is `key`.
    func keys(stamp key: ItemKey) -> (item: ItemKey, files: ItemKey?)? {
      find(key, in: byStamp, at: 64).map { entry in
        (
          ItemKey(records.keys, at: entry * 96),
          records.flags[entry] & ItemRecords.hasFilesKey != 0 ? ItemKey(records.keys, at: entry * 96 + 32) : nil
        )
      }
    }
  }

  private func entry(_ entry: Int, removals: [HTMLRemoval]) -> Entry {
    let markStart = entry == 0 ? 0 : Int(int32(ends, at: (entry - 1) * 12))
    let markEnd = Int(int32(ends, at: entry * 12))
    var lines: [Int32] = []
    var sources: [Int32] = []
    lines.reserveCapacity(markEnd - markStart)
    sources.reserveCapacity(markEnd - markStart)
    for mark in markStart..<markEnd where !marks.isEmpty {
      lines.append(int32(marks, at: mark * 8))
      sources.append(int32(marks, at: mark * 8 + 4))
    }
    let hasItem = flags[entry] & Self.hasItem != 0 && !items.isEmpty
    return Entry(
      filesKey: flags[entry] & Self.hasFilesKey != 0 && !keys.isEmpty ? ItemKey(keys, at: entry * 96 + 32) : nil,
      bytes: hasItem ? Int(int64(items, at: entry * 24))..<Int(int64(items, at: entry * 24 + 8)) : nil,
      checksum: hasItem ? UInt64(bitPattern: int64(items, at: entry * 24 + 16)) : 0,
      marks: FeedSourceMap.ItemMarks(lines: lines, sources: sources),
      files: Int(int32(ends, at: entry * 12 + 4))..<Int(int32(ends, at: entry * 12 + 8)),
      removals: removals)
  }

  /// Makes room for the items of the entries already keyed, with `marks` marks in all: the
  /// arrays are made once at their size, rather than grown (a growing array holds up to twice its
  /// bytes, and both its buffers while it moves; some 25 MB in all for a show of 100,000 episodes).
  mutating func reserveItems(marks markCount: Int) {
    items.reserveCapacity(count * 24)
    ends.reserveCapacity(count * 12)
    marks.reserveCapacity(markCount * 8)
  }

  /// Adds an entry, after the last.
  mutating func append(
    itemKey: ItemKey?, filesKey: ItemKey?, stampKey: ItemKey?,
    item: (bytes: Range<Int>, checksum: UInt64, marks: FeedSourceMap.ItemMarks)?,
    files: Range<Int>, removals: [HTMLRemoval]
  ) {
    appendKeys(item: itemKey, files: filesKey, stamp: stampKey)
    fill(count - 1, item: item, files: files, removals: removals)
  }

  /// Adds an entry with only its keys, after the last: a build keys a show's items before it
  /// writes its feed (``ShowCache/ItemKeys``), and fills them in (``fill(_:item:files:removals:)``)
  /// once it is written, in the same arrays, so the keys are not held twice.
  mutating func appendKeys(item itemKey: ItemKey?, files filesKey: ItemKey?, stamp stampKey: ItemKey?) {
    flags.append(
      (itemKey == nil ? 0 : Self.hasItemKey) | (filesKey == nil ? 0 : Self.hasFilesKey)
        | (stampKey == nil ? 0 : Self.hasStampKey))
    (itemKey ?? ItemKey()).append(to: &keys)
    (filesKey ?? ItemKey()).append(to: &keys)
    (stampKey ?? ItemKey()).append(to: &keys)
  }

  /// The keys of `entry`, as ``appendKeys(item:files:stamp:)`` was given them.
  func keys(of entry: Int) -> (item: ItemKey?, files: ItemKey?, stamp: ItemKey?) {
    let flags = flags[entry]
    return (
      flags & Self.hasItemKey != 0 ? ItemKey(keys, at: entry * 96) : nil,
      flags & Self.hasFilesKey != 0 ? ItemKey(keys, at: entry * 96 + 32) : nil,
      flags & Self.hasStampKey != 0 ? ItemKey(keys, at: entry * 96 + 64) : nil
    )
  }

  /// Fills in the next entry whose keys were added: its item in the feed (none for an episode
  /// without media), its files and what the sanitiser cut from its notes.
  mutating func fill(
    _ entry: Int, item: (bytes: Range<Int>, checksum: UInt64, marks: FeedSourceMap.ItemMarks)?,
    files: Range<Int>, removals: [HTMLRemoval]
  ) {
    precondition(entry == ends.count / 12 && entry < count, "item records are filled in order")
    if item != nil { flags[entry] |= Self.hasItem }
    append(Int64(item?.bytes.lowerBound ?? 0), to: &items)
    append(Int64(item?.bytes.upperBound ?? 0), to: &items)
    append(Int64(bitPattern: item?.checksum ?? 0), to: &items)
    if let marks = item?.marks {
      for (line, source) in zip(marks.lines, marks.sources) {
        append(line, to: &self.marks)
        append(source, to: &self.marks)
      }
    }
    append(Int32(clamping: self.marks.count / 8), to: &ends)
    append(Int32(clamping: files.lowerBound), to: &ends)
    append(Int32(clamping: files.upperBound), to: &ends)
    if !removals.isEmpty { self.removals.append(Removed(entry: entry, removals: removals.map(Self.code))) }
  }

  /// A removal as strings: a letter for its kind, then its names.
  static func code(_ removal: HTMLRemoval) -> [String] {
    switch removal.kind {
    case .element(let name): ["e", name]
    case .unwrapped(let name): ["u", name]
    case .attribute(let element, let name): ["a", element, name]
    case .url(let url): ["l", url]
    }
  }

  static func removal(_ code: [String]) -> HTMLRemoval? {
    switch (code.first, code.count) {
    case ("e", 2): HTMLRemoval(.element(code[1]))
    case ("u", 2): HTMLRemoval(.unwrapped(code[1]))
    case ("a", 3): HTMLRemoval(.attribute(element: code[1], name: code[2]))
    case ("l", 2): HTMLRemoval(.url(code[1]))
    default: nil
    }
  }

  private func append(_ value: Int64, to bytes: inout [UInt8]) {
    withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
  }

  private func append(_ value: Int32, to bytes: inout [UInt8]) {
    withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
  }

  private func int64(_ bytes: [UInt8], at offset: Int) -> Int64 {
    bytes.withUnsafeBytes { Int64(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: Int64.self)) }
  }

  private func int32(_ bytes: [UInt8], at offset: Int) -> Int32 {
    bytes.withUnsafeBytes { Int32(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: Int32.self)) }
  }
}

/// A SHA-256 digest of what an item (or its files) depends on (``ShowCache/itemKeys(of:published:catalogue:digests:previous:)``).
struct ItemKey: Hashable, Sendable {
  var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

  init() {}

  init(_ bytes: [UInt8], at offset: Int = 0) {
    bytes.withUnsafeBytes { raw in
      words = (
        raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self),
        raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self),
        raw.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self),
        raw.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self)
      )
    }
  }

  func append(to bytes: inout [UInt8]) {
    for word in [words.0, words.1, words.2, words.3] { withUnsafeBytes(of: word) { bytes += $0 } }
  }

  static func == (a: ItemKey, b: ItemKey) -> Bool { a.words == b.words }

  func hash(into hasher: inout Hasher) {
    hasher.combine(words.0)
    hasher.combine(words.1)
  }
}
