import Catalogue
import Diagnostics
import Foundation
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
  }
}

