import Foundation

/// How many items a feed has, how many of them carry an `<enclosure>`, and whether it declares
/// Apple's namespace: enough to tell a blog's feed from a podcast's before linting it. Read from
/// the bytes in one pass, skipping comments, CDATA sections and processing instructions, with
/// nothing kept but three numbers; the linters parse the feed, safely, afterwards.
struct FeedShape {
  private(set) var items = 0
  private(set) var itemsWithEnclosure = 0
  private(set) var declaresITunes = false

  /// Apple's namespace, which every podcast feed declares and a blog's feed has no use for.
  static let iTunesNamespace = Array("http://www.itunes.com/dtds/podcast-1.0.dtd".utf8)

  init(_ data: Data) {
    data.withUnsafeBytes { scan($0.bindMemory(to: UInt8.self)) }
  }

  /// The items that have no enclosure.
  var itemsWithoutEnclosure: Int { items - itemsWithEnclosure }

  /// No Apple namespace, and items of which fewer than one in ten has an enclosure: a blog's
  /// feed (or a news site's), which podcast apps would show as a show without episodes.
  var looksLikeBlog: Bool { !declaresITunes && items > 0 && itemsWithEnclosure * 10 < items }

  private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) {
    var index = 0
    var itemHasEnclosure = false
    while let open = Self.find([UInt8(ascii: "<")], in: bytes, from: index) {
      index = open + 1
      guard index < bytes.count else { return }
      switch bytes[index] {
      case UInt8(ascii: "!"):
        let close: [UInt8] =
          Self.hasPrefix("![CDATA[", bytes, at: index) ? Array("]]>".utf8)
          : Self.hasPrefix("!--", bytes, at: index) ? Array("-->".utf8) : [UInt8(ascii: ">")]
        guard let end = Self.find(close, in: bytes, from: index) else { return }
        index = end + close.count
      case UInt8(ascii: "?"):
        guard let end = Self.find(Array("?>".utf8), in: bytes, from: index) else { return }
        index = end + 2
      case UInt8(ascii: "/"): continue
      default:
        var nameEnd = index
        while nameEnd < bytes.count, !Self.endsName(bytes[nameEnd]) { nameEnd += 1 }
        let name = bytes[index..<nameEnd]
        if name.count == 4, name.elementsEqual("item".utf8) {
          items += 1
          itemHasEnclosure = false
        } else if name.count == 9, items > 0, !itemHasEnclosure, name.elementsEqual("enclosure".utf8) {
          itemsWithEnclosure += 1
          itemHasEnclosure = true
        } else if items == 0, !declaresITunes {
          // Namespaces are declared on <rss> or <channel>, before the first item. A start tag
          // ends at its '>', and never reaches the next '<', so a document of unclosed tags is
          // still read once.
          let nextOpen = Self.find([UInt8(ascii: "<")], in: bytes, from: nameEnd) ?? bytes.count
          let tagEnd = Self.find([UInt8(ascii: ">")], in: bytes, from: nameEnd, before: nextOpen) ?? nextOpen
          declaresITunes = Self.find(Self.iTunesNamespace, in: bytes, from: nameEnd, before: tagEnd) != nil
        }
        index = nameEnd
      }
    }
  }

  private static func endsName(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") || byte == 0x20 || byte == 0x09 || byte == 0x0A
      || byte == 0x0D
  }

  private static func hasPrefix(_ prefix: String, _ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    bytes[index...].starts(with: prefix.utf8)
  }

  /// The first index of `needle` in `bytes[from..<before]`; memchr finds each candidate.
  private static func find(
    _ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int, before: Int? = nil
  ) -> Int? {
    let limit = before ?? bytes.count
    guard let base = bytes.baseAddress, let first = needle.first else { return nil }
    var index = from
    while index + needle.count <= limit {
      guard let hit = memchr(base + index, Int32(first), limit - index) else { return nil }
      let found = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
      guard found + needle.count <= limit else { return nil }
      if needle.count == 1 || bytes[found..<(found + needle.count)].elementsEqual(needle) { return found }
      index = found + 1
    }
    return nil
  }
}
