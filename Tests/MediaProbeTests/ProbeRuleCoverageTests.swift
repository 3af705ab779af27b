import Diagnostics
import Foundation
@testable import MediaProbe
import PodiumTestSupport
import Testing

/// Every probe rule, each with a file that breaks it; the clean fixtures elsewhere pass them all.
/// A rule added without a case here fails `everyRuleIsCovered`.
@Suite struct ProbeRuleCoverageTests {
  static func fixture(_ path: String) throws -> String {
    try #require(Bundle.module.url(forResource: "Fixtures/\(path)", withExtension: nil)).path
  }

  /// MPEG-1 Layer III frames of silence, 32 kbit/s at 32 kHz.
  static func frames(_ count: Int) -> [UInt8] {
    let frame = [0xFF, 0xFB, 0x18, 0xC4] + [UInt8](repeating: 0, count: 140)
    return (0..<count).flatMap { _ in frame }
  }

  static let cases: [String: @Sendable () throws -> MediaInfo] = [
    "PROBE-UNREADABLE": { MediaProbe().probe(path: "/nonexistent/podium/file.mp3") },
    "PROBE-EMPTY": { MediaProbe().probe(bytes: [], name: "empty.mp3") },
    "PROBE-UNKNOWN-FORMAT": { MediaProbe().probe(bytes: Array("just some text, no media".utf8), name: "a.mp3") },
    "PROBE-EXTENSION": { MediaProbe().probe(bytes: [UInt8](SampleMedia.jpeg(width: 8, height: 8)), name: "cover.mp3") },
    "PROBE-MALFORMED": {
      // An ftyp box, then a box that claims 4 bytes: smaller than its own header.
      let ftyp: [UInt8] = [0, 0, 0, 16] + Array("ftypisom".utf8) + [0, 0, 2, 0]
      return MediaProbe().probe(bytes: ftyp + [0, 0, 0, 4] + Array("moov".utf8) + [UInt8](repeating: 0, count: 32), name: "a.mp4")
    },
    "PROBE-TRUNCATED": { MediaProbe().probe(path: try fixture("mp3/truncated.mp3")) },
    "PROBE-GARBAGE": {
      MediaProbe().probe(bytes: frames(20) + Array("JUNK JUNK JUNK JUNK".utf8) + frames(20), name: "joined.mp3")
    },
    "PROBE-HEADER": { MediaProbe().probe(path: try fixture("mp3/vbr-no-xing.mp3")) },
    "PROBE-LIMIT": {
      var limits = ProbeLimits()
      limits.maximumBytesRead = 2048
      return MediaProbe(limits: limits).probe(bytes: frames(200), name: "long.mp3")
    },
    "PROBE-FASTSTART": { MediaProbe().probe(path: try fixture("mp4/aac-moov-at-end.m4a")) },
    "PROBE-CAPTIONS": {
      MediaProbe().probe(bytes: Array("WEBVTT\n\n00:05.000 --> 00:01.000\nBackwards\n".utf8), name: "a.vtt")
    },
  ]

  @Test(arguments: cases.keys.sorted())
  func breakingFileIsReported(rule: String) throws {
    let probe = try #require(Self.cases[rule])
    let info = try probe()
    #expect(info.findings.contains { $0.ruleID == rule }, "\(rule) not reported; got \(info.findings)")
  }

  @Test func everyRuleIsCovered() {
    #expect(Set(ProbeRules.all.map(\.id)).subtracting(Self.cases.keys).sorted() == [])
  }
}
