import Foundation
import Publisher
import Testing

/// The publication record is written by hand, as it goes (RecordJSON); it must be byte for byte
/// what `JSONEncoder` wrote before, or a rebuild over an older output would change it.
struct RecordJSONTests {
  static let hostile = [
    "", "gewoon", "a/b", "quote \" and \\ backslash", "\u{0}\u{1}\u{8}\u{9}\u{A}\u{C}\u{D}\u{1F}\u{7F}",
    "é e\u{301} \u{2028} \u{FFFD} 😀", "10", "9", "A", "a", "_", "ＡＢ", "ﬀ",
  ]

  static let records: [PublicationRecord] = [
    PublicationRecord(),
    PublicationRecord(shows: ["leeg": .init(podcastGUID: "g", feedURL: "https://x.test/feed.xml")]),
    PublicationRecord(
      version: 3,
      shows: Dictionary(
        uniqueKeysWithValues: hostile.enumerated().map { index, text in
          (
            "show\(text)\(index)",
            PublicationRecord.ShowRecord(
              podcastGUID: text, feedURL: "https://x.test/\(text)",
              episodes: Dictionary(
                uniqueKeysWithValues: hostile.enumerated().map { other, key in
                  ("\(key)-\(other)", PublicationRecord.EpisodeRecord(
                    file: "\(text)/\(key).md", enclosure: other % 3 == 0 ? nil : key, date: text))
                }),
              liveItems: index % 2 == 0 ? nil : Dictionary(
                uniqueKeysWithValues: hostile.enumerated().map { other, key in
                  ("\(key)-\(other)", PublicationRecord.LiveItemRecord(title: key, stream: "https://x.test/\(text)", start: text))
                }))
          )
        })),
  ]

  @Test(arguments: records)
  func sameBytesAsJSONEncoder(record: PublicationRecord) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var expected = try encoder.encode(record)
    expected.append(0x0A)
    let written = try record.encoded()
    #expect(String(decoding: written, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
    #expect(written == expected)
    #expect(try PublicationRecord.decode(written) == record)
  }
}
