/// An MP4 with a new Nero `chpl` box in `moov/udta`, the chapter list ffmpeg, mutagen and many
/// players read; the movie's other boxes are kept byte for byte. When `moov` comes before the
/// media data (a faststart file), the chunk offsets in `stco`/`co64` move by the size it grew.
enum MP4ChapterBox {
  /// `moov` is read whole; a larger one is not an episode's.
  static let moovLimit = 64 << 20

  private struct Box {
    let type: String
    let start: Int
    let size: Int
    let header: Int
    var payload: Range<Int> { start + header..<start + size }
  }

  static func edit(_ chapters: [ChapterEmbedder.Mark], source: FileSplice.Source) throws(ChapterEmbedder.Refusal)
    -> FileSplice.Edit
  {
    var offset: Int64 = 0
    var moov: (start: Int64, size: Int64)?
    while offset + 8 <= source.size {
      let head = try source.read(at: offset, count: 16)
      var size = Int64(bigEndian(head[0..<4]))
      let type = String(decoding: head[4..<8], as: UTF8.self)
      if size == 1, head.count >= 16 { size = Int64(bigEndian(head[8..<16])) }
      if size == 0 { size = source.size - offset }
      guard size >= 8, offset + size <= source.size else {
        throw ChapterEmbedder.Refusal("the MP4 box '\(type)' at byte \(offset) runs past the end of the file; repair the file first")
      }
      if type == "moof" { throw ChapterEmbedder.Refusal("the MP4 file is fragmented; Podium writes chapters only into a plain MP4") }
      if type == "moov" {
        guard moov == nil else { throw ChapterEmbedder.Refusal("the MP4 file has two 'moov' boxes; repair the file first") }
        guard head[0..<4] != [0, 0, 0, 1] else { throw ChapterEmbedder.Refusal("the MP4 file's 'moov' box has a 64-bit size") }
        moov = (offset, size)
      }
      offset += size
    }
    guard let moov, moov.size <= moovLimit else {
      throw ChapterEmbedder.Refusal("the MP4 file has no 'moov' box Podium can rewrite (or one over 64 MB)")
    }
    var bytes = try source.read(at: moov.start, count: Int(moov.size))
    let children = try boxes(in: bytes, 8..<bytes.count)
    if children.contains(where: { $0.type == "mvex" }) {
      throw ChapterEmbedder.Refusal("the MP4 file is fragmented; Podium writes chapters only into a plain MP4")
    }
    // A QuickTime chapter track is what players that read one show, over `chpl`; rewriting its
    // text samples is more than this writer does, so the file is left to the tool that made it.
    for trak in children where trak.type == "trak" {
      for tref in try boxes(in: bytes, trak.payload) where tref.type == "tref" {
        if try boxes(in: bytes, tref.payload).contains(where: { $0.type == "chap" }) {
          throw ChapterEmbedder.Refusal(
            "the MP4 file has a QuickTime chapter track, which Podium can't rewrite; remove it "
              + "(ffmpeg -i IN -map 0 -map_chapters -1 -c copy OUT) and embed again")
        }
      }
    }
    let oldUdta = children.first { $0.type == "udta" }
    var udta: [UInt8] = []
    if let oldUdta {
      for child in try boxes(in: bytes, oldUdta.payload) where child.type != "chpl" {
        udta += bytes[child.start..<child.start + child.size]
      }
    }
    udta = box("udta", udta + chpl(chapters))
    let growth = udta.count - (oldUdta?.size ?? 0)
    // Chunks after the movie box move by what it grows; those before it stay.
    try shiftChunkOffsets(&bytes, in: 8..<bytes.count, after: moov.start + moov.size, by: Int64(growth))
    var payload: [UInt8] = []
    for child in children where child.type != "udta" { payload += bytes[child.start..<child.start + child.size] }
    let rebuilt = box("moov", payload + udta)
    return FileSplice.Edit(range: moov.start..<moov.start + moov.size, bytes: rebuilt)
  }

  /// `chpl`: version 1, flags, 4 reserved bytes, a count, then each start in 100 ns units and a
  /// title of at most 255 bytes of UTF-8, as ffmpeg writes it.
  private static func chpl(_ chapters: [ChapterEmbedder.Mark]) -> [UInt8] {
    var body: [UInt8] = [1, 0, 0, 0, 0, 0, 0, 0, UInt8(chapters.count)]
    for chapter in chapters {
      let start = chapter.start.isFinite && chapter.start > 0 ? UInt64((chapter.start * 10_000_000).rounded()) : 0
      body += (0..<8).reversed().map { UInt8((start >> (8 * UInt64($0))) & 0xFF) }
      var title: [UInt8] = []
      for character in chapter.title where title.count + character.utf8.count <= 255 { title += character.utf8 }
      body += [UInt8(title.count)] + title
    }
    return box("chpl", body)
  }

  private static func box(_ type: String, _ payload: [UInt8]) -> [UInt8] {
    let size = UInt32(payload.count + 8)
    return [24, 16, 8, 0].map { UInt8((size >> $0) & 0xFF) } + Array(type.utf8) + payload
  }

  private static func boxes(in bytes: [UInt8], _ range: Range<Int>) throws(ChapterEmbedder.Refusal) -> [Box] {
    var result: [Box] = []
    var position = range.lowerBound
    while position + 8 <= range.upperBound {
      var size = bigEndian(bytes[position..<position + 4])
      var header = 8
      if size == 1, position + 16 <= range.upperBound {
        size = bigEndian(bytes[position + 8..<position + 16])
        header = 16
      } else if size == 0 {
        size = range.upperBound - position
      }
      let type = String(decoding: bytes[position + 4..<position + 8], as: UTF8.self)
      guard size >= header, position + size <= range.upperBound else {
        throw ChapterEmbedder.Refusal("the MP4 box '\(type)' inside 'moov' runs past its parent; repair the file first")
      }
      result.append(Box(type: type, start: position, size: size, header: header))
      position += size
    }
    return result
  }

  /// Adds `delta` to every chunk offset past `end` in the `stco` and `co64` boxes of each track.
  private static func shiftChunkOffsets(
    _ bytes: inout [UInt8], in range: Range<Int>, after end: Int64, by delta: Int64
  ) throws(ChapterEmbedder.Refusal) {
    guard delta != 0 else { return }
    for child in try boxes(in: bytes, range) {
      switch child.type {
      case "trak", "mdia", "minf", "stbl":
        try shiftChunkOffsets(&bytes, in: child.payload, after: end, by: delta)
      case "stco", "co64":
        let width = child.type == "stco" ? 4 : 8
        let payload = child.payload
        guard payload.count >= 8 else { continue }
        let count = bigEndian(bytes[payload.lowerBound + 4..<payload.lowerBound + 8])
        guard payload.count >= 8 + count * width else {
          throw ChapterEmbedder.Refusal("the MP4 '\(child.type)' box is shorter than its entries; repair the file first")
        }
        for index in 0..<count {
          let at = payload.lowerBound + 8 + index * width
          let value = Int64(bigEndian(bytes[at..<at + width]))
          guard value >= end else { continue }
          let moved = value + delta
          guard moved >= 0, width == 8 || moved <= Int64(UInt32.max) else {
            throw ChapterEmbedder.Refusal("a chunk offset would no longer fit the MP4 'stco' box")
          }
          for byte in 0..<width { bytes[at + byte] = UInt8((moved >> (8 * Int64(width - 1 - byte))) & 0xFF) }
        }
      default: continue
      }
    }
  }

  private static func bigEndian(_ bytes: ArraySlice<UInt8>) -> Int { bytes.reduce(0) { $0 << 8 | Int($1) } }
}
