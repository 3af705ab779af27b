import Testing

@testable import MediaProbe

/// SubRip: the fixtures, detection that ignores ordinary text, and broken cues.
@Suite struct SRTTests {
  static func probe(_ text: String) -> MediaInfo {
    MediaProbe().probe(bytes: Array(text.utf8), name: "episode.srt")
  }

  @Test func validFixture() throws {
    let info = try ImageFixture.probe("valid.srt")
    #expect(info.findings.isEmpty, "\(info.findings)")
    #expect(info.container == .srt)
    #expect(info.mimeType == "application/x-subrip")
    #expect(info.duration == 67.0)
  }

  @Test func brokenFixture() throws {
    let info = try ImageFixture.probe("broken.srt")
    #expect(
      info.findings.map(\.message) == [
        "line 6: cue starts at 00:00:01.000, before the cue above it (00:00:05.000); sort the cues by start time",
        "line 10: cue ends before it starts (00:00:10.000 --> 00:00:09.000); fix its times",
        "line 14: malformed timestamp \"00:00:12,00\"; write hh:mm:ss,ttt, with minutes and seconds under 60",
      ])
  }

  @Test(arguments: [
    "1\n00:00:01,000 --> 00:00:02,000\nHi\n", "\u{FEFF}1\r\n00:00:01,000 --> 00:00:02,000\r\n",
    "\n\n  \n7\n0:00:01,000 --> 0:00:02,000 X1:10 X2:20\n", "1 \n00:00:01.000-->00:00:02.000\n",
    "1\n00:00:01,000 --> 00:00:02,000",
  ])
  func detects(_ text: String) {
    #expect(Self.probe(text).container == .srt)
  }

  /// SRT has no magic number: a number and a valid timing line must open the file.
  @Test(arguments: [
    "Notes: a --> b, then c --> d\n", "1\nhello --> there\n", "1\n\n00:00:01,000 --> 00:00:02,000\n",
    "1234567890\n00:00:01,000 --> 00:00:02,000\n", "x1\n00:00:01,000 --> 00:00:02,000\n",
    "1\n00:00:01,000 -> 00:00:02,000\n", "1\n00:60:01,000 --> 00:00:02,000\n", "-->\n-->\n", "1\n",
  ])
  func ignoresOtherText(_ text: String) {
    let info = Self.probe(text)
    #expect(info.container == nil)
    #expect(ImageFixture.rules(info) == ["PROBE-UNKNOWN-FORMAT"])
  }

  @Test func cuesWithoutNumbersOrTimes() {
    let text = "1\n00:00:01,000 --> 00:00:02,000\nOne\n\n00:00:03,000 --> 00:00:04,000\nTwo\n\n3\nThree\n\nloose text\n"
    let info = Self.probe(text)
    #expect(
      info.findings.map(\.message) == [
        "line 5: a cue without a number; number the cues 1, 2, 3 and so on",
        "line 8: cue 3 has no timing line after its number",
        "line 11: expected a cue number but found \"loose text\"; a cue is a number, a timing line and text, with a blank line after it",
      ])
    #expect(info.duration == 4.0)
  }

  @Test(arguments: [("00:00:01,000", 1000), ("1:00:00.250", 3_600_250), ("00:01:00,000", 60000)])
  func timestamps(_ text: String, _ milliseconds: Int) {
    let bytes = Array(text.utf8)
    #expect(CaptionTimestamp.parse(bytes, 0..<bytes.count, style: .subRip) == milliseconds)
  }

  @Test(arguments: ["00:01,000", "00:00:01;000", "00:00:1,000", "00:00:01,0001"])
  func malformedTimestamps(_ text: String) {
    let bytes = Array(text.utf8)
    #expect(CaptionTimestamp.parse(bytes, 0..<bytes.count, style: .subRip) == nil)
  }
}
