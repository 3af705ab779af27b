import Catalogue
import FeedWriter
import Foundation
import Testing

/// Chapters files are written by hand (JSONTextWriter); they must be byte for byte what
/// `JSONEncoder` wrote from their `Encodable` form before, which this suite keeps as the oracle.
struct ChaptersWriterTests {
  /// The chapters file as it was encoded before: the oracle.
  private struct EncodedFile: Encodable {
    struct Entry: Encodable {
      var startTime: Double
      var title: String
      var url: String?
      var img: String?
      var toc: Bool?
    }

    var version: String
    var title: String
    var podcastName: String
    var chapters: [Entry]
  }

  private static func encoded(_ episode: Episode, show: Show) throws -> Data {
    let file = EncodedFile(
      version: "1.2.0", title: episode.title, podcastName: show.title,
      chapters: episode.chapters.map {
        EncodedFile.Entry(startTime: $0.start, title: $0.title, url: $0.url, img: $0.img, toc: $0.toc ? nil : false)
      })
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(file)
    data.append(0x0A)
    return data
  }

  static let hostile = [
    "", "Begin", "a/b https://x.test/c?d=e&f#g", "quote \" and \\ backslash",
    "\u{0}\u{1}\u{8}\u{9}\u{A}\u{B}\u{C}\u{D}\u{1B}\u{1F}\u{7F}", "é e\u{301} \u{2028}\u{2029} \u{FFFD} 😀 ＡＢ ﬀ",
    "</script><!-- ]]> &amp; <b>", "\u{FEFF}bom", String(repeating: "lang ", count: 200),
  ]

  static let starts: [Double] = [
    0, -0.0, 1, 60, 59.5, 0.1, 0.3, 1.0 / 3, 2.5e-7, 1e-300, 123_456.789, 3599.999, 86_400,
    9_007_199_254_740_992, 1e15, 1e16, 1.5e16, 1e21, 1.7976931348623157e308, 5e-324, -12.25,
  ]

  private static func show(title: String) -> Show {
    Show(slug: "s", file: "s/show.yaml", title: title, description: "", language: "nl", artwork: .local(path: "a.jpg"), author: "")
  }

  private static func episode(title: String, chapters: [Chapter]) -> Episode {
    var episode = Episode(
      file: "s/2024-01-01-e.md", slug: "e", title: title, date: Timestamp(seconds: 0, offset: 0), guid: "g", media: nil)
    episode.chapters = chapters
    return episode
  }

  @Test(arguments: hostile.indices)
  func sameBytesAsJSONEncoderForText(index: Int) throws {
    let text = Self.hostile[index]
    let other = Self.hostile[(index + 1) % Self.hostile.count]
    let chapters = [
      Chapter(start: 0, title: text),
      Chapter(start: 1, title: other, url: text, img: other, toc: false),
      Chapter(start: 2, title: text, url: nil, img: text, toc: true),
      Chapter(start: 3, title: other, url: other, img: nil, toc: false),
    ]
    let episode = Self.episode(title: text, chapters: chapters)
    let show = Self.show(title: other)
    #expect(try ChaptersWriter.write(episode, show: show) == Self.encoded(episode, show: show))
  }

  @Test(arguments: starts)
  func sameBytesAsJSONEncoderForNumbers(start: Double) throws {
    let episode = Self.episode(title: "t", chapters: [Chapter(start: start, title: "c"), Chapter(start: -start, title: "d")])
    let show = Self.show(title: "p")
    #expect(try ChaptersWriter.write(episode, show: show) == Self.encoded(episode, show: show))
  }

  /// SplitMix64, seeded: the same numbers every run, so a failure can be repeated.
  private struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var value = state
      value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
      value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
      return value ^ (value >> 31)
    }
  }

  @Test func sameBytesAsJSONEncoderForRandomNumbers() throws {
    var generator = SeededGenerator(state: 2026_12_07)
    let show = Self.show(title: "p")
    for _ in 0..<2_000 {
      let start = Double(bitPattern: generator.next() & 0x7FEF_FFFF_FFFF_FFFF)
      let rounded = (Double.random(in: 0..<100_000, using: &generator) * 1000).rounded() / 1000
      let episode = Self.episode(title: "t", chapters: [Chapter(start: start, title: "a"), Chapter(start: rounded, title: "b")])
      #expect(try ChaptersWriter.write(episode, show: show) == Self.encoded(episode, show: show))
    }
  }

  @Test func noChaptersIsAnEmptyArray() throws {
    let episode = Self.episode(title: "t", chapters: [])
    let show = Self.show(title: "p")
    #expect(try ChaptersWriter.write(episode, show: show) == Self.encoded(episode, show: show))
  }

  @Test(arguments: [Double.nan, .infinity, -.infinity])
  func aNumberJSONCannotHoldThrows(start: Double) {
    let episode = Self.episode(title: "t", chapters: [Chapter(start: start, title: "c")])
    #expect(throws: EncodingError.self) { try ChaptersWriter.write(episode, show: Self.show(title: "p")) }
  }
}
