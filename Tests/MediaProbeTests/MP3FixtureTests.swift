import Foundation
@testable import MediaProbe
import Testing

/// Real files made by make-mp3.sh with lame and ffmpeg. Expected durations are ffmpeg's decoded
/// sample counts (printed by the script), not ffprobe's estimates.
@Suite struct MP3FixtureTests {
  struct Expected: Sendable, CustomStringConvertible {
    var file: String
    var samples: Int
    var sampleRate: Int
    var channels: Int
    var variableBitrate: Bool
    var bitrate: ClosedRange<Int>
    var findings: [String] = []
    /// Files whose Xing/Info header is trusted are probed from a few KB.
    var maximumBytesRead: Int64?

    var samplesPerFrame: Int { sampleRate >= 32_000 ? 1152 : 576 }
    var description: String { file }
  }

  static let expected: [Expected] = [
    Expected(
      file: "cbr-128k-stereo.mp3", samples: 132_300, sampleRate: 44_100, channels: 2, variableBitrate: false,
      bitrate: 128_000...128_000, maximumBytesRead: 8 * 1024),
    Expected(
      file: "vbr-xing.mp3", samples: 132_300, sampleRate: 44_100, channels: 2, variableBitrate: true,
      bitrate: 95_000...105_000, maximumBytesRead: 8 * 1024),
    Expected(
      file: "vbr-no-xing.mp3", samples: 133_632, sampleRate: 44_100, channels: 2, variableBitrate: true,
      bitrate: 95_000...105_000, findings: ["PROBE-HEADER"]),
    Expected(
      file: "mpeg2-mono-16k.mp3", samples: 49_536, sampleRate: 16_000, channels: 1, variableBitrate: false,
      bitrate: 32_000...32_000),
    Expected(
      file: "mpeg25-mono-8k.mp3", samples: 24_000, sampleRate: 8_000, channels: 1, variableBitrate: false,
      bitrate: 24_000...24_000, maximumBytesRead: 8 * 1024),
    Expected(
      file: "id3v23-art.mp3", samples: 44_975, sampleRate: 22_050, channels: 1, variableBitrate: false,
      bitrate: 32_000...32_000, maximumBytesRead: 16 * 1024),
    Expected(
      file: "id3v24-art.mp3", samples: 44_975, sampleRate: 22_050, channels: 1, variableBitrate: false,
      bitrate: 32_000...32_000, maximumBytesRead: 16 * 1024),
    Expected(
      file: "chapters.mp3", samples: 132_300, sampleRate: 44_100, channels: 1, variableBitrate: false,
      bitrate: 32_000...32_000, maximumBytesRead: 8 * 1024),
    Expected(
      file: "truncated.mp3", samples: 104_879, sampleRate: 44_100, channels: 2, variableBitrate: true,
      bitrate: 95_000...105_000, findings: ["PROBE-TRUNCATED"]),
  ]

  static func probe(_ file: String) throws -> MediaInfo {
    let url = try #require(Bundle.module.url(forResource: "Fixtures/mp3/\(file)", withExtension: nil))
    return MediaProbe().probe(path: url.path)
  }

  @Test(arguments: expected)
  func readsTheStream(_ expected: Expected) throws {
    let info = try Self.probe(expected.file)
    #expect(info.container == .mp3)
    #expect(info.mimeType == "audio/mpeg")
    #expect(info.codecs == ["mp3"])
    #expect(info.sampleRate == expected.sampleRate)
    #expect(info.channels == expected.channels)
    #expect(info.variableBitrate == expected.variableBitrate)
    #expect(expected.bitrate.contains(info.bitrate ?? 0), "bitrate \(info.bitrate ?? 0)")
    #expect(info.findings.map(\.ruleID) == expected.findings, "\(info.findings)")
    if let maximum = expected.maximumBytesRead { #expect(info.bytesRead <= maximum, "read \(info.bytesRead)") }
  }

  /// Within one frame of the decoded length is the requirement; these match it to the millisecond.
  @Test(arguments: expected)
  func durationMatchesTheDecodedLength(_ expected: Expected) throws {
    let info = try Self.probe(expected.file)
    let truth = Double(expected.samples) / Double(expected.sampleRate)
    let duration = try #require(info.duration)
    #expect(abs(duration - truth) <= Double(expected.samplesPerFrame) / Double(expected.sampleRate))
    #expect(abs(duration - truth) < 0.001, "probed \(duration) s, decoded \(truth) s")
  }

  @Test(arguments: ["id3v23-art.mp3", "id3v24-art.mp3"])
  func readsTagsArtworkAndID3v1(_ file: String) throws {
    let info = try Self.probe(file)
    #expect(info.tags["title"] == "Café – Ünïcode title")
    #expect(info.tags["artist"] == "Podium Tests")
    #expect(info.tags["album"] == "Fixture Album")
    #expect(info.tags["comment"] == "A comment")
    #expect(info.tags["date"] == "2024")
    #expect(info.artwork == [EmbeddedArtwork(mimeType: "image/jpeg", width: 600, height: 600, size: 54_585)])
  }

  @Test func readsChapters() throws {
    let info = try Self.probe("chapters.mp3")
    #expect(info.tags["title"] == "Chapters fixture")
    #expect(
      info.chapters == [
        MediaChapter(start: 0, end: 1, title: "Intro"), MediaChapter(start: 1, end: 2, title: "Middle part"),
        MediaChapter(start: 2, end: 3, title: "Outro"),
      ])
  }

  @Test func truncatedFileSaysWhatWasPromisedAndWhatIsThere() throws {
    let info = try Self.probe("truncated.mp3")
    let message = try #require(info.findings.first { $0.ruleID == "PROBE-TRUNCATED" }?.message)
    #expect(message.contains("promises 116 frames (3.00 s) in 38132 bytes"))
    #expect(message.contains("91 complete frames (2.38 s) in 30001 bytes"))
    #expect(message.contains("at byte 29994, needs 313 bytes and has only 7"))
  }

  /// Detection is by content: a JPEG named .mp3 is never reported as MP3, whether or not the JPEG
  /// parser is there to claim it.
  @Test func jpegNamedMP3IsNotMP3() throws {
    let info = try Self.probe("jpeg-named.mp3")
    #expect(info.container != .mp3)
    #expect(info.duration == nil)
    #expect(!info.findings.isEmpty)
    if info.container == .jpeg { #expect(info.findings.contains { $0.ruleID == "PROBE-EXTENSION" }) }
  }
}
