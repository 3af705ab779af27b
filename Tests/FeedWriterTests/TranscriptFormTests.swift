import Catalogue
import FeedWriter
import Foundation
import MediaProbe
import PodiumTestSupport
import Publisher
import Testing

/// One transcript in the catalogue, WebVTT or SubRip, is published in WebVTT, SubRip and the
/// Podcasting 2.0 JSON form, each read back here with the same cues and speakers as the source.
@Suite struct TranscriptFormTests {
  /// The same cues in both sources: one with no speaker, a speaker's two lines with text that
  /// looks like markup, and a second speaker whose second card (SubRip) doesn't repeat the name.
  static let expected = [
    CaptionCue(start: 500, end: 2000, speaker: nil, text: "Welkom bij de test."),
    CaptionCue(
      start: 2000, end: 4250, speaker: "Lotte Vermeulen",
      text: "Tom & Jerry: 1 < 2 -->\nen <script>alert(1)</script> is tekst."),
    CaptionCue(start: 4250, end: 6000, speaker: "Wim Peeters", text: "Klopt."),
    CaptionCue(start: 6000, end: 3_723_004, speaker: "Wim Peeters", text: "Nog iets, één uur later."),
  ]

  static let webVTT = """
    WEBVTT

    00:00.500 --> 00:02.000
    Welkom bij de test.

    00:00:02.000 --> 00:00:04.250
    <v Lotte Vermeulen>Tom &amp; Jerry: 1 &lt; 2 --&gt;
    en &lt;script&gt;alert(1)&lt;/script&gt; is tekst.

    00:00:04.250 --> 00:00:06.000
    <v Wim Peeters>Klopt.

    00:00:06.000 --> 01:02:03.004
    <v Wim Peeters><i>Nog iets</i>, één uur later.

    """

  static let subRip = """
    1
    00:00:00,500 --> 00:00:02,000
    Welkom bij de test.

    2
    00:00:02,000 --> 00:00:04,250
    Lotte Vermeulen: Tom & Jerry: 1 < 2 -->
    en <script>alert(1)</script> is tekst.

    3
    00:00:04,250 --> 00:00:06,000
    Wim Peeters: Klopt.

    4
    00:00:06,000 --> 01:02:03,004
    <i>Nog iets</i>, één uur later.

    """

  @Test(arguments: [("vtt", webVTT, "text/vtt"), ("srt", subRip, "application/x-subrip")])
  func everyFormReadsBackWithTheSourcesCuesAndSpeakers(ext: String, source: String, type: String) throws {
    let fixture = try CatalogueFixture()
    try fixture.folder.write("episodes/gesprekken/transcripts/t.\(ext)", source)
    try fixture.addEpisode(
      extra: "transcripts:\n  - file: transcripts/t.\(ext)\n    language: nl-BE\n    rel: captions", seconds: 3730)
    let report = try Publisher(
      catalogueURL: fixture.catalogue, outputURL: fixture.output,
      options: BuildOptions(now: Timestamp.parse("2025-01-01T00:00:00Z")!)
    ).build()
    #expect(!report.hasErrors, "\(report.findings)")
    // The source's own cues, read by the probe's parsers, are what the test expects.
    #expect(try #require(CaptionTrack.read(bytes: Array(source.utf8), name: "t.\(ext)")).cues == Self.expected)

    let feed = try FeedReader(try fixture.folder.read("feeds/gesprekken/feed.xml"))
    let transcripts = try #require(feed.items.first).children(named: "transcript", namespace: FeedReader.podcast)
    let base = "https://feeds.podium.test/gesprekken/transcripts/t."
    #expect(transcripts.map { $0.attribute("url") } == [ext, ext == "vtt" ? "srt" : "vtt", "json"].map { base + $0 })
    #expect(transcripts.map { $0.attribute("type") } == [type, ext == "vtt" ? "application/x-subrip" : "text/vtt", "application/json"])
    #expect(transcripts.map { $0.attribute("language") } == ["nl-BE", "nl-BE", "nl-BE"])
    #expect(transcripts.map { $0.attribute("rel") } == ["captions", "captions", nil])

    // The source is published as it is.
    #expect(try fixture.folder.read("feeds/gesprekken/transcripts/t.\(ext)") == Data(source.utf8))
    for form in ["vtt", "srt"] {
      let data = try fixture.folder.read("feeds/gesprekken/transcripts/t.\(form)")
      let track = try #require(CaptionTrack.read(bytes: [UInt8](data), name: "t.\(form)"))
      #expect(track.format == (form == "vtt" ? .webvtt : .srt))
      #expect(track.findings == [], "\(track.findings)")
      #expect(track.cues == Self.expected, "t.\(form) from t.\(ext)")
      // ffmpeg, which knows nothing of Podium, reads the same times and words.
      let read = try Self.ffmpegCues(fixture.folder.url.appendingPathComponent("feeds/gesprekken/transcripts/t.\(form)"))
      #expect(read.map(\.start) == Self.expected.map(\.start))
      #expect(read.map(\.end) == Self.expected.map(\.end))
      for (cue, text) in zip(Self.expected, read.map(\.text)) { #expect(text.contains(cue.text.split(separator: "\n")[0].suffix(8))) }
    }

    let json = try #require(
      try JSONSerialization.jsonObject(with: try fixture.folder.read("feeds/gesprekken/transcripts/t.json")) as? [String: Any])
    #expect(json["version"] as? String == "1.0.0")
    let segments = try #require(json["segments"] as? [[String: Any]])
    #expect(segments.count == Self.expected.count)
    for (segment, cue) in zip(segments, Self.expected) {
      #expect(segment["speaker"] as? String == cue.speaker)
      #expect((segment["startTime"] as? NSNumber)?.decimalValue == Decimal(cue.start) / 1000)
      #expect((segment["endTime"] as? NSNumber)?.decimalValue == Decimal(cue.end) / 1000)
      #expect(segment["body"] as? String == cue.line)
    }
  }

  /// A transcript form the episode lists itself is not written again from another.
  @Test func aListedFormIsNotDerived() throws {
    let fixture = try CatalogueFixture()
    try fixture.folder.write("episodes/gesprekken/transcripts/t.vtt", Self.webVTT)
    try fixture.folder.write("episodes/gesprekken/transcripts/eigen.srt", Self.subRip)
    try fixture.addEpisode(
      extra: "transcripts:\n  - file: transcripts/t.vtt\n  - file: transcripts/eigen.srt", seconds: 3730)
    let episode = try #require(CatalogueLoader(root: fixture.catalogue).load().catalogue?.shows.first?.episodes.first)
    #expect(
      PublishedTranscript.all(for: episode).map(\.path) == [
        "transcripts/t.vtt", "transcripts/eigen.srt", "transcripts/t.json",
      ])
  }

  /// Reads a WebVTT or SubRip file with ffmpeg, written out again as SubRip: each card's times and text.
  static func ffmpegCues(_ file: URL) throws -> [(start: Int, end: Int, text: String)] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/ffmpeg")
    process.arguments = ["-nostdin", "-v", "error", "-i", file.path, "-f", "srt", "-"]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    func milliseconds(_ time: Substring) -> Int {
      let parts = time.split(whereSeparator: { $0 == ":" || $0 == "," }).compactMap { Int($0) }
      return parts.count == 4 ? ((parts[0] * 60 + parts[1]) * 60 + parts[2]) * 1000 + parts[3] : -1
    }
    return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
      .components(separatedBy: "\n\n").compactMap { block in
        let lines = block.split(separator: "\n", omittingEmptySubsequences: true)
        guard lines.count >= 2, let arrow = lines[1].range(of: " --> ") else { return nil }
        return (milliseconds(lines[1][..<arrow.lowerBound]), milliseconds(lines[1][arrow.upperBound...]),
                lines.dropFirst(2).joined(separator: "\n"))
      }
  }
}

/// Cue texts made of markup's pieces, read and written again: the WebVTT Podium writes reads back
/// as the cues it was written from, whatever they hold, and nothing crashes on the way.
@Suite struct TranscriptFormHostileTests {
  static let pieces = [
    "<", ">", "&", ";", "&#", "&#x", "&amp;", "&lt;", "&#0;", "&#x110000;", "<v", "<v ", "<v.a ", "</v>", "<i>",
    "<00:00.500>", "{\\an8}", "}", "-->", "Naam:", "Jan de Vries: ", " ", "  ", "\t", "é", "🎙️", "\u{7}", "\u{85}",
    "\u{FFFF}", "\u{200F}", "x", "NOTE", "WEBVTT", "1", "\n",
  ]

  @Test func webVTTWrittenFromAnyCuesReadsBackAsThem() throws {
    var random = SeededRandom(seed: 14)  // every run tries the same texts
    var (speakers, markup) = (0, 0)
    for round in 0..<300 {
      var source = "WEBVTT\n"
      for cue in 0..<4 {
        let text = (0..<Int.random(in: 1...12, using: &random)).map { _ in Self.pieces.randomElement(using: &random)! }
          .joined().replacingOccurrences(of: "\n\n", with: "\n")
        source += "\n00:00:0\(cue).000 --> 00:00:0\(cue).900\n\(text.hasPrefix("\n") ? "x" + text : text)\n"
      }
      // Whatever the probe makes of the hostile text, what it reads is what the forms carry.
      let track = try #require(CaptionTrack.read(bytes: Array(source.utf8), name: "r\(round).vtt"))
      for cue in track.cues {
        if cue.speaker != nil { speakers += 1 }
        if cue.text.contains("<") || cue.text.contains("&") { markup += 1 }
        #expect(!cue.text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "\(cue)")
        #expect(cue.speaker.map { !$0.isEmpty && !$0.contains("\n") } ?? true)
      }
      let written = try TranscriptForm.webVTT.write(track.cues)
      let reread = try #require(CaptionTrack.read(bytes: [UInt8](written), name: "w\(round).vtt"))
      #expect(reread.findings == [], "\(String(decoding: written, as: UTF8.self))")
      #expect(reread.cues == track.cues, "round \(round): \(source)")
      let json = try #require(
        try JSONSerialization.jsonObject(with: try TranscriptForm.json.write(track.cues)) as? [String: Any])
      #expect((json["segments"] as? [[String: Any]])?.map { $0["body"] as? String } == track.cues.map(\.line))
    }
    // The texts did reach speakers and characters that need escaping.
    #expect(speakers > 50)
    #expect(markup > 50)
  }
}
