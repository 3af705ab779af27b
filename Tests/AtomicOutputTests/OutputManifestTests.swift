@testable import AtomicOutput
import Foundation
import Testing

/// The manifest is written and read straight when no path needs an escape, and must be the bytes
/// `JSONEncoder` gives it, which older Podiums read with `JSONDecoder`.
@Suite struct OutputManifestTests {
  struct Contents: Codable {
    var version = 1
    var files: [String]
  }

  static func encoderBytes(_ paths: [String]) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(Contents(files: Array(Set(paths + [OutputManifest.path])).sorted()))
    data.append(0x0A)
    return data
  }

  @Test(arguments: [
    ["feeds.opml", "a/feed.xml", "a/chapters/2024-01-01-een.json"],
    ["é/ü.json", "日本/feed.xml", "a b/c~d.json", "a/\u{2028}x", "a/\u{7F}.json"],
    ["a/\"quoted\".json"], ["a/back\\slash"], ["a/tab\there"], ["a/line\nbreak"], ["a/\u{1}"],
    [] as [String],
  ])
  func writesWhatJSONEncoderWritesAndReadsItBack(_ paths: [String]) throws {
    let data = try OutputManifest.encode(paths)
    #expect(data == (try Self.encoderBytes(paths)))
    let listed = Set(paths + [OutputManifest.path])
    #expect(OutputManifest.decode(data) == listed)
    #expect(Set(try JSONDecoder().decode(Contents.self, from: data).files) == listed)
    // Paths that need no escape are written and read without the encoder and decoder.
    let plain = !paths.joined().utf8.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }
    #expect((OutputManifest.plainFiles(data) != nil) == plain)
  }

  /// Anything not exactly as written is read by `JSONDecoder`, as before: the same files, or none.
  @Test(arguments: [
    ("{\"files\":[\"a/b\",\".podium/manifest.json\"],\"version\":1}", nil),
    ("{\n  \"files\" : [\n    \"a\",\n  ],\n  \"version\" : 1\n}\n", nil),
    ("{\n  \"files\" : [\n    \"a\"\n    \"b\"\n  ],\n  \"version\" : 1\n}\n", nil),
    ("{\n  \"files\" : [\n    \"a\n\"\n  ],\n  \"version\" : 1\n}\n", nil),
    ("{\n  \"files\" : [\n    \"\"\n  ],\n  \"version\" : 1\n}\n", nil),
    ("{\n  \"files\" : [\n\n  ],\n  \"version\" : 1\n}\n", nil),
    ("{\n  \"files\" : [\n    \"a\",\n    \"b/c\"\n  ],\n  \"version\" : 1\n}\n", ["a", "b/c"]),
  ] as [(String, [String]?)])
  func otherBytesAreLeftToJSONDecoder(_ text: String, _ plain: [String]?) {
    let data = Data(text.utf8)
    #expect(OutputManifest.plainFiles(data) == plain)
    #expect(OutputManifest.decode(data) == (try? JSONDecoder().decode(Contents.self, from: data)).map { Set($0.files) })
  }
}
