import Testing

@testable import MediaProbe

/// Captions against the duration of the episode they belong to.
@Suite struct CaptionCheckTests {
  @Test(arguments: [67.0, 66.5, 120.0])
  func captionsWithinTheMedia(_ mediaDuration: Double) throws {
    #expect(CaptionCheck.check(try ImageFixture.probe("valid.vtt"), mediaDuration: mediaDuration).isEmpty)
  }

  @Test(arguments: ["valid.vtt", "valid.srt"])
  func captionsPastTheEnd(_ file: String) throws {
    let findings = CaptionCheck.check(try ImageFixture.probe(file), mediaDuration: 60.25)
    #expect(findings.map(\.ruleID) == ["PROBE-CAPTIONS"])
    #expect(
      findings.first?.message.hasPrefix("the captions run to 00:01:07.000 but the media lasts 00:01:00.250") == true)
    #expect(findings.first?.location?.file.hasSuffix(file) == true)
  }

  @Test func otherFormatsAndUnknownTimesAreNotChecked() throws {
    #expect(CaptionCheck.check(try ImageFixture.probe("rgb.png"), mediaDuration: 1).isEmpty)
    let empty = MediaProbe().probe(bytes: Array("WEBVTT\n".utf8), name: "empty.vtt")
    #expect(CaptionCheck.check(empty, mediaDuration: 1).isEmpty)
    #expect(CaptionCheck.check(try ImageFixture.probe("valid.vtt"), mediaDuration: .nan).isEmpty)
  }

  @Test func formatsTimes() {
    #expect(CaptionTimestamp.format(0) == "00:00:00.000")
    #expect(CaptionTimestamp.format(3_723_004) == "01:02:03.004")
    #expect(CaptionTimestamp.format(360_000_050) == "100:00:00.050")
  }
}
