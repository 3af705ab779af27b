import Catalogue
import Diagnostics
import Foundation
import MediaProbe
import Identifiers
import PodiumTestSupport
import Testing

@testable import Publisher

/// The build cache's binary form gives back exactly the values it was given, and refuses damaged
/// bytes with an error, never a crash.
@Suite struct CacheCodingTests {
  /// Every episode of the campaign catalogue, as loaded, with its findings.
  static func readings() throws -> [EpisodeReading] {
    let loaded = CatalogueLoader(root: CampaignCatalogueTests.repository.appendingPathComponent("episodes")).load()
    let catalogue = try #require(loaded.catalogue)
    return catalogue.shows.flatMap(\.episodes).map {
      EpisodeReading(episode: $0, findings: loaded.findings.filter { $0.location?.file != nil }, reusable: true)
    }
  }

  @Test func episodesRoundTripExactly() throws {
    let readings = try Self.readings()
    #expect(readings.count > 3)
    for reading in readings {
      let bytes = try CacheEncoder.encode(reading)
      let back = try CacheDecoder.decode(EpisodeReading.self, from: bytes)
      #expect(back.episode == reading.episode)
      #expect(back.findings == reading.findings)
      #expect(back.reusable == reading.reusable)
    }
  }

  /// Episodes set as a catalogue rarely sets them, each from the campaign's first: nils where
  /// it has values and values where it has nils, notes held in place of their source.
  static func variants(of episode: Episode) -> [Episode] {
    var bare = episode
    (bare.season, bare.number, bare.explicit, bare.summary, bare.link, bare.artwork) = (nil, nil, nil, nil, nil, nil)
    (bare.chapters, bare.themes, bare.tags, bare.transcripts) = ([], [], [], [])
    bare.media = nil
    var full = episode
    (full.season, full.number, full.explicit, full.type) = (3, 12, false, .bonus)
    (full.summary, full.link, full.guidIsPermaLink, full.block, full.draft) = ("Kort", "https://podium.test/a", true, true, true)
    full.artwork = .local(path: "art/één.jpg")
    full.media = Enclosure(reference: .local(path: "media/a.mp3"), length: 12, type: "audio/mpeg", duration: 61)
    full.media?.integrity = "sha384-abc"
    full.chapters = [
      Chapter(start: 0, title: "Begin"),
      Chapter(start: 1.5, title: "Twee", url: "https://podium.test/c", img: "c.jpg", toc: false, line: 9, origin: .media),
    ]
    full.transcripts = [Transcript(file: "t.vtt", type: "text/vtt", language: "nl", rel: "captions", line: 4)]
    full.persons = [Person(name: "An", img: "https://podium.test/an.jpg")]
    full.location = Location(name: "Gent", geo: "geo:51.05,3.72")
    full.notes = "Notities in code"
    full.notesLine = 14
    full.lines = ["guid": 3, "media.url": 9]
    // The rare fields too: a decoder that drops one must fail here (`everyFieldIsSetInAVariant`).
    full.external = ExternalVideo(provider: .vimeo, id: "76979871", hash: "8272103f6e", duration: 62)
    full.alternates = [AlternateEnclosure(reference: .remote(url: "https://podium.test/a.opus"), type: "audio/opus", length: 9)]
    full.poster = Poster(reference: .local(path: "posters/a.jpg"), width: 640, height: 360, type: "image/jpeg")
    full.license = License(name: "CC-BY-4.0", url: "https://creativecommons.org/licenses/by/4.0/")
    full.funding = [Funding(url: "https://podium.test/steun", text: "Steun ons")]
    full.podcasting.soundbites = [Soundbite(start: 3, duration: 20, title: "Fragment", line: 7)]
    return [bare, full]
  }

  /// Every key an episode is encoded with holds a value other than a new episode's in the campaign
  /// episode or one of its variants: a field added to `Episode` must be set above, where
  /// ``EpisodeDecoder`` is compared with `Codable`.
  @Test func everyFieldIsSetInAVariant() throws {
    let first = try #require(try Self.readings().first?.episode)
    let variants = Self.variants(of: first)
    func fields(_ episode: Episode) throws -> [String: [UInt8]] {
      let bytes = try CacheEncoder.encode(episode)
      return try bytes.withUnsafeBytes { raw in
        let value = CacheDecoder.Value(base: raw.baseAddress!, count: raw.count)
        var cursor = CacheDecoder.Cursor(base: value.base, offset: 0, end: value.count)
        var fields: [String: [UInt8]] = [:]
        for _ in 0..<(try cursor.number()) {
          let name = try cursor.take(try cursor.number())
          let key = String(decoding: UnsafeRawBufferPointer(start: name.base, count: name.count), as: UTF8.self)
          let field = try cursor.value()
          fields[key] = field.isNil ? [] : Array(UnsafeRawBufferPointer(start: field.base, count: field.count))
        }
        return fields
      }
    }
    let blank = try fields(Episode(file: "", slug: "", title: "", date: Timestamp(seconds: 0, offset: 0), guid: "", media: nil))
    let compared = [try fields(first), try fields(variants[0]), try fields(variants[1])]
    #expect(blank.count > 30)
    for key in blank.keys.sorted() {
      #expect(compared.contains { $0[key] != blank[key] }, "\(key) is not set in any episode compared")
    }
  }

  /// ``EpisodeDecoder`` reads every campaign episode, and the variants above, itself, and gives
  /// exactly what `Codable` gives; a reading without an episode too.
  @Test func episodeDecoderGivesWhatCodableGives() throws {
    var readings = try Self.readings()
    let first = try #require(readings.first?.episode)
    readings += Self.variants(of: first).map { EpisodeReading(episode: $0, findings: [], reusable: true) }
    readings.append(EpisodeReading(episode: nil, findings: readings[0].findings, reusable: false))
    for reading in readings {
      let bytes = try CacheEncoder.encode(reading)
      let generic = try CacheDecoder.decode(EpisodeReading.self, from: bytes)
      let fast = try #require(EpisodeDecoder.fastReading(from: bytes))
      #expect(fast.episode == generic.episode)
      #expect(fast.episode == reading.episode)
      #expect(fast.findings == generic.findings)
      #expect(fast.reusable == generic.reusable)
      // Equal strings may differ in bytes (Unicode equivalence): the fields are the bytes written
      // (a probed file's tags too, written in key order).
      #expect(try CacheEncoder.encode(fast) == bytes)
    }
  }

  struct Values: Codable, Equatable {
    var optional: Int?
    var absent: String?
    var list: [Int?]
    var nested: [String: [Double]]
    var bytes: [UInt8]
    var data: Data
    var unsigned: UInt64
    var negative: Int8
    var empty: [String]
  }

  @Test func optionalsListsAndNumbersRoundTrip() throws {
    let value = Values(
      optional: 7, absent: nil, list: [1, nil, -3], nested: ["a": [1.5, -0.0], "": []], bytes: [0, 255, 7],
      data: Data([1, 2]), unsigned: .max, negative: -128, empty: [])
    #expect(try CacheDecoder.decode(Values.self, from: CacheEncoder.encode(value)) == value)
  }

  struct Written: Codable {
    var first: String
    var second: Int
    var third: [String]
  }

  /// Asks for the keys in another order than they were written, and for keys that aren't there.
  struct Asked: Decodable, Equatable {
    var third: [String]
    var missing: Int?
    var first: String
    var second: Int

    enum CodingKeys: String, CodingKey { case first, second, third, missing }

    init(third: [String], missing: Int?, first: String, second: Int) {
      (self.third, self.missing, self.first, self.second) = (third, missing, first, second)
    }

    init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      third = try container.decode([String].self, forKey: .third)
      missing = try container.decodeIfPresent(Int.self, forKey: .missing)
      #expect(!container.contains(.missing))
      first = try container.decode(String.self, forKey: .first)
      second = try container.decode(Int.self, forKey: .second)
      #expect(container.allKeys == [.first, .second, .third])
      #expect(throws: DecodingError.self) { try container.decode(Int.self, forKey: .missing) }
    }
  }

  /// A probed file's tags, one dictionary holding them in another order than the other (its
  /// capacity differs), encode to the same bytes, which decode to the same tags.
  @Test func aDictionaryOfStringsIsWrittenInKeyOrder() throws {
    let pairs = (0..<40).map { ("tag\($0)", "value \($0)") }
    var small = MediaInfo(path: "a.mp3", size: 1), large = small
    small.tags = Dictionary(uniqueKeysWithValues: pairs)
    large.tags.reserveCapacity(4096)
    for (key, value) in pairs.reversed() { large.tags[key] = value }
    #expect(Array(small.tags.keys) != Array(large.tags.keys), "the two dictionaries must differ in order for this test to say anything")
    let bytes = try CacheEncoder.encode(small)
    #expect(try CacheEncoder.encode(large) == bytes)
    #expect(try CacheDecoder.decode(MediaInfo.self, from: bytes) == small)
  }

  @Test func keysAreFoundInAnyOrder() throws {
    let bytes = try CacheEncoder.encode(Written(first: "een", second: -2, third: ["a", "", "drie"]))
    #expect(try CacheDecoder.decode(Asked.self, from: bytes) == Asked(third: ["a", "", "drie"], missing: nil, first: "een", second: -2))
  }

  @Test func damagedBytesAreAnErrorNotACrash() throws {
    let reading = try #require(try Self.readings().first)
    let bytes = try CacheEncoder.encode(reading)
    for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 97)) {
      #expect(throws: (any Error).self) { try CacheDecoder.decode(EpisodeReading.self, from: Array(bytes[..<cut])) }
    }
    var flipped = bytes
    for index in stride(from: 0, to: flipped.count, by: 13) { flipped[index] ^= 0x5A }
    _ = try? CacheDecoder.decode(EpisodeReading.self, from: flipped)
    for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 97)) {
      #expect(throws: (any Error).self) { try EpisodeDecoder.reading(from: Array(bytes[..<cut])) }
    }
    _ = try? EpisodeDecoder.reading(from: flipped)
  }

  /// A value with every shape the form has: nils in each place, an enum with associated values
  /// (a nested container), lengths and counts past one and two bytes of LEB128, bytes as one value.
  struct Shapes: Codable, Equatable {
    struct Empty: Codable, Equatable {}
    var reference: MediaReference
    var references: [MediaReference?]
    var absent: Int?
    var flag: Bool
    var number: Double
    var long: String
    var huge: String
    var many: [Int]
    var bytes: [UInt8]
    var data: Data
    var empty: Empty
    var nested: [[String]]
  }

  static let shapes = Shapes(
    reference: .local(path: "media/een.mp3"), references: [.remote(url: "https://podium.test/a.mp3"), nil],
    absent: nil, flag: true, number: -2.5, long: String(repeating: "ab", count: 100),
    huge: String(repeating: "xyz", count: 7000), many: Array(0..<130), bytes: [0, 1, 255], data: Data([9, 8]),
    empty: Shapes.Empty(), nested: [[], ["één"]])

  /// The bytes are the form's, not only a round trip: a cache written by an earlier Podium of the
  /// same format reads the same.
  @Test func bytesAreTheFormats() throws {
    let bytes = try CacheEncoder.encode(Self.shapes)
    #expect(ContentDigest.hex(ContentDigest.sha256(bytes)) == "d9582aa73aa19349c2dfc1a324fc6e3a90f3c2b7b60a30dfc2907efd43d38037")
    #expect(bytes.count == 22714)
    #expect(try CacheDecoder.decode(Shapes.self, from: bytes) == Self.shapes)
    #expect(try CacheEncoder.encode(Optional<Int>.none) == [])
    #expect(try CacheEncoder.encode([UInt8]([1, 2])) == [1, 2])
  }

  /// Writes to a container made before another one it then writes to again: the encoder writes
  /// as it goes, so this is refused rather than written wrong.
  struct Interleaved: Encodable {
    enum Keys: String, CodingKey { case first, second, value }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: Keys.self)
      var first = container.nestedContainer(keyedBy: Keys.self, forKey: .first)
      var second = container.nestedContainer(keyedBy: Keys.self, forKey: .second)
      try second.encode(2, forKey: .value)
      try first.encode(1, forKey: .value)
    }
  }

  @Test func containersWrittenOutOfTurnAreAnError() {
    #expect(throws: EncodingError.self) { try CacheEncoder.encode(Interleaved()) }
  }
}
