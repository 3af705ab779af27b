import AtomicOutput
import FeedWriter
import Foundation
import PodiumXML
import Testing

@testable import Publisher

/// The item layer of a show's record gives back, through the cache's binary form, each entry as
/// it was added, found by its item key or its stamp key; arrays that don't agree are refused whole.
@Suite struct ItemRecordsTests {
  static func key(_ seed: UInt8) -> ItemKey { ItemKey([UInt8](repeating: seed, count: 32)) }

  static func records() -> ItemRecords {
    var records = ItemRecords()
    records.append(
      itemKey: key(1), filesKey: key(2), stampKey: key(3),
      item: (10..<200, 0xDEAD_BEEF, FeedSourceMap.ItemMarks(lines: [1, 2, 5], sources: [4, -7, 1])), files: 1..<3,
      removals: [HTMLRemoval(.element("script")), HTMLRemoval(.attribute(element: "b", name: "onclick"))])
    // An episode without an item (no media), and one whose files' key is not known.
    records.append(itemKey: key(4), filesKey: key(5), stampKey: nil, item: nil, files: 3..<4, removals: [])
    records.append(
      itemKey: key(6), filesKey: nil, stampKey: key(7), item: (200..<300, 7, FeedSourceMap.ItemMarks(lines: [1], sources: [2])),
      files: 4..<4, removals: [HTMLRemoval(.url("javascript:x"))])
    return records
  }

  @Test func entriesRoundTripAndAreFoundByTheirKeys() throws {
    let records = Self.records()
    let back = try CacheDecoder.decode(ItemRecords.self, from: try CacheEncoder.encode(records))
    #expect(back == records)
    #expect(back.isConsistent(fileCount: 4))
    let lookup = ItemRecords.Lookup(back)
    let first = try #require(lookup.entry(Self.key(1)))
    #expect(first.bytes == 10..<200 && first.checksum == 0xDEAD_BEEF && first.files == 1..<3)
    #expect(first.filesKey == Self.key(2))
    #expect(first.marks == FeedSourceMap.ItemMarks(lines: [1, 2, 5], sources: [4, -7, 1]))
    #expect(first.removals == [HTMLRemoval(.element("script")), HTMLRemoval(.attribute(element: "b", name: "onclick"))])
    let second = try #require(lookup.entry(Self.key(4)))
    #expect(second.bytes == nil && second.marks.lines.isEmpty && second.removals.isEmpty)
    let third = try #require(lookup.entry(Self.key(6)))
    #expect(third.filesKey == nil && third.marks == FeedSourceMap.ItemMarks(lines: [1], sources: [2]))
    #expect(third.removals == [HTMLRemoval(.url("javascript:x"))])
    #expect(lookup.entry(Self.key(2)) == nil, "a files key is not an item key")
    #expect(lookup.keys(stamp: Self.key(3))?.item == Self.key(1))
    #expect(lookup.keys(stamp: Self.key(7))?.files == nil)
    #expect(lookup.keys(stamp: Self.key(1)) == nil)
  }

  /// Once its items are let go of, an entry is still found by its key with its files and their
  /// key (what linking files reads), and has no bytes or marks to copy an item from.
  @Test func entriesKeepTheirFilesOnceTheItemsAreLetGoOf() throws {
    var lookup = ItemRecords.Lookup(Self.records())
    lookup.forgetItems()
    #expect(lookup.records.items.isEmpty && lookup.records.marks.isEmpty)
    let first = try #require(lookup.entry(Self.key(1)))
    #expect(first.filesKey == Self.key(2) && first.files == 1..<3)
    #expect(first.bytes == nil && first.checksum == 0 && first.marks.lines.isEmpty)
    #expect(first.removals == [HTMLRemoval(.element("script")), HTMLRemoval(.attribute(element: "b", name: "onclick"))])
    let third = try #require(lookup.entry(Self.key(6)))
    #expect(third.filesKey == nil && third.files == 4..<4 && third.bytes == nil)
    #expect(lookup.keys(stamp: Self.key(3))?.item == Self.key(1))
  }

  /// A build's new items are matched with the record's entries once, by item key, and by the
  /// files' key too for linking; the keys are then let go of and each entry read by its number.
  @Test func newItemsAreMatchedBeforeTheKeysAreLetGoOf() throws {
    var lookup = ItemRecords.Lookup(Self.records())
    var new = ItemRecords()
    new.appendKeys(item: Self.key(6), files: Self.key(7), stamp: nil)  // the entry has no files key
    new.appendKeys(item: Self.key(1), files: Self.key(2), stamp: nil)  // the same files
    new.appendKeys(item: Self.key(4), files: Self.key(9), stamp: nil)  // other files
    new.appendKeys(item: Self.key(9), files: Self.key(2), stamp: nil)  // no such item
    new.appendKeys(item: nil, files: nil, stamp: nil)
    let matches = lookup.matches(new)
    #expect(matches.items == [2, 0, 1, -1, -1])
    #expect(matches.files == [-1, 0, -1, -1, -1])
    lookup.forgetKeys()
    #expect(lookup.records.keys.isEmpty && lookup.entry(Self.key(1)) == nil)
    let first = lookup.entry(at: 0)
    #expect(first.bytes == 10..<200 && first.checksum == 0xDEAD_BEEF && first.files == 1..<3 && first.filesKey == nil)
    #expect(first.marks == FeedSourceMap.ItemMarks(lines: [1, 2, 5], sources: [4, -7, 1]))
  }

  /// Found by their keys among many (a key in every byte's place, keys that differ only in a
  /// late byte), of entries with the same key the last, as a dictionary filled in order finds it.
  @Test(arguments: [1, 2, 7, 300])
  func manyEntriesAreFoundByTheirKeysTheLastOfEqualOnes(count: Int) throws {
    func key(_ number: Int, _ kind: UInt8) -> ItemKey {
      var bytes = [UInt8](repeating: kind, count: 32)
      bytes[number % 32] = UInt8(truncatingIfNeeded: number / 32 + 1)
      bytes[31 - number % 7] ^= UInt8(truncatingIfNeeded: number)
      return ItemKey(bytes)
    }
    var records = ItemRecords()
    var byItem: [ItemKey: Int] = [:]
    var byStamp: [ItemKey: Int] = [:]
    for number in 0..<count {
      // Every third entry repeats an earlier entry's item key, every fifth its stamp key.
      let item = key(number % 3 == 2 ? number / 2 : number, 1)
      let stamp = number % 4 == 3 ? nil : key(number % 5 == 4 ? number / 3 : number, 2)
      records.append(
        itemKey: item, filesKey: key(number, 3), stampKey: stamp,
        item: (number..<number + 1, UInt64(number), FeedSourceMap.ItemMarks(lines: [], sources: [])), files: 0..<0,
        removals: [])
      byItem[item] = number
      if let stamp { byStamp[stamp] = number }
    }
    let lookup = ItemRecords.Lookup(records)
    for (item, number) in byItem {
      #expect(lookup.entry(item)?.checksum == UInt64(number))
      #expect(lookup.entry(key(number, 3)) == nil, "a files key is not an item key")
    }
    for (stamp, number) in byStamp { #expect(lookup.keys(stamp: stamp)?.files == key(number, 3)) }
    #expect(lookup.entry(key(count, 1)) == nil && lookup.keys(stamp: key(count, 2)) == nil)
  }

  @Test func arraysThatDontAgreeAreRefused() {
    let records = Self.records()
    #expect(!records.isConsistent(fileCount: 3), "a file range past the record's files")
    var short = records
    short.keys.removeLast()
    #expect(!short.isConsistent(fileCount: 4))
    var marks = records
    marks.marks.removeLast(8)
    #expect(!marks.isConsistent(fileCount: 4))
    var removal = records
    removal.removals.append(.init(entry: 9, removals: [["e", "x"]]))
    #expect(!removal.isConsistent(fileCount: 4))
    #expect(ItemRecords.removal(["?", "x"]) == nil && ItemRecords.removal(["a", "b"]) == nil)
  }

  /// A show record's files are read from its two lists where they are: the paths (one of them
  /// empty, one not ASCII) and stamps as written, none when the lists don't agree.
  @Test func aRecordsFilesAreReadFromItsLists() throws {
    let written = ["show/feed.xml", "", "show/hoofdstuk één.json"].enumerated().map { index, path in
      ShowCache.File(path: path, stamp: OutputFileStamp(
        inode: UInt64(index + 7), size: Int64(100 * index), modified: -Int64(index), modifiedNanoseconds: 999_999_999))
    }
    for files in [written, [], Array(written.prefix(1))] {
      let record = ShowCache.Record(format: 1, podium: "p", key: "k", files: files, rendered: [], checked: [])
      let read = try CacheDecoder.decode(ShowCache.Previous.self, from: try CacheEncoder.encode(record)).files
      #expect(read.map(\.path) == files.map(\.path))
      #expect(read.map(\.stamp) == files.map(\.stamp))
      var damaged = try CacheDecoder.decode(ShowCache.Previous.self, from: try CacheEncoder.encode(record))
      damaged.stamps.append(1)
      #expect(damaged.files.isEmpty)
    }
  }
}
