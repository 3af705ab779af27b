import Catalogue
import Diagnostics
import Foundation
import MediaProbe
import PodiumTestSupport
import Publisher
import Testing

/// `podium chapters --embed`: the catalogue's chapters written into real MP3 and MP4 files that
/// ffmpeg made, read back by Podium's probe, by mutagen and by ffprobe, the file still decoding
/// to the same length, and the front matter's length following the new size.
@Suite struct ChapterEmbedTests {
  static let chapters = [(0.0, "Inleiding"), (2.5, "Koken & één soep"), (5.25, "Tot slot: 日本")]
  static let episodeFile = "2024-03-14-de-buurt-beslist.md"

  /// A catalogue whose one episode has `file` (made by `make`) and the chapters above.
  func catalogue(_ file: String, make: (URL) throws -> Void) throws -> CatalogueFixture {
    let fixture = try CatalogueFixture()
    let media = fixture.catalogue.appendingPathComponent("gesprekken/media")
    try FileManager.default.createDirectory(at: media, withIntermediateDirectories: true)
    try make(media)
    let size = try #require(try FileManager.default.attributesOfItem(atPath: media.appendingPathComponent(file).path)[.size] as? Int)
    try fixture.writeEpisode(Self.episodeFile, """
      ---
      title: De buurt beslist
      date: 2024-03-14T09:00:00+01:00
      guid: 6f1d4c3e-2b8a-4d5e-9f10-1a2b3c4d5e6f
      media:
        url: media/\(file)
        length: \(size)
      chapters:
      \(Self.chapters.map { "  - start: \($0.0)\n    title: \"\($0.1)\"" }.joined(separator: "\n"))
      ---
      Notities.
      """)
    return fixture
  }

  static let media: [(file: String, make: @Sendable (String, URL) throws -> Void)] = [
    ("aflevering.mp3", { try MediaTools.speech("Welkom bij de buurt. Vandaag koken we samen soep, met groenten uit de moestuin van de school. Daarna praten we met de buren over wat ze van het plein willen maken.", to: $0, in: $1) }),
    // One that ffmpeg gave chapters of its own, which the catalogue's replace.
    ("oud.mp3", { try MediaTools.tone(seconds: 8, to: $0, chapters: [MediaTools.Mark(0, 8, "Oud")], in: $1) }),
    ("aflevering.m4a", { try MediaTools.tone(seconds: 8, to: $0, in: $1) }),
    ("video.mp4", { try MediaTools.video(seconds: 8, to: $0, in: $1) }),
    // ffmpeg's own QuickTime chapter track and chpl, which ours replace.
    ("oud.m4a", { try MediaTools.tone(seconds: 8, to: $0, chapters: (0..<4).map { MediaTools.Mark(Double($0 * 2), Double($0 * 2 + 2), "Oud \($0)") }, in: $1) }),
    // moov after mdat (no faststart): the chunk offsets before it stay where they are.
    ("laat.m4a", { name, folder in
      try MediaTools.run("ffmpeg", ["-v", "error", "-y", "-f", "lavfi", "-i", "sine=frequency=440:duration=8", "-codec:a", "aac", name], in: folder)
    }),
  ]

  @Test(arguments: 0..<6)
  func chaptersWrittenIntoMediaReadBackEverywhere(_ index: Int) throws {
    let (file, make) = Self.media[index]
    let fixture = try catalogue(file) { try make(file, $0) }
    let folder = fixture.catalogue.appendingPathComponent("gesprekken/media")
    let decodedBefore = try MediaTools.decodedSeconds(file, in: folder)
    let warnings = { (findings: [Finding]) in findings.filter { $0.severity >= .warning }.map(\.ruleID) }
    let warnedBefore = warnings(MediaProbe().probe(path: folder.appendingPathComponent(file).path).findings)
    let catalogueWarnedBefore = warnings(CatalogueLoader(root: fixture.catalogue).load().findings)
    let tool = EpisodeChapters(catalogueURL: fixture.catalogue, outputURL: fixture.output)

    let done = try tool.embed("gesprekken/\(Self.episodeFile)")
    #expect(done.chapters == 3 && done.lengthUpdated)
    let size = try #require(try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(file).path)[.size] as? Int)
    #expect(done.newLength == Int64(size))
    // Nothing but the file itself is left in the folder: no half-written copy.
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") } == [])

    let titles = Self.chapters.map(\.1)
    let starts = Self.chapters.map(\.0)
    let probe = MediaProbe().probe(path: folder.appendingPathComponent(file).path)
    #expect(warnings(probe.findings) == warnedBefore)
    #expect(probe.chapters.map { $0.title ?? "" } == titles)
    #expect(probe.chapters.map(\.start) == starts)
    let mutagen = try MediaTools.mutagenChapters(file, in: folder)
    #expect(mutagen.map(\.title) == titles)
    #expect(mutagen.map { ($0.start * 1000).rounded() / 1000 } == starts)
    let ffprobe = try MediaTools.ffprobeChapters(file, in: folder)
    #expect(ffprobe.map(\.title) == titles)
    #expect(ffprobe.map(\.start) == starts)
    #expect(try MediaTools.decodedSeconds(file, in: folder) == decodedBefore)

    // The front matter's length is the new size, so the catalogue is clean again; embedding once
    // more gives the same file.
    let result = CatalogueLoader(root: fixture.catalogue).load()
    #expect(warnings(result.findings) == catalogueWarnedBefore)
    #expect(result.catalogue?.shows.first?.episodes.first?.media?.length == Int64(size))
    let bytes = try Data(contentsOf: folder.appendingPathComponent(file))
    let frontMatter = try Data(contentsOf: fixture.catalogue.appendingPathComponent("gesprekken/\(Self.episodeFile)"))
    let again = try tool.embed(Self.episodeFile)
    #expect(try Data(contentsOf: folder.appendingPathComponent(file)) == bytes)
    // The length: line already says the size: not rewritten, and not said to be.
    #expect(!again.lengthUpdated)
    #expect(try Data(contentsOf: fixture.catalogue.appendingPathComponent("gesprekken/\(Self.episodeFile)")) == frontMatter)
  }

  @Test func aPublishedEpisodeIsRefusedUnlessTheEnclosureMayChange() throws {
    let fixture = try catalogue("aflevering.mp3") { try MediaTools.tone(seconds: 8, to: "aflevering.mp3", in: $0) }
    _ = try Publisher(catalogueURL: fixture.catalogue, outputURL: fixture.output, options: BuildOptions(now: Timestamp.parse("2026-11-27T12:00:00+01:00")!)).build()
    let media = fixture.catalogue.appendingPathComponent("gesprekken/media/aflevering.mp3")
    let before = try Data(contentsOf: media)
    let tool = EpisodeChapters(catalogueURL: fixture.catalogue, outputURL: fixture.output)
    #expect {
      try tool.embed(Self.episodeFile)
    } throws: { ($0 as? EpisodeChapters.Failure)?.description.contains("--allow-enclosure-change") == true }
    #expect(try Data(contentsOf: media) == before)
    #expect(try tool.embed(Self.episodeFile, allowEnclosureChange: true).chapters == 3)
    #expect(try Data(contentsOf: media) != before)
  }

  @Test func chaptersFromTheMediaOrBrokenOnesAreNotWritten() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode(extra: "chapters:\n  - start: 30\n    title: B\n  - start: 10\n    title: A")
    let tool = EpisodeChapters(catalogueURL: fixture.catalogue, outputURL: fixture.output)
    #expect { try tool.embed("2024-03-14-de-buurt-beslist") } throws: {
      ($0 as? EpisodeChapters.Failure)?.description.contains("P20-CHAP-ORDER") == true
    }
    #expect { try tool.embed("2024-03-14-elders") } throws: {
      ($0 as? EpisodeChapters.Failure)?.description.contains("no episode") == true
    }
  }

  @Test func aFileThatIsNeitherMP3NorMP4IsLeftAsItWas() throws {
    let folder = try TemporaryFolder()
    let wav = try folder.write("a.wav", SampleMedia.wav(seconds: 1))
    #expect { try ChapterEmbedder.embed([ChapterEmbedder.Mark(start: 0, end: 1, title: "A")], into: wav.path) } throws: {
      ($0 as? ChapterEmbedder.Refusal)?.description.contains("neither an MP3 nor an MP4") == true
    }
    // An MP3 whose ID3 frame claims more than its tag holds.
    var bytes: [UInt8] = Array("ID3".utf8) + [3, 0, 0, 0, 0, 0, 20] + Array("TIT2".utf8) + [0, 0, 1, 0, 0, 0]
    bytes += [UInt8](repeating: 0, count: 10) + [UInt8](SampleMedia.mp3(seconds: 1))
    let mp3 = try folder.write("b.mp3", Data(bytes))
    #expect { try ChapterEmbedder.embed([ChapterEmbedder.Mark(start: 0, end: 1, title: "A")], into: mp3.path) } throws: {
      ($0 as? ChapterEmbedder.Refusal)?.description.contains("runs past the end of its tag") == true
    }
    #expect(try folder.read("b.mp3") == Data(bytes))
    // A symbolic link is not replaced by a file.
    try FileManager.default.createSymbolicLink(atPath: folder.url.appendingPathComponent("c.mp3").path, withDestinationPath: "b.mp3")
    #expect(throws: ChapterEmbedder.Refusal.self) {
      try ChapterEmbedder.embed([ChapterEmbedder.Mark(start: 0, end: 1, title: "A")], into: folder.url.appendingPathComponent("c.mp3").path)
    }
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.url.appendingPathComponent("c.mp3").path) == "b.mp3")
  }
}
