import Diagnostics
import MediaProbe
import Testing

/// The cues a transcript is written from: times exact, speakers from `<v Name>` or a SubRip
/// `Name:`, markup out, and text that isn't markup kept as text.
@Suite struct CaptionTrackTests {
  func cues(_ text: String, name: String) throws -> [CaptionCue] {
    try #require(CaptionTrack.read(bytes: Array(text.utf8), name: name)).cues
  }

  @Test func webVTTVoicesTagsAndReferences() throws {
    let cues = try cues(
      """
      WEBVTT

      NOTE a comment, not a cue

      intro
      00:00:01.900 --> 00:00:05.927 align:start
      <v.loud   Lotte   Vermeulen>Dit is <i>Allemaal</i> politiek
      met <c.yellow>Tom &amp; Jerry</c> &lt;script&gt; 1 &lt; 2&#x21;</v>

      00:06.000 --> 00:07.500
      <v Wim &amp; Co>Hallo <00:06.500>daar

      00:08.000 --> 00:09.000
      Niemand &nbsp;spreekt
      """, name: "a.vtt")
    #expect(
      cues == [
        CaptionCue(
          start: 1900, end: 5927, speaker: "Lotte Vermeulen",
          text: "Dit is Allemaal politiek\nmet Tom & Jerry <script> 1 < 2!"),
        CaptionCue(start: 6000, end: 7500, speaker: "Wim & Co", text: "Hallo daar"),
        CaptionCue(start: 8000, end: 9000, speaker: nil, text: "Niemand \u{A0}spreekt"),
      ])
  }

  @Test func subRipNamesCarryOnAndOtherMarkupIsText() throws {
    let cues = try cues(
      """
      1
      00:00:00,000 --> 00:00:02,760
      Sarah: In today's <i>episode</i>,
      you'll learn

      2
      00:00:02,760 --> 00:00:06,090
      {\\an8}whether <script>alert(1)</script> 1 < 2

      3
      00:00:06,090 --> 00:00:08,000
      <v Jan de Vries>Hallo &amp; dag

      4
      00:00:08,000 --> 00:00:09,000
      om 10:30 beginnen we
      """, name: "a.srt")
    #expect(
      cues == [
        CaptionCue(start: 0, end: 2760, speaker: "Sarah", text: "In today's episode,\nyou'll learn"),
        CaptionCue(start: 2760, end: 6090, speaker: "Sarah", text: "whether <script>alert(1)</script> 1 < 2"),
        CaptionCue(start: 6090, end: 8000, speaker: "Jan de Vries", text: "Hallo &amp; dag"),
        CaptionCue(start: 8000, end: 9000, speaker: "Jan de Vries", text: "om 10:30 beginnen we"),
      ])
  }

  @Test func otherFilesAreNoTrack() {
    #expect(CaptionTrack.read(bytes: Array("Hello".utf8), name: "a.txt") == nil)
    #expect(CaptionTrack.read(bytes: [], name: "a.vtt") == nil)
  }

  /// WebVTT is UTF-8; a file saved as Latin-1 or holding a control character is reported at its line.
  @Test(arguments: [
    (Array("WEBVTT\n\n00:00.000 --> 00:01.000\nCaf".utf8) + [0xE9, 0x0A], 4, "not valid UTF-8"),
    (Array("1\n00:00:00,000 --> 00:00:01,000\nA\u{1}B\n".utf8), 3, "U+0001"),
    (Array("\u{FEFF}WEBVTT\r\n\r\n00:00.000 --> 00:01.000\r\nA\u{7F}\r\n".utf8), 4, "U+007F"),
    // An overlong "/", a UTF-16 surrogate, a sequence cut short at the end, and a C1 control.
    (Array("WEBVTT\n\n00:00.000 --> 00:01.000\na".utf8) + [0xC0, 0xAF, 0x0A], 4, "not valid UTF-8"),
    (Array("WEBVTT\r\r00:00.000 --> 00:01.000\ra".utf8) + [0xED, 0xA0, 0x80, 0x0D], 4, "not valid UTF-8"),
    (Array("WEBVTT\n\n00:00.000 --> 00:01.000\na".utf8) + [0xF0, 0x9F, 0x8E], 4, "not valid UTF-8"),
    (Array("WEBVTT\n\n00:00.000 --> 00:01.000\na\u{85}b\n".utf8), 4, "U+0085"),
  ] as [([UInt8], Int, String)])
  func encodingProblemsAreReportedAtTheirLine(bytes: [UInt8], line: Int, words: String) throws {
    let info = MediaProbe().probe(bytes: bytes, name: "a.vtt")
    let finding = try #require(info.findings.first { $0.ruleID == ProbeRules.captions.id }, "\(info.findings)")
    #expect(finding.message.hasPrefix("line \(line): "), "\(finding.message)")
    #expect(finding.message.contains(words))
    let cues = try #require(CaptionTrack.read(bytes: bytes, name: "a.vtt")).cues
    #expect(cues.count == 1)
    #expect(!cues[0].text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
  }

  @Test func cleanFilesHaveNoEncodingFinding() {
    let info = MediaProbe().probe(bytes: Array("WEBVTT\n\n00:00.000 --> 00:01.000\n\tÉén 🎙️ 中文\n".utf8), name: "a.vtt")
    #expect(info.findings == [])
  }
}
