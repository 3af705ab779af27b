/// An MP4 with its chapters replaced in the two forms players read: a Nero `chpl` box in
/// `moov/udta` (ffmpeg, mutagen and many players) and a QuickTime chapter track (Apple's players;
/// MP4ChapterTextTrack), the movie's other boxes kept byte for byte. A chapter track already there
/// is taken out, with the `mdat` of its titles when that follows `moov` and holds nothing else (as
/// this writer leaves it), so embedding again gives the same file. Chunk offsets (`stco`/`co64`)
/// past the rewritten range move by what it grew, so a faststart file and one with `moov` at the
/// end both stay playable.
enum MP4ChapterEdit {
  /// `moov` is read whole; a larger one is not an episode's.
  static let moovLimit = 64 << 20

  /// A `trak` of the movie and what the edit needs to know of it.
  private struct Track {
    let box: MP4BoxBytes
    let id: UInt32
    let handler: String
    let enabled: Bool
    /// The tracks this one names in `tref/chap`.
    let chapterIDs: [UInt32]
    let chunkOffsets: [Int64]
  }

  static func edit(_ chapters: [ChapterEmbedder.Mark], source: FileSplice.Source) throws(ChapterEmbedder.Refusal)
    -> FileSplice.Edit
  {
    let (moov, following) = try topLevel(source)
    let bytes = try source.read(at: moov.start, count: Int(moov.size))
    guard bytes.count == Int(moov.size) else { throw ChapterEmbedder.Refusal("the MP4 file changed while it was read") }
    let children = try MP4BoxBytes.boxes(in: bytes, 8..<bytes.count)
    if children.contains(where: { $0.type == "mvex" }) {
      throw ChapterEmbedder.Refusal("the MP4 file is fragmented; Podium writes chapters only into a plain MP4")
    }
    guard let mvhd = children.first(where: { $0.type == "mvhd" }), mvhd.payload.count >= 100,
      mvhd.payload.count >= (bytes[mvhd.payload.lowerBound] == 1 ? 112 : 100)
    else { throw ChapterEmbedder.Refusal("the MP4 file's movie header ('mvhd') is missing or cut short; repair the file first") }
    let long = bytes[mvhd.payload.lowerBound] == 1
    let timescaleAt = mvhd.payload.lowerBound + (long ? 20 : 12)
    let movieTimescale = UInt32(MP4BoxBytes.bigEndian(bytes[timescaleAt..<timescaleAt + 4]))

    var tracks: [Track] = []
    for child in children where child.type == "trak" { tracks.append(try track(child, in: bytes)) }
    let named = Set(tracks.flatMap(\.chapterIDs))
    let old = tracks.filter { named.contains($0.id) }
    let kept = tracks.filter { !named.contains($0.id) }
    // A chapter track is text, or pictures in a disabled video track (an enhanced podcast's);
    // anything else named so is a damaged reference, and removing it would lose media.
    if let other = old.first(where: { $0.enabled && $0.handler != "text" && $0.handler != "sbtl" }) {
      throw ChapterEmbedder.Refusal(
        "the MP4 file's chapter reference names its enabled '\(other.handler)' track \(other.id) as a chapter track; repair the file first")
    }
    // Apple's players follow `chap` only from an enabled track (Chapter lists, cited in MP4ChapterTextTrack).
    let hosts = Set(kept.filter { $0.enabled && ($0.handler == "soun" || $0.handler == "vide") }.map(\.id))
    guard let lastKept = kept.last, !hosts.isEmpty else {
      throw ChapterEmbedder.Refusal("the MP4 file has no enabled audio or video track to give chapters")
    }
    let highest = kept.map(\.id).max() ?? 0
    guard highest < UInt32.max - 1 else { throw ChapterEmbedder.Refusal("the MP4 file's track numbers leave no room for a chapter track") }
    let text = MP4ChapterTextTrack(chapters, id: highest + 1)

    // The titles of an earlier embed: an `mdat` right after `moov` that only old chapter tracks use.
    var end = moov.start + moov.size
    if let following, following.type == "mdat", following.header == 8 {
      let range = following.start..<following.start + following.size
      if !kept.contains(where: { $0.chunkOffsets.contains(where: range.contains) }),
        old.contains(where: { $0.chunkOffsets.contains(where: range.contains) })
      {
        end = range.upperBound
      }
    }

    func rebuilt(shiftingBy delta: Int64, wide: Bool, titlesAt offset: Int64) throws(ChapterEmbedder.Refusal) -> [UInt8] {
      var copy = bytes
      for track in kept { try shiftChunkOffsets(&copy, in: track.box.payload, after: end, by: delta) }
      var payload: [UInt8] = []
      var udtaWritten = false
      for child in children {
        switch child.type {
        case "trak":
          guard let track = kept.first(where: { $0.box.start == child.start }) else { continue }
          if hosts.contains(track.id) || !track.chapterIDs.isEmpty {
            payload += try referencing(track, to: hosts.contains(track.id) ? text.id : nil, in: copy)
          } else {
            payload += child.copy(from: copy)
          }
          if track.box.start == lastKept.box.start {
            payload += text.trak(offset: offset, wide: wide, movieTimescale: movieTimescale)
          }
        case "mvhd":
          var header = child.copy(from: copy)
          let at = child.header + (long ? 108 : 96)
          let next = max(UInt32(MP4BoxBytes.bigEndian(header[at..<at + 4])), text.id + 1)
          header.replaceSubrange(at..<at + 4, with: MP4BoxBytes.u32(next))
          payload += header
        case "udta":
          payload += try udta(child, in: copy, chapters)
          udtaWritten = true
        default:
          payload += child.copy(from: copy)
        }
      }
      if !udtaWritten { payload += try udta(nil, in: copy, chapters) }
      return MP4BoxBytes.box("moov", payload)
    }

    // The new movie box's size depends only on whether the titles' offset needs 64 bits.
    let titles = text.mdat
    var sized = try rebuilt(shiftingBy: 0, wide: false, titlesAt: 0)
    let wide = moov.start + Int64(sized.count) + 8 > Int64(UInt32.max)
    if wide { sized = try rebuilt(shiftingBy: 0, wide: true, titlesAt: 0) }
    let growth = Int64(sized.count + titles.count) - (end - moov.start)
    let movie = try rebuilt(shiftingBy: growth, wide: wide, titlesAt: moov.start + Int64(sized.count) + 8)
    return FileSplice.Edit(range: moov.start..<end, bytes: movie + titles)
  }

  /// The file's one `moov`, and the box right after it.
  private static func topLevel(_ source: FileSplice.Source) throws(ChapterEmbedder.Refusal)
    -> (moov: (start: Int64, size: Int64), following: (start: Int64, size: Int64, type: String, header: Int)?)
  {
    var offset: Int64 = 0
    var moov: (start: Int64, size: Int64)?
    var following: (start: Int64, size: Int64, type: String, header: Int)?
    while offset + 8 <= source.size {
      let head = try source.read(at: offset, count: 16)
      var size = Int64(MP4BoxBytes.bigEndian(head[0..<4]))
      let type = String(decoding: head[4..<8], as: UTF8.self)
      var header = 8
      if size == 1, head.count >= 16 {
        size = Int64(MP4BoxBytes.bigEndian(head[8..<16]))
        header = 16
      }
      if size == 0 { size = source.size - offset }
      guard size >= Int64(header), size <= source.size - offset else {
        throw ChapterEmbedder.Refusal("the MP4 box '\(type)' at byte \(offset) runs past the end of the file; repair the file first")
      }
      if type == "moof" { throw ChapterEmbedder.Refusal("the MP4 file is fragmented; Podium writes chapters only into a plain MP4") }
      if let moov, following == nil, offset == moov.start + moov.size { following = (offset, size, type, header) }
      if type == "moov" {
        guard moov == nil else { throw ChapterEmbedder.Refusal("the MP4 file has two 'moov' boxes; repair the file first") }
        guard header == 8 else { throw ChapterEmbedder.Refusal("the MP4 file's 'moov' box has a 64-bit size") }
        moov = (offset, size)
      }
      offset += size
    }
    guard let moov, moov.size <= moovLimit else {
      throw ChapterEmbedder.Refusal("the MP4 file has no 'moov' box Podium can rewrite (or one over 64 MB)")
    }
    return (moov, following)
  }

  private static func track(_ trak: MP4BoxBytes, in bytes: [UInt8]) throws(ChapterEmbedder.Refusal) -> Track {
    let children = try MP4BoxBytes.boxes(in: bytes, trak.payload)
    guard let tkhd = children.first(where: { $0.type == "tkhd" }), tkhd.payload.count >= 4,
      tkhd.payload.count >= (bytes[tkhd.payload.lowerBound] == 1 ? 24 : 16)
    else { throw ChapterEmbedder.Refusal("an MP4 track has no header ('tkhd') or a short one; repair the file first") }
    let idAt = tkhd.payload.lowerBound + (bytes[tkhd.payload.lowerBound] == 1 ? 20 : 12)
    var chapterIDs: [UInt32] = []
    for tref in children where tref.type == "tref" {
      for reference in try MP4BoxBytes.boxes(in: bytes, tref.payload) where reference.type == "chap" {
        for at in stride(from: reference.payload.lowerBound, to: reference.payload.upperBound - 3, by: 4) {
          chapterIDs.append(UInt32(MP4BoxBytes.bigEndian(bytes[at..<at + 4])))
        }
      }
    }
    var handler = ""
    var chunkOffsets: [Int64] = []
    for mdia in children where mdia.type == "mdia" {
      for child in try MP4BoxBytes.boxes(in: bytes, mdia.payload) {
        if child.type == "hdlr", child.payload.count >= 12 {
          handler = String(decoding: bytes[child.payload.lowerBound + 8..<child.payload.lowerBound + 12], as: UTF8.self)
        }
        guard child.type == "minf" else { continue }
        for stbl in try MP4BoxBytes.boxes(in: bytes, child.payload) where stbl.type == "stbl" {
          for table in try MP4BoxBytes.boxes(in: bytes, stbl.payload) where table.type == "stco" || table.type == "co64" {
            chunkOffsets += try entries(of: table, in: bytes).map { at, width in Int64(MP4BoxBytes.bigEndian(bytes[at..<at + width])) }
          }
        }
      }
    }
    return Track(
      box: trak, id: UInt32(MP4BoxBytes.bigEndian(bytes[idAt..<idAt + 4])), handler: handler,
      enabled: bytes[tkhd.payload.lowerBound + 3] & 1 != 0, chapterIDs: chapterIDs, chunkOffsets: chunkOffsets)
  }

  /// The track with its `tref/chap` naming only `chapterTrack` (none when nil), other references kept.
  private static func referencing(_ track: Track, to chapterTrack: UInt32?, in bytes: [UInt8]) throws(ChapterEmbedder.Refusal)
    -> [UInt8]
  {
    let chap = chapterTrack.map { MP4BoxBytes.box("chap", MP4BoxBytes.u32($0)) } ?? []
    var payload: [UInt8] = []
    var referenced = false
    for child in try MP4BoxBytes.boxes(in: bytes, track.box.payload) {
      if child.type == "tref" {
        var references: [UInt8] = []
        for reference in try MP4BoxBytes.boxes(in: bytes, child.payload) where reference.type != "chap" {
          references += reference.copy(from: bytes)
        }
        if !referenced { references += chap }
        referenced = true
        if !references.isEmpty { payload += MP4BoxBytes.box("tref", references) }
      } else {
        if child.type == "mdia", !referenced, !chap.isEmpty {
          payload += MP4BoxBytes.box("tref", chap)
          referenced = true
        }
        payload += child.copy(from: bytes)
      }
    }
    if !referenced, !chap.isEmpty { payload += MP4BoxBytes.box("tref", chap) }
    return MP4BoxBytes.box("trak", payload)
  }

  /// `udta` with its `chpl` replaced, its other boxes kept.
  private static func udta(_ old: MP4BoxBytes?, in bytes: [UInt8], _ chapters: [ChapterEmbedder.Mark]) throws(ChapterEmbedder.Refusal)
    -> [UInt8]
  {
    var payload: [UInt8] = []
    if let old {
      for child in try MP4BoxBytes.boxes(in: bytes, old.payload) where child.type != "chpl" { payload += child.copy(from: bytes) }
    }
    return MP4BoxBytes.box("udta", payload + chpl(chapters))
  }

  /// `chpl`: version 1, flags, 4 reserved bytes, a count, then each start in 100 ns units and a
  /// title of at most 255 bytes of UTF-8, as ffmpeg writes it.
  private static func chpl(_ chapters: [ChapterEmbedder.Mark]) -> [UInt8] {
    var body: [UInt8] = [1, 0, 0, 0, 0, 0, 0, 0, UInt8(chapters.count)]
    for chapter in chapters {
      let start = chapter.start.isFinite && chapter.start > 0 ? UInt64((chapter.start * 10_000_000).rounded()) : 0
      body += MP4BoxBytes.u64(start)
      var title: [UInt8] = []
      for character in chapter.title where title.count + character.utf8.count <= 255 { title += character.utf8 }
      body += [UInt8(title.count)] + title
    }
    return MP4BoxBytes.box("chpl", body)
  }

  /// Where each entry of an `stco` (4 bytes) or `co64` (8 bytes) box starts, and its width.
  private static func entries(of table: MP4BoxBytes, in bytes: [UInt8]) throws(ChapterEmbedder.Refusal) -> [(Int, Int)] {
    let width = table.type == "stco" ? 4 : 8
    let payload = table.payload
    guard payload.count >= 8 else { return [] }
    let count = MP4BoxBytes.bigEndian(bytes[payload.lowerBound + 4..<payload.lowerBound + 8])
    guard count <= (payload.count - 8) / width else {
      throw ChapterEmbedder.Refusal("the MP4 '\(table.type)' box is shorter than its entries; repair the file first")
    }
    return (0..<count).map { (payload.lowerBound + 8 + $0 * width, width) }
  }

  /// Adds `delta` to every chunk offset at or past `end` in the `stco` and `co64` boxes below `range`.
  private static func shiftChunkOffsets(
    _ bytes: inout [UInt8], in range: Range<Int>, after end: Int64, by delta: Int64
  ) throws(ChapterEmbedder.Refusal) {
    guard delta != 0 else { return }
    for child in try MP4BoxBytes.boxes(in: bytes, range) {
      switch child.type {
      case "mdia", "minf", "stbl":
        try shiftChunkOffsets(&bytes, in: child.payload, after: end, by: delta)
      case "stco", "co64":
        for (at, width) in try entries(of: child, in: bytes) {
          let value = Int64(MP4BoxBytes.bigEndian(bytes[at..<at + width]))
          guard value >= end else { continue }
          let (moved, overflow) = value.addingReportingOverflow(delta)
          guard !overflow, moved >= 0, width == 8 || moved <= Int64(UInt32.max) else {
            throw ChapterEmbedder.Refusal("a chunk offset would no longer fit the MP4 'stco' box")
          }
          bytes.replaceSubrange(at..<at + width, with: MP4BoxBytes.u64(UInt64(moved)).suffix(width))
        }
      default: continue
      }
    }
  }
}
