import PodiumTestSupport
import Testing

@testable import MediaProbe

/// WebVTT: the fixtures, timestamp forms, block kinds, and files that try to flood the probe.
@Suite struct WebVTTTests {
  static func probe(_ text: String, limits: ProbeLimits = ProbeLimits()) -> MediaInfo {
    MediaProbe(limits: limits).probe(bytes: Array(text.utf8), name: "episode.vtt")
  }

  static func messages(_ info: MediaInfo) -> [String] { info.findings.map(\.message) }

  @Test func validFixture() throws {
    let info = try ImageFixture.probe("valid.vtt")
    #expect(info.findings.isEmpty, "\(info.findings)")
    #expect(info.container == .webvtt)
    #expect(info.mimeType == "text/vtt")
    #expect(info.duration == 67.0)
    #expect(info.chapters.isEmpty)
  }

  @Test func brokenFixture() throws {
    let info = try ImageFixture.probe("broken.vtt")
    #expect(ImageFixture.rules(info) == ["PROBE-CAPTIONS", "PROBE-CAPTIONS", "PROBE-CAPTIONS"])
    #expect(
      Self.messages(info) == [
        "line 8: cue starts at 00:00:01.000, before the cue above it (00:00:05.000); sort the cues by start time",
        "line 12: cue ends before it starts (00:00:10.000 --> 00:00:09.000); fix its times",
        "line 16: malformed timestamp \"00:61:00.000\"; write hh:mm:ss.ttt or mm:ss.ttt, with minutes and seconds under 60",
      ])
    #expect(info.duration == 9.0)
  }

  @Test(arguments: [
    ("00:00:01.000", 1000), ("01:02.500", 62500), ("123:00:00.001", 442_800_001), ("00:59:59.999", 3_599_999),
  ])
  func wellFormedTimestamps(_ text: String, _ milliseconds: Int) {
    let bytes = Array(text.utf8)
    #expect(CaptionTimestamp.parse(bytes, 0..<bytes.count, style: .webVTT) == milliseconds)
  }

  @Test(arguments: [
    "00:61:00.000", "00:00:60.000", "0:00:01.000", "1:02.500", "00:00:01,000", "00:00:01.00", "00:00:01.0000",
    "00:00:01", "00.00.01.000", "", "1234567890:00:00.000", "00:00:01.000x", "-0:00:01.000",
  ])
  func malformedTimestamps(_ text: String) {
    let bytes = Array(text.utf8)
    #expect(CaptionTimestamp.parse(bytes, 0..<bytes.count, style: .webVTT) == nil)
    let info = Self.probe("WEBVTT\n\n\(text) --> 99:00:00.000\nText\n")
    #expect(ImageFixture.rules(info) == ["PROBE-CAPTIONS"])
    #expect(Self.messages(info).first?.hasPrefix("line 3: malformed") == true)
  }

  @Test(arguments: ["\n", "\r\n", "\r"])
  func lineBreaks(_ newline: String) {
    let lines = ["\u{FEFF}WEBVTT", "", "1", "00:00:05.000 --> 00:00:04.000", "Backwards", ""]
    let info = Self.probe(lines.joined(separator: newline))
    #expect(Self.messages(info) == ["line 4: cue ends before it starts (00:00:05.000 --> 00:00:04.000); fix its times"])
  }

  @Test func blocksOtherThanCues() {
    let text = """
      WEBVTT
      00:00:00.000 --> 00:00:01.000

      NOTE
      00:00:09.000 --> 00:00:01.000 is a note here

      00:00:01.000 --> 00:00:02.000 line:0 align:end
      First
      00:00:02.000 --> 00:00:03.000
      Started without a blank line, as players allow

      STYLE
      ::cue { color: red }

      just some words
      more words

      REGION
      id:fred
      """
    let info = Self.probe(text)
    #expect(
      Self.messages(info) == [
        "line 2: a cue timing line in the header, which players skip; put a blank line before it",
        "line 12: a STYLE block after the first cue, which players ignore; move it up",
        "line 15: \"just some words\" starts neither a cue nor a NOTE; a cue needs a timing line such as 00:00:01.000 --> 00:00:04.000",
        "line 18: a REGION block after the first cue, which players ignore; move it up",
      ])
    #expect(info.duration == 3.0)
  }

  @Test(arguments: [
    "00:00:01.000 -> 00:00:02.000", "00:00:01.000 --> ", "00:00:01.000 --> 00:00:02.000align:start",
    "00:00:01.000 - -> 00:00:02.000 -->",
  ])
  func malformedTimingLines(_ line: String) {
    let info = Self.probe("WEBVTT\n\nid\n\(line)\nText\n")
    #expect(ImageFixture.rules(info) == ["PROBE-CAPTIONS"], "\(info.findings)")
  }

  @Test func headerOnly() {
    for text in ["WEBVTT", "WEBVTT\n", "WEBVTT - Title\n\n"] {
      let info = Self.probe(text)
      #expect(info.container == .webvtt)
      #expect(info.findings.isEmpty)
      #expect(info.duration == nil)
    }
  }

  @Test(arguments: ["WEBVTTX\n", "WEBVT\n", "webvtt\n", " WEBVTT\n"])
  func notAHeader(_ text: String) {
    #expect(Self.probe(text).container != .webvtt)
  }

  /// The issue's hostile text: a 10 MB file of one line is read once, within the limit, and named.
  @Test func tenMegabytesOnOneLine() {
    let bytes = Array("WEBVTT ".utf8) + [UInt8](repeating: 0x61, count: 10 * 1024 * 1024)
    let info = MediaProbe().probe(bytes: bytes, name: "huge.vtt")
    #expect(info.container == .webvtt)
    #expect(ImageFixture.rules(info) == ["PROBE-CAPTIONS"])
    #expect(Self.messages(info).first?.hasPrefix("line 1 is 10485767 bytes long") == true)
    #expect(info.bytesRead <= Int64(bytes.count) + 128)
  }

  @Test func fileOverTheReadLimit() {
    var limits = ProbeLimits()
    limits.maximumChunk = 1000
    let cues = (0..<100).map { "00:00:\($0 % 60 < 10 ? "0" : "")\($0 % 60).000 --> 00:01:00.000\nText \($0)\n" }
    let info = Self.probe("WEBVTT\n\n" + cues.joined(separator: "\n"), limits: limits)
    #expect(ImageFixture.rules(info) == ["PROBE-LIMIT"], "\(info.findings)")
    #expect(info.duration == 60)
  }

  @Test func cueLimit() {
    var limits = ProbeLimits()
    limits.maximumItems = 10
    let cues = String(repeating: "00:00:01.000 --> 00:00:02.000\nText\n\n", count: 50)
    let info = Self.probe("WEBVTT\n\n" + cues, limits: limits)
    #expect(ImageFixture.rules(info) == ["PROBE-LIMIT"])
    #expect(Self.messages(info) == ["stopped after 10 cues; the rest of the file was not checked"])
  }

  /// A file of broken cues gives a hundred findings and a count of the rest, not thousands.
  @Test func findingsAreCapped() {
    let cues = String(repeating: "00:00:02.000 --> 00:00:01.000\n\n", count: 5000)
    let info = Self.probe("WEBVTT\n\n" + cues)
    #expect(info.findings.count == CaptionCueLog.maximumFindings + 1)
    #expect(Self.messages(info).last == "4900 more caption problems like those above; fix those first")
  }

  @Test func behindAnID3Tag() {
    let tag: [UInt8] = Array("ID3".utf8) + [4, 0, 0, 0, 0, 0, 2, 0, 0]
    let info = MediaProbe().probe(bytes: tag + Array("WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n".utf8), name: "a.vtt")
    #expect(info.container == .webvtt)
    #expect(info.findings.isEmpty, "\(info.findings)")
    #expect(info.duration == 2)
  }

  @Test func zeroLengthCue() {
    let info = Self.probe("WEBVTT\n\n00:00:01.000 --> 00:00:01.000\nBlink\n")
    #expect(
      Self.messages(info) == ["line 3: cue ends as soon as it starts (00:00:01.000 --> 00:00:01.000); give it a length"]
    )
  }

  /// Random text made of the characters cues are made of: findings, never a crash or a flood.
  @Test(arguments: ["WEBVTT\n\n", "1\n00:00:00,000 --> 00:00:01,000\n"])
  func randomCueText(_ opening: String) {
    let alphabet = Array("0123456789:.,-> \n\n\r\tNOTE\u{FEFF}é".utf8)
    var random = SeededRandom(seed: UInt64(opening.count))
    for round in 0..<1000 {
      let body = (0..<(round % 50 == 0 ? 20000 : 300)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
      let info = MediaProbe().probe(bytes: Array(opening.utf8) + body, name: "noise")
      #expect(info.container == .webvtt || info.container == .srt)
      #expect(info.findings.count <= CaptionCueLog.maximumFindings + 3)
    }
  }
}
