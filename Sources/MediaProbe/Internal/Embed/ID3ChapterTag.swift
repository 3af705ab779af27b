/// An MP3's ID3v2 tag with new `CTOC` and `CHAP` frames (https://id3.org/id3v2-chapters-1.0):
/// the tag's other frames are kept byte for byte, its old chapter frames and padding dropped.
/// A file without a tag gets an ID3v2.3 one, the version most players read.
enum ID3ChapterTag {
  /// The largest tag ID3v2 can describe: its size is 28 bits, 7 in each of 4 bytes
  /// (https://id3.org/id3v2.4.0-structure, 3.1).
  static let maximumSize: Int64 = 0x0FFF_FFFF

  /// Runs of kept frames between old chapter frames. A tag alternating tiny chapter frames and
  /// other frames would otherwise make one range per frame (some 13 million in a tag of 256 MB);
  /// a real tag has one run before its chapters and one after.
  static let maximumRuns = 4096

  static func edit(
    _ chapters: [ChapterEmbedder.Mark], source: FileSplice.Source, header: [UInt8]
  ) throws(ChapterEmbedder.Refusal) -> FileSplice.Edit {
    guard header.count >= 10, header[0] == 0x49, header[1] == 0x44, header[2] == 0x33 else {
      return try edit(range: 0..<0, major: 3, kept: [], keptSize: 0, chapters: chapters)
    }
    let major = header[3]
    guard major == 3 || major == 4 else {
      throw ChapterEmbedder.Refusal("the file's ID3v2.\(major) tag is older than 2.3; save its tags as ID3v2.3 or 2.4 first")
    }
    guard header[5] == 0 else {
      throw ChapterEmbedder.Refusal(
        "the file's ID3 tag uses unsynchronisation, an extended header or a footer; save its tags again without them first")
    }
    // Each size byte holds 7 bits; with the eighth set, the probe (ID3v2Skip) takes the bytes for
    // no tag at all, and a tag written with a size it reads would change what the file is to it.
    guard header[6..<10].allSatisfy({ $0 < 0x80 }) else {
      throw ChapterEmbedder.Refusal("the file's ID3 tag has a size that is not an ID3v2 size (a byte of it above 127); repair the tags first")
    }
    let size = Int64(syncsafe(header[6..<10]))
    guard size <= source.size - 10 else { throw ChapterEmbedder.Refusal("the file's ID3 tag runs past the end of the file") }
    // Frame headers are read a window at a time; the frames kept are copied from the file, never held whole.
    var kept: [Range<Int64>] = []
    var keptSize: Int64 = 0
    var window: [UInt8] = []
    var windowStart: Int64 = 0
    var position: Int64 = 0
    while position + 10 <= size {
      if position < windowStart || position + 10 > windowStart + Int64(window.count) {
        windowStart = position
        window = try source.read(at: 10 + position, count: Int(min(1 << 16, size - position)))
        guard window.count >= 10 else { throw ChapterEmbedder.Refusal("the file's ID3 tag runs past the end of the file") }
      }
      let at = Int(position - windowStart)
      guard window[at] != 0 else { break }  // padding
      let id = String(decoding: window[at..<at + 4], as: UTF8.self)
      let frameSize = Int64(major == 4 ? syncsafe(window[at + 4..<at + 8]) : bigEndian(window[at + 4..<at + 8]))
      let end = position + 10 + frameSize
      guard end <= size else {
        throw ChapterEmbedder.Refusal("the file's ID3 frame \(id) runs past the end of its tag; repair the tags first")
      }
      if id != "CHAP", id != "CTOC" {
        if let last = kept.last, last.upperBound == 10 + position {
          kept[kept.count - 1] = last.lowerBound..<10 + end
        } else {
          guard kept.count < maximumRuns else {
            throw ChapterEmbedder.Refusal(
              "the file's ID3 tag interleaves its old chapter frames with other frames more than \(maximumRuns) times; "
                + "save its tags again (or remove its chapters) first")
          }
          kept.append(10 + position..<10 + end)
        }
        keptSize += end - position
      }
      position = end
    }
    return try edit(range: 0..<10 + size, major: major, kept: kept, keptSize: keptSize, chapters: chapters)
  }

  /// The new tag in place of `range`: the kept frames (ranges of the file) and the chapter frames,
  /// refused when together they are larger than a tag can say.
  private static func edit(
    range: Range<Int64>, major: UInt8, kept: [Range<Int64>], keptSize: Int64, chapters: [ChapterEmbedder.Mark]
  ) throws(ChapterEmbedder.Refusal) -> FileSplice.Edit {
    let frames = chapterFrames(major: major, chapters: chapters)
    let total = keptSize + Int64(frames.count)
    guard total <= maximumSize else {
      throw ChapterEmbedder.Refusal(
        "the ID3 tag with these chapters would hold \(total) bytes, more than the \(maximumSize) an ID3v2 tag can hold; "
          + "make its other frames (such as artwork) smaller first")
    }
    let head = Array("ID3".utf8) + [major, 0, 0] + syncsafeBytes(Int(total))
    return FileSplice.Edit(range: range, pieces: [.bytes(head)] + kept.map { .source($0) } + [.bytes(frames)])
  }

  /// A top-level ordered `CTOC` and a `CHAP` per chapter, each titled by a `TIT2`.
  static func chapterFrames(major: UInt8, chapters: [ChapterEmbedder.Mark]) -> [UInt8] {
    let ids = chapters.indices.map { "chp\($0 + 1)" }
    var toc = Array("toc".utf8) + [0, 0x03, UInt8(chapters.count)]
    for id in ids { toc += Array(id.utf8) + [0] }
    var frames = frame("CTOC", toc, major: major)
    for (id, chapter) in zip(ids, chapters) {
      var body = Array(id.utf8) + [0]
      body += u32(milliseconds(chapter.start)) + u32(milliseconds(max(chapter.end, chapter.start)))
      body += [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]  // no byte offsets: times are used
      body += frame("TIT2", text(chapter.title, major: major), major: major)
      frames += frame("CHAP", body, major: major)
    }
    return frames
  }

  private static func frame(_ id: String, _ body: [UInt8], major: UInt8) -> [UInt8] {
    Array(id.utf8) + (major == 4 ? syncsafeBytes(body.count) : u32(UInt32(body.count))) + [0, 0] + body
  }

  /// A text frame's body: ISO-8859-1 when it can hold the title, else UTF-16 with a byte-order
  /// mark (ID3v2.3 has no UTF-8), or UTF-8 in ID3v2.4.
  private static func text(_ title: String, major: UInt8) -> [UInt8] {
    if title.unicodeScalars.allSatisfy({ $0.value < 0x100 }) {
      return [0] + title.unicodeScalars.map { UInt8($0.value) }
    }
    if major == 4 { return [3] + Array(title.utf8) }
    return [1, 0xFF, 0xFE] + title.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
  }

  private static func milliseconds(_ seconds: Double) -> UInt32 {
    guard seconds.isFinite, seconds > 0 else { return 0 }
    return UInt32(min(seconds * 1000, Double(UInt32.max - 1)).rounded())
  }

  private static func u32(_ value: UInt32) -> [UInt8] { [24, 16, 8, 0].map { UInt8((value >> $0) & 0xFF) } }

  private static func syncsafeBytes(_ value: Int) -> [UInt8] { [21, 14, 7, 0].map { UInt8((value >> $0) & 0x7F) } }

  private static func syncsafe(_ bytes: ArraySlice<UInt8>) -> Int { bytes.reduce(0) { $0 << 7 | Int($1 & 0x7F) } }

  private static func bigEndian(_ bytes: ArraySlice<UInt8>) -> Int { bytes.reduce(0) { $0 << 8 | Int($1) } }
}
