import FeedWriter
import Foundation
import PodiumXML

/// A show's item layer (``ItemRecords``) between its rendering and its feed's check: the keys
/// made before the feed was written, and what each entry is filled in from once the check is
/// done. Filled in then rather than at the end of the rendering, the layer's bytes, marks and
/// ranges (some 15 MB for 100,000 episodes) are not held beside the catalogue, where a large
/// build peaks (docs/performance.md); the feed's source map, which the check needs anyway, has
/// them until then.
struct PendingItems {
  /// The item layer with only its keys, in the feed's order (``ShowCache/ItemKeys``).
  var records: ItemRecords
  /// Indices into the show's episodes, in the feed's order.
  var published: [Int]
  /// Per entry: whether its episode has an item (an episode without media has none).
  var hasItem: [Bool]
  /// Per entry, the range of its files among the staged paths (none without a staging folder).
  var files: [Range<Int>]
  /// By episode index: the checksum a copied item was checked against.
  var checksums: [Int: UInt64]
  /// By episode index: what the sanitiser cut from its notes.
  var removals: [Int: [HTMLRemoval]]
  /// The feed's path in the output, as its ``CheckedOutput`` names it.
  var path: String
  /// The staged feed, whose written items' bytes are read back for their checksums.
  var feed: URL

  /// The show's items for its record: each published episode's keys, its item's bytes and
  /// marks in the feed whose source map is `map`, its files and what the sanitiser cut from its
  /// notes; `nil` when the feed doesn't have the items the map says.
  func filled(from map: FeedSourceMap) -> ItemRecords? {
    let descriptor = open(feed.path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var buffer: [UInt8] = []
    // The keys are already in the item layer's arrays, in the feed's order: each entry is filled in.
    var records = records
    records.reserveItems(marks: map.itemMarkCount)
    var position = 0
    for (entry, index) in published.enumerated() {
      var item: (bytes: Range<Int>, checksum: UInt64, marks: FeedSourceMap.ItemMarks)?
      if hasItem[entry] {
        guard position < map.itemBytes.count else { return nil }
        let range = map.itemBytes[position]
        var checksum = checksums[index]
        if checksum == nil {
          buffer.removeAll(keepingCapacity: true)
          buffer.append(contentsOf: repeatElement(0, count: range.count))
          let read = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, range.count, off_t(range.lowerBound)) }
          guard read == range.count else { return nil }
          checksum = buffer.withUnsafeBytes { CacheFile.checksum($0) }
        }
        item = (range, checksum ?? 0, map.marks(ofItem: position))
        position += 1
      }
      records.fill(entry, item: item, files: entry < files.count ? files[entry] : 0..<0, removals: removals[index] ?? [])
    }
    return records
  }
}
