/// An MP3's ID3v2 tag with new `CTOC` and `CHAP` frames (https://id3.org/id3v2-chapters-1.0):
/// the tag's other frames are kept byte for byte, its old chapter frames and padding dropped.
/// A file without a tag gets an ID3v2.3 one, the version most players read.
enum ID3ChapterTag {
  static func edit(
    _ chapters: [ChapterEmbedder.Mark], source: FileSplice.Source, header: [UInt8]
  ) throws(ChapterEmbedder.Refusal) -> FileSplice.Edit {
    guard header.count >= 10, header[0] == 0x49, header[1] == 0x44, header[2] == 0x33 else {
      return FileSplice.Edit(range: 0..<0, bytes: tag(major: 3, kept: [], chapters: chapters))
    }
    let major = header[3]
    guard major == 3 || major == 4 else {
      throw ChapterEmbedder.Refusal("the file's ID3v2.\(major) tag is older than 2.3; save its tags as ID3v2.3 or 2.4 first")
    }
    guard header[5] == 0 else {
      throw ChapterEmbedder.Refusal(
        "the file's ID3 tag uses unsynchronisation, an extended header or a footer; save its tags again without them first")
    }
    let size = syncsafe(header[6..<10])
    let body = try source.read(at: 10, count: size)
    guard body.count == size else { throw ChapterEmbedder.Refusal("the file's ID3 tag runs past the end of the file") }
    var kept: [UInt8] = []
    var position = 0
    while position + 10 <= body.count, body[position] != 0 {
      let id = String(decoding: body[position..<position + 4], as: UTF8.self)
      let frameSize = major == 4 ? syncsafe(body[position + 4..<position + 8]) : bigEndian(body[position + 4..<position + 8])
      let end = position + 10 + frameSize
      guard frameSize >= 0, end <= body.count else {
        throw ChapterEmbedder.Refusal("the file's ID3 frame \(id) runs past the end of its tag; repair the tags first")
      }
      if id != "CHAP", id != "CTOC" { kept += body[position..<end] }
      position = end
    }
    return FileSplice.Edit(range: 0..<Int64(10 + size), bytes: tag(major: major, kept: kept, chapters: chapters))
  }

  /// The tag: header, the kept frames, a top-level ordered `CTOC` and a `CHAP` per chapter.
  static func tag(major: UInt8, kept: [UInt8], chapters: [ChapterEmbedder.Mark]) -> [UInt8] {
    let ids = chapters.indices.map { "chp\($0 + 1)" }
    var toc = Array("toc".utf8) + [0, 0x03, UInt8(chapters.count)]
    for id in ids { toc += Array(id.utf8) + [0] }
    var frames = kept + frame("CTOC", toc, major: major)
    for (id, chapter) in zip(ids, chapters) {
      var body = Array(id.utf8) + [0]
      body += u32(milliseconds(chapter.start)) + u32(milliseconds(max(chapter.end, chapter.start)))
      body += [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]  // no byte offsets: times are used
      body += frame("TIT2", text(chapter.title, major: major), major: major)
      frames += frame("CHAP", body, major: major)
    }
    return Array("ID3".utf8) + [major, 0, 0] + syncsafeBytes(frames.count) + frames
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
