@testable import MediaProbe
import Testing

/// ID3v2.2/2.3/2.4, ID3v1 and APE tags built in memory, each in front of (or behind) ten frames.
@Suite struct MP3TagTests {
  static let audio = MP3Bytes.frames(10)
  static let audioSeconds = MP3Bytes.seconds(frames: 10)

  static func probe(_ bytes: [UInt8]) -> MediaInfo {
    MediaProbe().probe(bytes: bytes, name: "tagged.mp3")
  }

  /// The first 33 bytes of a PNG: signature and IHDR.
  static func png(width: Int, height: Int) -> [UInt8] {
    [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + MP3Bytes.be32(13) + Array("IHDR".utf8)
      + MP3Bytes.be32(width) + MP3Bytes.be32(height) + [8, 2, 0, 0, 0] + [0, 0, 0, 0]
  }

  /// A JPEG with an APP0 segment, a quantisation table and a SOF0 segment.
  static func jpeg(width: Int, height: Int) -> [UInt8] {
    let app0: [UInt8] = [0xFF, 0xE0, 0, 16] + Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0]
    let dqt: [UInt8] = [0xFF, 0xDB, 0, 67, 0] + [UInt8](repeating: 1, count: 64)
    let sof: [UInt8] = [0xFF, 0xC2, 0, 17, 8, UInt8(height >> 8), UInt8(height & 0xFF), UInt8(width >> 8),
      UInt8(width & 0xFF), 3] + [UInt8](repeating: 0, count: 9)
    return [0xFF, 0xD8] + app0 + dqt + sof + [0xFF, 0xDA, 0, 2, 0xFF, 0xD9]
  }

  @Test func readsID3v22() {
    let picture: [UInt8] = [0] + Array("PNG".utf8) + [3] + Array("cover".utf8) + [0] + Self.png(width: 300, height: 200)
    let comment: [UInt8] = [0] + Array("eng".utf8) + [0] + Array("Old comment".utf8)
    let body =
      MP3Bytes.text("TT2", "Two two", major: 2) + MP3Bytes.text("TP1", "Artist", major: 2)
      + MP3Bytes.text("TAL", "Album", major: 2) + MP3Bytes.text("TYE", "1999", major: 2)
      + MP3Bytes.id3Frame("COM", comment, major: 2) + MP3Bytes.id3Frame("PIC", picture, major: 2)
    let info = Self.probe(MP3Bytes.id3v2(major: 2, body: body, padding: 100) + Self.audio)
    #expect(
      info.tags == ["title": "Two two", "artist": "Artist", "album": "Album", "date": "1999", "comment": "Old comment"])
    #expect(info.artwork == [EmbeddedArtwork(mimeType: "image/png", width: 300, height: 200, size: 33)])
    #expect(info.duration == Self.audioSeconds)
    #expect(info.findings.isEmpty, "\(info.findings)")
  }

  /// ID3v2.3 unsynchronises the whole tag, extended header included: "ÿà" in ISO-8859-1 is 0xFF 0xE0,
  /// a false frame sync, stored as 0xFF 0x00 0xE0.
  @Test func readsWholeTagUnsynchronisationAndExtendedHeaderInID3v23() {
    let extendedHeader = MP3Bytes.be32(6) + [0, 0, 0, 0, 0, 0]
    let frames = MP3Bytes.text("TIT2", "ÿàtest") + MP3Bytes.text("TPE1", "Artist")
    let body = MP3Bytes.unsynchronise(extendedHeader + frames)
    #expect(body.count > extendedHeader.count + frames.count)
    let info = Self.probe(MP3Bytes.id3v2(major: 3, flags: 0xC0, body: body) + Self.audio)
    #expect(info.tags == ["title": "ÿàtest", "artist": "Artist"])
    #expect(info.duration == Self.audioSeconds)
    #expect(info.findings.isEmpty, "\(info.findings)")
  }

  /// ID3v2.4 unsynchronises frame by frame, with a data length indicator, and has a footer.
  @Test func readsPerFrameUnsynchronisationExtendedHeaderAndFooterInID3v24() {
    let data: [UInt8] = [0, 0xFF, 0xE0] + Array("x".utf8)
    let title = MP3Bytes.id3Frame("TIT2", MP3Bytes.syncsafe(data.count) + MP3Bytes.unsynchronise(data), major: 4, flags: 0x03)
    let extendedHeader = MP3Bytes.syncsafe(6) + [1, 0]
    let body = extendedHeader + title + MP3Bytes.text("TALB", "Album", major: 4, encoding: 3)
    let info = Self.probe(MP3Bytes.id3v2(major: 4, flags: 0x50, body: body) + Self.audio)
    #expect(info.tags == ["title": "ÿàx", "album": "Album"])
    #expect(info.duration == Self.audioSeconds)
    #expect(info.findings.isEmpty, "\(info.findings)")
  }

  struct Encoded: Sendable, CustomStringConvertible {
    var name: String
    var encoding: UInt8
    var bytes: [UInt8]
    var expected: String
    var description: String { name }
  }

  static let unicode = "Ünïcode ☕ title"

  @Test(arguments: [
    Encoded(name: "ISO-8859-1", encoding: 0, bytes: [0x43, 0x61, 0x66, 0xE9], expected: "Café"),
    Encoded(
      name: "UTF-16 LE with BOM", encoding: 1, bytes: MP3Bytes.utf16(unicode, bigEndian: false, bom: true), expected: unicode),
    Encoded(
      name: "UTF-16 BE with BOM", encoding: 1, bytes: MP3Bytes.utf16(unicode, bigEndian: true, bom: true), expected: unicode),
    Encoded(
      name: "UTF-16 without BOM", encoding: 1, bytes: MP3Bytes.utf16(unicode, bigEndian: false, bom: false),
      expected: unicode),
    Encoded(name: "UTF-16BE", encoding: 2, bytes: MP3Bytes.utf16(unicode, bigEndian: true, bom: false), expected: unicode),
    Encoded(name: "UTF-8", encoding: 3, bytes: Array(unicode.utf8), expected: unicode),
    Encoded(name: "UTF-8, null-terminated", encoding: 3, bytes: Array("Done".utf8) + [0], expected: "Done"),
    Encoded(name: "two UTF-8 values", encoding: 3, bytes: Array("One".utf8) + [0] + Array("Two".utf8), expected: "One / Two"),
    Encoded(
      name: "two UTF-16 values", encoding: 1,
      bytes: MP3Bytes.utf16("One", bigEndian: false, bom: true) + [0, 0] + MP3Bytes.utf16("Two", bigEndian: true, bom: true),
      expected: "One / Two"),
  ])
  func decodesTextEncodings(_ text: Encoded) {
    let frame = MP3Bytes.id3Frame("TIT2", [text.encoding] + text.bytes, major: 4)
    let info = Self.probe(MP3Bytes.id3v2(major: 4, body: frame) + Self.audio)
    #expect(info.tags["title"] == text.expected)
  }

  @Test func skipsCompressedAndEncryptedFrames() {
    let compressed = MP3Bytes.id3Frame("TIT2", MP3Bytes.be32(100) + [0x78, 0x9C, 1, 2, 3], flags: 0x80)
    let encrypted = MP3Bytes.id3Frame("TPE1", [0x81, 9, 9, 9], flags: 0x40)
    let compressed24 = MP3Bytes.id3Frame("TIT2", MP3Bytes.syncsafe(50) + [0x78, 0x9C, 1], major: 4, flags: 0x09)
    let v23 = Self.probe(MP3Bytes.id3v2(major: 3, body: compressed + encrypted + MP3Bytes.text("TALB", "Album")) + Self.audio)
    #expect(v23.tags == ["album": "Album"])
    let v24 = Self.probe(MP3Bytes.id3v2(major: 4, body: compressed24 + MP3Bytes.text("TALB", "Album", major: 4)) + Self.audio)
    #expect(v24.tags == ["album": "Album"])
    #expect(v23.findings.isEmpty && v24.findings.isEmpty)
  }

  /// iTunes wrote ID3v2.4 frame sizes as plain numbers; 256 read as syncsafe is 128.
  @Test(arguments: [200, 256])
  func acceptsPlainFrameSizesInID3v24(_ size: Int) {
    let comment: [UInt8] = [0] + Array("eng".utf8) + [0] + [UInt8](repeating: 0x61, count: size - 5)
    let plain = Array("COMM".utf8) + MP3Bytes.be32(size) + [0, 0] + comment
    let body = plain + MP3Bytes.text("TPE1", "After", major: 4)
    let info = Self.probe(MP3Bytes.id3v2(major: 4, body: body) + Self.audio)
    #expect(info.tags["artist"] == "After")
    #expect(info.tags["comment"]?.count == size - 5)
    #expect(info.findings.isEmpty, "\(info.findings)")
  }

  @Test func prefersTheCommentWithoutDescription() {
    func comment(_ description: String, _ text: String) -> [UInt8] {
      MP3Bytes.id3Frame("COMM", [0] + Array("eng".utf8) + Array(description.utf8) + [0] + Array(text.utf8))
    }
    let both = comment("iTunNORM", " 0000 0000") + comment("Other", "Described") + comment("", "Plain")
    #expect(Self.probe(MP3Bytes.id3v2(major: 3, body: both) + Self.audio).tags["comment"] == "Plain")
    let described = comment("iTunNORM", " 0000 0000") + comment("Other", "Described")
    #expect(Self.probe(MP3Bytes.id3v2(major: 3, body: described) + Self.audio).tags["comment"] == "Described")
  }

  @Test func readsPicturesWithTheirRealFormatAndSize() {
    let jpeg = Self.jpeg(width: 1400, height: 1400)
    // Declared as PNG: the bytes say JPEG, and the bytes win.
    let apic: [UInt8] = [3] + Array("image/png".utf8) + [0, 3] + Array("Cover ☕".utf8) + [0] + jpeg
    let info = Self.probe(MP3Bytes.id3v2(major: 4, body: MP3Bytes.id3Frame("APIC", apic, major: 4)) + Self.audio)
    #expect(info.artwork == [EmbeddedArtwork(mimeType: "image/jpeg", width: 1400, height: 1400, size: jpeg.count)])
  }

  @Test func ordersChaptersByTheTableOfContents() {
    let chapters =
      MP3Bytes.chapter("ch2", start: 10_000, end: 20_000, title: "Second")
      + MP3Bytes.chapter("ch1", start: 0, end: 10_000, title: "First")
      + MP3Bytes.chapter("extra", start: 5_000, end: 6_000, title: "Not listed")
      + MP3Bytes.chapter("ch3", start: 20_000, end: 30_000, title: "Third")
    let listed = Self.probe(
      MP3Bytes.id3v2(major: 4, body: MP3Bytes.tableOfContents(["ch1", "ch3", "ch2"]) + chapters) + Self.audio)
    #expect(listed.chapters.map(\.title) == ["First", "Third", "Second", "Not listed"])
    #expect(listed.chapters.first == MediaChapter(start: 0, end: 10, title: "First"))
    let unlisted = Self.probe(MP3Bytes.id3v2(major: 4, body: chapters) + Self.audio)
    #expect(unlisted.chapters.map(\.title) == ["First", "Not listed", "Second", "Third"])
  }

  @Test func chapterEndingBeforeItStartsIsReported() {
    let info = Self.probe(
      MP3Bytes.id3v2(major: 3, body: MP3Bytes.chapter("c", start: 5_000, end: 1_000, title: "Backwards", major: 3))
        + Self.audio)
    #expect(info.chapters.count == 1)
    #expect(info.findings.map(\.ruleID) == ["PROBE-MALFORMED"])
    #expect(info.findings.first?.message.contains("\"Backwards\"") == true)
  }

  @Test func apeAndID3v1FillWhatIsMissingAndAreNotAudio() {
    let bytes = Self.audio + MP3Bytes.ape([("Title", "APE title"), ("Year", "2001")])
      + MP3Bytes.id3v1(title: "v1 title", artist: "v1 artist")
    let info = Self.probe(bytes)
    #expect(info.tags == ["title": "APE title", "date": "2001", "artist": "v1 artist"])
    #expect(info.duration == Self.audioSeconds)
    #expect(info.findings.isEmpty, "\(info.findings)")
  }

  @Test func id3v2TitleWinsOverAPEAndID3v1() {
    let bytes = MP3Bytes.id3v2(major: 3, body: MP3Bytes.text("TIT2", "v2 title")) + Self.audio
      + MP3Bytes.ape([("Title", "APE title")]) + MP3Bytes.id3v1(title: "v1 title")
    #expect(Self.probe(bytes).tags["title"] == "v2 title")
  }

  @Test func apeAtTheVeryEndAndID3v1Alone() {
    let ape = Self.probe(Self.audio + MP3Bytes.ape([("TITLE", "Only APE")]))
    #expect(ape.tags == ["title": "Only APE"])
    #expect(ape.findings.isEmpty, "\(ape.findings)")
    let v1 = Self.probe(Self.audio + MP3Bytes.id3v1(title: "Only v1"))
    #expect(v1.tags == ["title": "Only v1"])
    #expect(v1.duration == Self.audioSeconds)
    #expect(v1.findings.isEmpty, "\(v1.findings)")
  }

  @Test func appendedID3v24TagWithFooterAndLyrics3AreNotAudio() {
    let lyrics = Array("LYRICSBEGIN".utf8) + Array("LYR00005hello".utf8) + Array("000024LYRICS200".utf8)
    let appended = MP3Bytes.id3v2(major: 4, flags: 0x10, body: MP3Bytes.text("TIT2", "Appended", major: 4))
    let info = Self.probe(Self.audio + lyrics + appended + MP3Bytes.id3v1(title: "v1"))
    #expect(info.tags["title"] == "Appended")
    #expect(info.duration == Self.audioSeconds)
    #expect(info.findings.isEmpty, "\(info.findings)")
  }

  @Test func readsEveryLeadingTagFirstOneWinning() {
    let first = MP3Bytes.id3v2(major: 3, body: MP3Bytes.text("TIT2", "First"))
    let second = MP3Bytes.id3v2(major: 4, body: MP3Bytes.text("TIT2", "Second", major: 4) + MP3Bytes.text("TPE1", "Artist", major: 4))
    let info = Self.probe(first + second + Self.audio)
    #expect(info.tags == ["title": "First", "artist": "Artist"])
    #expect(info.duration == Self.audioSeconds)
  }

  @Test func unsynchronisationDecoding() {
    #expect(ID3Unsynchronisation.decode([0xFF, 0x00, 0x00, 0xFF, 0x00, 0xE0, 0x00][...]) == [0xFF, 0x00, 0xFF, 0xE0, 0x00])
    #expect(ID3Unsynchronisation.decode(MP3Bytes.unsynchronise([0xFF, 0xFF, 0x00, 0xFF])[...]) == [0xFF, 0xFF, 0x00, 0xFF])
  }
}
