import Diagnostics

/// Where each line of a written podcast feed came from in the catalogue: the episode file of
/// each item, and the key (front matter, show.yaml or podium.yaml) behind each element. The feed
/// rules check what the writer produced and name feed lines; `validate` and `build` use this map
/// to name the line the author edits instead (docs/architecture.md, "A new rule").
///
/// Kept compact, as a large feed has a million lines: per item, its first line and a run of
/// marks, each the line an element starts on and the catalogue line it came from.
public struct FeedSourceMap: Sendable {
  /// An element: the feed line it starts on, and its source line (positive: in the item's
  /// episode file; negative: in the show's file).
  struct Mark: Sendable {
    let line: Int32
    let source: Int32
  }

  /// An item: its first line, its first mark, and where its episode file's name is in `names`.
  struct Item: Sendable {
    let firstLine: Int32
    let firstMark: Int32
    let nameStart: Int32
    let nameEnd: Int32
  }

  /// The channel's elements, by the line each starts on, in order.
  var channel: [(line: Int, location: SourceLocation)] = []
  var items: [Item] = []
  var marks: [Mark] = []
  /// The episode files' names, one after the other: one buffer, not a string per item, which
  /// would keep the catalogue's strings (and the memory pages they sit on) alive through the check.
  var names: [UInt8] = []
  /// Where each item is in the feed's bytes, from its indentation to the line feed after its end
  /// tag, in the order of `items`: a build keeps them to copy an unchanged item from this feed
  /// into the next one, and the feed check to find an item again.
  public internal(set) var itemBytes: [Range<Int>] = []
  /// The line after the last item's end tag.
  var itemsEnd = 0
  /// Where anything else goes: the show's file.
  let show: String

  init(show: String) { self.show = show }

  /// The catalogue file and line that produced a feed line; the show's file for the lines
  /// around the channel (`<rss>`, `<channel>`) and for findings without a line.
  public func location(ofLine line: Int?) -> SourceLocation {
    guard let line else { return SourceLocation(file: show, line: 1) }
    if let index = Self.last(in: items.indices, where: { Int(items[$0].firstLine) <= line }), line < itemsEnd {
      let item = items[index]
      let file = String(decoding: names[Int(item.nameStart)..<Int(item.nameEnd)], as: UTF8.self)
      let end = index + 1 < items.count ? Int(items[index + 1].firstMark) : marks.count
      guard let mark = Self.last(in: Int(item.firstMark)..<end, where: { Int(marks[$0].line) <= line }) else {
        return SourceLocation(file: file, line: 1)
      }
      let source = Int(marks[mark].source)
      return source < 0 ? SourceLocation(file: show, line: -source) : SourceLocation(file: file, line: max(source, 1))
    }
    guard let mark = Self.last(in: channel.indices, where: { channel[$0].line <= line }) else {
      return SourceLocation(file: show, line: 1)
    }
    return channel[mark].location
  }

  /// Moves a finding about the feed to the catalogue line that produced what it is about.
  public func relocate(_ finding: Finding) -> Finding {
    var moved = finding
    moved.location = location(ofLine: finding.location?.line)
    return moved
  }

  /// Adds an item written by another writer, whose line `l` is line `l + shift` here and whose
  /// byte `b` is byte `b + byteShift`.
  mutating func add(_ item: ItemElements.Sources, shiftedBy shift: Int, bytesShiftedBy byteShift: Int) {
    let nameStart = Int32(clamping: names.count)
    names += item.file.utf8
    items.append(Item(
      firstLine: Int32(clamping: item.firstLine + shift), firstMark: Int32(clamping: marks.count), nameStart: nameStart,
      nameEnd: Int32(clamping: names.count)))
    for mark in item.marks { marks.append(Mark(line: Int32(clamping: Int(mark.line) + shift), source: mark.source)) }
    itemBytes.append(item.bytes.lowerBound + byteShift..<item.bytes.upperBound + byteShift)
  }

  /// An item's marks, with lines counted from the item's first line (0): what a copy of the item
  /// in another feed needs of this map (``PodcastFeedWriter/CopiedItem``).
  public struct ItemMarks: Sendable, Hashable {
    public var lines: [Int32]
    /// As ``Mark/source``: positive in the episode file, negative in the show's file.
    public var sources: [Int32]

    public init(lines: [Int32], sources: [Int32]) {
      (self.lines, self.sources) = (lines, sources)
    }
  }

  /// The marks of the item at `index` (in the order of `items`).
  public func marks(ofItem index: Int) -> ItemMarks {
    let item = items[index]
    let end = index + 1 < items.count ? Int(items[index + 1].firstMark) : marks.count
    let range = Int(item.firstMark)..<end
    return ItemMarks(lines: marks[range].map { $0.line - item.firstLine }, sources: marks[range].map(\.source))
  }

  /// How many items the feed has.
  public var itemCount: Int { items.count }

  /// How many marks its items have in all.
  public var itemMarkCount: Int { marks.count }

  /// The last index in a sorted range for which `isBefore` holds: a binary search.
  private static func last(in range: Range<Int>, where isBefore: (Int) -> Bool) -> Int? {
    var (low, high) = (range.lowerBound, range.upperBound)
    while low < high {
      let middle = (low + high) / 2
      if isBefore(middle) { low = middle + 1 } else { high = middle }
    }
    return low > range.lowerBound ? low - 1 : nil
  }
}
