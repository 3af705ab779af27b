import Foundation
import Importer
import PodiumTestSupport
import Testing

/// Remote media is probed by ranges: real MP3 and M4A files made by ffmpeg, served with ranges by
/// a real server on 127.0.0.1. A missing duration is filled from the media, a wrong one reported;
/// a probe asks for a few hundred KB at most; a server without ranges is said and not probed.
@Suite struct MediaProbeImportTests {
  /// A file ffmpeg makes from a tone, and what the probe must make of it.
  struct Media: Sendable, CustomStringConvertible {
    var name: String
    var seconds: Int
    var arguments: [String]
    var type: String
    /// The duration is estimated from the first part of the file.
    var estimated = false
    /// The probe must read the file's end (an index after the media).
    var readsTail = false
    /// `arguments` name `cover.jpg`, a 1000×1000 picture of noise (about 650 KB).
    var cover = false
    var description: String { name }
  }

  static let media: [Media] = [
    Media(name: "vbr-xing.mp3", seconds: 90, arguments: ["-codec:a", "libmp3lame", "-q:a", "5"], type: "audio/mpeg"),
    Media(name: "cbr-info.mp3", seconds: 90, arguments: ["-codec:a", "libmp3lame", "-b:a", "64k"], type: "audio/mpeg"),
    Media(
      name: "cbr-no-header.mp3", seconds: 150, arguments: ["-codec:a", "libmp3lame", "-b:a", "64k", "-write_xing", "0"],
      type: "audio/mpeg", estimated: true),
    Media(
      name: "faststart.m4a", seconds: 150, arguments: ["-codec:a", "aac", "-b:a", "64k", "-movflags", "+faststart"],
      type: "audio/mp4"),
    Media(name: "moov-at-end.m4a", seconds: 150, arguments: ["-codec:a", "aac", "-b:a", "64k"], type: "audio/mp4", readsTail: true),
    // A podcast's usual MP3: the cover in the ID3 tag, larger than the probe's whole budget, is skipped.
    Media(
      name: "cover-art.mp3", seconds: 60,
      arguments: [
        "-i", "cover.jpg", "-map", "0:a", "-map", "1:v", "-codec:a", "libmp3lame", "-q:a", "5", "-codec:v", "copy",
        "-id3v2_version", "3",
      ], type: "audio/mpeg", cover: true),
  ]

  struct Setup {
    let folder: TemporaryFolder
    let server: TestHTTPServer
    var catalogue: URL { folder.url.appendingPathComponent("episodes") }

    init() throws {
      folder = try TemporaryFolder()
      server = try TestHTTPServer()
      try folder.write("episodes/podium.yaml", CatalogueFixture.site)
      try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("served"), withIntermediateDirectories: true)
      server.serve(directory: folder.url.appendingPathComponent("served"), at: "/media")
    }

    /// Makes `media` in the served folder; returns its size and the length ffmpeg decodes.
    func make(_ media: Media) throws -> (size: Int, seconds: Double) {
      let served = folder.url.appendingPathComponent("served")
      if media.cover {
        try MediaTools.run(
          "ffmpeg", ["-v", "error", "-y", "-f", "lavfi", "-i", "nullsrc=s=1000x1000,geq=random(1)*255:128:128", "-frames:v", "1",
                     "-q:v", "3", "cover.jpg"], in: served)
      }
      try MediaTools.run(
        "ffmpeg", ["-v", "error", "-y", "-f", "lavfi", "-i", "sine=frequency=440:duration=\(media.seconds)"] + media.arguments
          + [media.name], in: served)
      let size = try folder.read("served/\(media.name)").count
      return (size, try MediaTools.decodedSeconds(media.name, in: served))
    }

    /// One item per entry: the file, its size and the itunes:duration the feed gives, if any;
    /// `queries[n]`, when given, is added to the n-th enclosure URL.
    func feed(_ items: [(media: Media, size: Int, duration: String?)], queries: [String] = []) -> String {
      let entries = items.enumerated().map { number, item in
        let query = number < queries.count ? "?" + queries[number] : ""
        return """
        <item><title>Episode \(number + 1)</title><guid>ep-\(number + 1)</guid><pubDate>Mon, 0\(number + 1) Jan 2024 10:00:00 +0000</pubDate>
          <enclosure url="\(server.url("/media/" + item.media.name))\(query)" length="\(item.size)" type="\(item.media.type)"/>\(item.duration.map { "<itunes:duration>\($0)</itunes:duration>" } ?? "")</item>
        """
      }
      return """
        <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel>
        <title>Probed</title><description>P.</description><itunes:image href="https://p.podium.test/a.jpg"/>
        <itunes:category text="Arts"/>
        <atom:link xmlns:atom="http://www.w3.org/2005/Atom" rel="self" href="https://p.podium.test/feed"/>
        \(entries.joined(separator: "\n"))
        </channel></rss>
        """
    }

    func run(_ feed: String, probe: Bool = true, configure: (inout ImportOptions) -> Void = { _ in }) throws -> ImportReport {
      server.route("/feed.xml", .text(feed, type: "application/rss+xml"))
      var options = ImportOptions(now: MediaImportTests.now)
      options.probeMedia = probe
      configure(&options)
      return try FeedImporter(catalogueURL: catalogue, outputURL: folder.url.appendingPathComponent("feeds"), options: options)
        .run(.remote(url: server.url("/feed.xml")))
    }

    /// The ranged GETs the probe made for `name` (not LinkCheck's two-byte check): their ranges.
    func probeRanges(_ name: String) -> [(first: Int, last: Int)] {
      server.requests.filter { $0.path == "/media/" + name && $0.method == "GET" && $0.range != "bytes=0-1" }.compactMap {
        guard let range = $0.range?.dropFirst("bytes=".count).split(separator: "-"), range.count == 2,
          let first = Int(range[0]), let last = Int(range[1])
        else { return (-1, -1) }
        return (first, last)
      }
    }

    func episodeFile(_ number: Int) throws -> String {
      try String(contentsOf: catalogue.appendingPathComponent("probed/2024-01-0\(number)-episode-\(number).md"), encoding: .utf8)
    }
  }

  /// A feed without durations: each is filled from the media, within a second of what ffmpeg
  /// decodes (an estimate within 1%), from a few ranges of at most 512 KiB in all.
  @Test(arguments: media) func aMissingDurationIsFilledFromTheMedia(media: Media) throws {
    let setup = try Setup()
    let (size, seconds) = try setup.make(media)
    let report = try setup.run(setup.feed([(media, size, nil)]))
    let notes = report.episodes[0].notes
    let filled = try #require(notes.first { $0.contains("the feed gave no itunes:duration") }, "\(notes)")
    let written = try #require(try setup.episodeFile(1).firstMatch(of: /duration: (\d+)/)).1
    let probed = try #require(Double(written))
    #expect(abs(probed - seconds) <= (media.estimated ? seconds / 100 : 1), "\(probed) against ffmpeg's \(seconds)")
    #expect(filled.contains("estimated") == media.estimated, "\(filled)")
    #expect(!report.episodes[0].losses.contains { $0.element == "itunes:duration" })

    let ranges = setup.probeRanges(media.name)
    #expect(!ranges.isEmpty && ranges.count <= 8, "\(ranges)")
    #expect(ranges.allSatisfy { $0.first >= 0 && $0.last >= $0.first }, "\(ranges)")
    #expect(ranges.reduce(0) { $0 + $1.last - $1.first + 1 } <= 512 * 1024, "\(ranges)")
    #expect(ranges.reduce(0) { $0 + $1.last - $1.first + 1 } < size, "\(ranges) of \(size) bytes")
    // The cover alone is more than the probe may read: it was stepped over, not read.
    if media.cover { #expect(size > 600 * 1024) }
    if media.readsTail { #expect(ranges.contains { $0.first > size / 2 }, "\(ranges)") }
    #expect(!setup.server.requests.contains { $0.path == "/media/" + media.name && $0.method == "GET" && $0.range == nil })
  }

  /// A duration far from the media's is reported and kept; one within the tolerance is not.
  @Test func aWrongDurationIsReportedAndKept() throws {
    let setup = try Setup()
    let media = MediaProbeImportTests.media[0]
    let (size, seconds) = try setup.make(media)
    let report = try setup.run(setup.feed([(media, size, "2:30"), (media, size, String(Int(seconds.rounded()) + 2))]))
    let wrong = report.episodes.first { $0.guid == "ep-1" }?.notes ?? []
    #expect(wrong.contains { $0.contains("itunes:duration says 150 s but the media plays \(Int(seconds.rounded())) s") }, "\(wrong)")
    #expect(try setup.episodeFile(1).contains("duration: 150"))
    let close = report.episodes.first { $0.guid == "ep-2" }?.notes ?? []
    #expect(!close.contains { $0.contains("itunes:duration") }, "\(close)")
  }

  /// A server that ignores ranges is named, and its media is not probed: nothing past the check's
  /// two-byte request is asked for, and a missing duration stays a loss.
  @Test func aServerWithoutRangesIsSaidAndNotProbed() throws {
    let setup = try Setup()
    setup.server.route("/media/whole.mp3", .ignoresRange(bytes: 2_000_000, type: "audio/mpeg"))
    let media = Media(name: "whole.mp3", seconds: 0, arguments: [], type: "audio/mpeg")
    let report = try setup.run(setup.feed([(media, 2_000_000, nil)]))
    let notes = report.episodes[0].notes
    #expect(notes.contains { $0.contains("does not answer byte ranges") && $0.contains("duration was not read") }, "\(notes)")
    #expect(setup.probeRanges("whole.mp3").isEmpty)
    #expect(report.episodes[0].losses.contains { $0.element == "itunes:duration" })
  }

  /// One file named by several items is probed once; the import's bytes for probes bound them
  /// all: once spent (checked between batches, four items each here), the rest are named as not read.
  @Test func probesAreOnePerFileAndBoundedInAll() throws {
    let setup = try Setup()
    let media = MediaProbeImportTests.media[1]
    let (size, _) = try setup.make(media)
    let items = Array(repeating: (media, size, String?.none), count: 7)
    let report = try setup.run(setup.feed(items, queries: ["a", "a", "b", "c", "d", "e", "f"])) { options in
      options.network.maximumConcurrent = 1
      options.limits.maximumProbeBytes = 1
    }
    let filled = report.episodes.filter { $0.notes.contains { $0.contains("the feed gave no itunes:duration") } }
    let notRead = report.episodes.filter { $0.notes.contains { $0.contains("MiB for reading media are spent") } }
    #expect(filled.map(\.guid).sorted() == ["ep-1", "ep-2", "ep-3", "ep-4"], "\(report.episodes.map(\.notes))")
    #expect(notRead.map(\.guid).sorted() == ["ep-5", "ep-6", "ep-7"], "\(report.episodes.map(\.notes))")
    // The first two items share a URL: its probe's ranges were asked for once.
    let first = setup.server.requests.filter { $0.path == "/media/" + media.name && $0.query == "a" && $0.method == "GET" && $0.range != "bytes=0-1" }
    let third = setup.server.requests.filter { $0.path == "/media/" + media.name && $0.query == "b" && $0.method == "GET" && $0.range != "bytes=0-1" }
    #expect(!first.isEmpty && first.count == third.count, "\(first) \(third)")
    #expect(!setup.server.requests.contains { $0.query == "e" && $0.method == "GET" && $0.range != "bytes=0-1" })
  }

  /// The ranges are asked of the address the check was redirected to, through LinkCheck again.
  @Test func redirectedMediaIsProbedWhereItIs() throws {
    let setup = try Setup()
    let media = MediaProbeImportTests.media[0]
    let (size, seconds) = try setup.make(media)
    setup.server.route("/old/episode.mp3", .redirect(status: 302, to: "/media/" + media.name))
    let feed = setup.feed([(media, size, nil)]).replacingOccurrences(
      of: setup.server.url("/media/" + media.name), with: setup.server.url("/old/episode.mp3"))
    let report = try setup.run(feed)
    #expect(report.episodes[0].notes.contains { $0.contains("the media's \(Int(seconds.rounded())) s") }, "\(report.episodes[0].notes)")
    #expect(!setup.probeRanges(media.name).isEmpty)
  }

  /// Bytes that are no media (the server's pattern), behind a size that is a lie: the report says
  /// the duration could not be read and why, the feed's is kept, and the import goes on.
  @Test func mediaThatCannotBeReadIsNamed() throws {
    let setup = try Setup()
    setup.server.route("/media/lying.mp3", .lyingLength(bytes: 100_000, claimed: 5_000_000, type: "audio/mpeg"))
    let media = Media(name: "lying.mp3", seconds: 0, arguments: [], type: "audio/mpeg")
    let report = try setup.run(setup.feed([(media, 5_000_000, "60")]))
    let notes = report.episodes[0].notes
    #expect(
      notes.contains { $0.contains("the media's duration could not be read") && $0.contains("not a format Podium knows") },
      "\(notes)")
    #expect(try setup.episodeFile(1).contains("duration: 60"))
  }

  /// A movie header that says 2^64 - 16 seconds (a 64-bit duration, a timescale of 1): more
  /// seconds than a whole number holds, so the duration is named as not read, not turned into
  /// one (which stopped the import), and the feed's is kept.
  @Test func aDurationPastAnyNumberIsNotRead() throws {
    let setup = try Setup()
    func box(_ type: String, _ payload: [UInt8]) -> [UInt8] {
      let size = UInt32(8 + payload.count)
      return [24, 16, 8, 0].map { UInt8((size >> $0) & 0xFF) } + Array(type.utf8) + payload
    }
    let mvhd = box("mvhd", [1, 0, 0, 0] + [UInt8](repeating: 0, count: 16) + [0, 0, 0, 1]
      + [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xF0] + [UInt8](repeating: 0, count: 80))
    let track = box("trak", box("mdia", box("hdlr", [UInt8](repeating: 0, count: 8) + Array("soun".utf8) + [UInt8](repeating: 0, count: 13))))
    let bytes = box("ftyp", Array("M4A ".utf8) + [0, 0, 0, 0] + Array("M4A isom".utf8)) + box("moov", mvhd + track)
    try setup.folder.write("served/endless.m4a", Data(bytes))
    let media = Media(name: "endless.m4a", seconds: 0, arguments: [], type: "audio/mp4")
    let report = try setup.run(setup.feed([(media, bytes.count, "60")]))
    let notes = report.episodes[0].notes
    #expect(notes.contains { $0.contains("the media's duration could not be read") }, "\(notes)")
    #expect(try setup.episodeFile(1).contains("duration: 60"))
  }

  /// A server that claims a petabyte: its size is neither written as the media's length nor
  /// used to place the probe's ranges; the report says why.
  @Test func aSizePastAnyMediaIsNotUsed() throws {
    let setup = try Setup()
    setup.server.route("/media/huge.mp3", .lyingLength(bytes: 100_000, claimed: 1 << 50, type: "audio/mpeg"))
    let media = Media(name: "huge.mp3", seconds: 0, arguments: [], type: "audio/mpeg")
    let report = try setup.run(setup.feed([(media, 0, "60")]))
    let notes = report.episodes[0].notes
    #expect(notes.contains { $0.contains("\(1 << 50) bytes, more than any episode's media") }, "\(notes)")
    #expect(setup.probeRanges(media.name).isEmpty)
    #expect(try !setup.episodeFile(1).contains(String(1 << 50)))
  }

  /// A real MP3 without a Xing header behind a server that claims 8 GB: the duration estimated
  /// from that size (about 280 hours at 64 kbit/s) is more than a week and is not written.
  @Test func anEstimatedDurationPastAWeekIsNotUsed() throws {
    let setup = try Setup()
    let media = MediaProbeImportTests.media[2]
    #expect(media.estimated)
    _ = try setup.make(media)
    let claimed = 8_000_000_000
    let path = setup.folder.url.appendingPathComponent("served/\(media.name)").path
    setup.server.route("/media/" + media.name, .claimedFile(path: path, claimed: claimed, type: media.type))
    let report = try setup.run(setup.feed([(media, claimed, nil)]))
    let notes = report.episodes[0].notes
    #expect(notes.contains { $0.contains("more than a week: that duration is not used") }, "\(notes)")
    #expect(try !setup.episodeFile(1).contains("duration:"))
  }

  /// `--no-probe` asks the media's server nothing.
  @Test func noProbeAsksNothing() throws {
    let setup = try Setup()
    let media = MediaProbeImportTests.media[1]
    let (size, _) = try setup.make(media)
    let report = try setup.run(setup.feed([(media, size, nil)]), probe: false)
    #expect(!setup.server.requests.contains { $0.path.hasPrefix("/media/") })
    #expect(report.episodes[0].losses.contains { $0.element == "itunes:duration" })
  }
}
