import Catalogue
import Foundation
import Importer
import PodiumTestSupport
import Publisher
import Testing

/// Nothing is lost silently: what the catalogue can't hold is named per episode, and what it
/// can is in the files.
@Suite struct ImportReportTests {
  static let now = Timestamp.parse("2030-01-01T00:00:00Z")!

  @Test func eachEpisodeNamesWhatItLost() throws {
    let imported = try RoundTripTests.Imported("podcasting20")
    let report = imported.report
    // The catalogue holds value and soundbites now: they are carried, not lost.
    #expect(!report.showLosses.contains { $0.element == "podcast:value" })
    let feeds = try #require(report.episodes.first { $0.guid == "ow-2024-05" })
    #expect(!feeds.losses.contains { $0.element == "podcast:soundbite" || $0.element == "podcast:value" }, "\(feeds.losses)")
    #expect(feeds.losses.contains { $0.element == "podcast:alternateEnclosure" && $0.detail.contains("bitrate=64000") })
    let missing = try #require(report.episodes.first { $0.guid == "ow-2024-06" })
    #expect(missing.losses.contains { $0.element == "podcast:transcript" && $0.detail.contains("/t/missing.vtt") && $0.detail.contains("404") })
    #expect(report.nextSteps.contains { $0.contains("301") })
    #expect(report.nextSteps.contains { $0.contains("itunes:new-feed-url") })
  }

  /// What the catalogue holds is written where docs/catalogue.md says, as a producer would.
  @Test func theRichFeedsValuesAreInTheFiles() throws {
    let imported = try RoundTripTests.Imported("podcasting20")
    let show = try String(contentsOf: imported.catalogue.appendingPathComponent("open-waves/show.yaml"), encoding: .utf8)
    for line in [
      "guid: 917393e3-1b1e-5cef-ace4-edaa54e1f810", "locked: true", "owner_email: host@waves.podium.test",
      "license: CC-BY-4.0", "geo: geo:51.05,3.72", "text: Support the show", "name: Ana Lima", "artwork_alt: Blue waves on white",
      "purpose: banner", "rrule: FREQ=MONTHLY;BYMONTHDAY=15", "podroll:", "feed_guid: bed1bdd6-15f2-5987-8d5f-0bda6497504d",
      "publisher:", "chat:", "space: '#openwaves'", "social_interact:", "block_services:", "- google", "live:", "status: pending",
      "value:", "split: 100",
    ] {
      #expect(show.contains(line), "show.yaml lacks \(line):\n\(show)")
    }
    let episode = try String(
      contentsOf: imported.catalogue.appendingPathComponent("open-waves/2024-05-15-feeds-forever.md"), encoding: .utf8)
    for line in [
      "date: 2024-05-15T14:00:00+02:00", "season: 3", "episode: 5", "url: https://cdn.waves.podium.test/ow-2024-05.opus",
      "title: Opus", "file: transcripts/2024-05-15-feeds-forever.vtt", "rel: captions",
      "file: transcripts/2024-05-15-feeds-forever.json", "- start: 600", "img: https://waves.podium.test/rss.png",
      "name: Ben Ode", "role: guest", "name: Brussel", "soundbites:", "- start: 120.5", "duration: 45", "title: The best bit",
      "content_links:", "social_interact:", "value:", "time_splits:", "remote_percentage: 90", "item_guid: song-1",
      "integrity: sha384-KzeE1ubPwwZSqJq6asaFFf+/vRFtEmdM/bTgFucc35s2HzXpwT+NMl51fubAJRR0", "purpose: social",
    ] {
      #expect(episode.contains(line), "the episode lacks \(line):\n\(episode)")
    }
    #expect(imported.folder.exists("episodes/open-waves/transcripts/2024-05-15-feeds-forever.vtt"))
    let loaded = CatalogueLoader(root: imported.catalogue).load()
    #expect(!loaded.findings.contains { $0.severity == .error }, "\(loaded.findings)")
  }

  /// Notes that convert cleanly become Markdown; others stay sanitised HTML, and what the
  /// sanitiser took out is a loss.
  @Test func notesBecomeMarkdownWhereTheyConvertCleanly() throws {
    let imported = try RoundTripTests.Imported("html-notes")
    let clean = try String(contentsOf: imported.catalogue.appendingPathComponent("notes-heavy/2023-09-14-clean-notes.md"), encoding: .utf8)
    #expect(clean.contains("## Links"))
    #expect(clean.contains("1. [A](<https://a.podium.test/>) \\& more"))
    #expect(clean.contains("> Quote \\*not emphasis\\*"))
    #expect(clean.contains("`code`"))
    for tag in ["<p>", "<ol>", "<li>", "<h2>", "<blockquote>", "<br>"] { #expect(!clean.contains(tag), "\(clean)") }
    let heavy = try #require(imported.report.episodes.first { $0.guid == "nh-1" })
    #expect(heavy.notes.contains { $0.contains("kept as sanitised HTML") })
    for removed in ["<script>", "<iframe>", "<img>", "onclick"] {
      #expect(heavy.losses.contains { $0.element == "notes" && $0.detail.contains(removed) }, "\(removed): \(heavy.losses)")
    }
    let file = try String(contentsOf: imported.catalogue.appendingPathComponent("notes-heavy/2023-09-07-tables-players.md"), encoding: .utf8)
    #expect(file.contains("<table>"))
    #expect(!file.contains("script"))
  }

  /// A video item's poster becomes its `poster`, its other images `images`; both are in the new
  /// feed (the round trip compares them attribute by attribute).
  @Test func aVideosPosterAndImagesAreCarried() throws {
    let imported = try RoundTripTests.Imported("video")
    let file = try String(contentsOf: imported.catalogue.appendingPathComponent("straatbeeld/2023-08-01-hoek-1.md"), encoding: .utf8)
    #expect(file.contains("poster: https://straat.podium.test/v/1.jpg"), "\(file)")
    #expect(file.contains("- url: https://straat.podium.test/v/1-wide.jpg") && file.contains("aspect_ratio: 16/9"), "\(file)")
  }

  /// A plain-text description is one paragraph of Markdown, not HTML kept as it was.
  @Test func plainTextNotesAreMarkdown() throws {
    let imported = try RoundTripTests.Imported("hosting")
    let plain = try #require(imported.report.episodes.first { $0.guid == "Buzz-0003" })
    #expect(!plain.notes.contains { $0.contains("sanitised HTML") }, "\(plain.notes)")
    let file = try String(contentsOf: imported.catalogue.appendingPathComponent("buurtgesprekken/2023-01-16-straten.md"), encoding: .utf8)
    #expect(file.hasSuffix("---\n\nGewoon tekst, zonder opmaak.\n"), "\(file)")
  }

  /// `podcast:block` for every service is the catalogue's `block` only together with
  /// `itunes:block`: where the two differ, the report says what the new feed will say.
  @Test(arguments: [
    ("<itunes:block>yes</itunes:block><podcast:block>no</podcast:block>", true, "let other platforms list it"),
    ("<podcast:block>yes</podcast:block>", false, "every platform but Apple"),
    ("<itunes:block>yes</itunes:block><podcast:block>yes</podcast:block>", true, nil),
    ("<podcast:block id=\"spotify\">yes</podcast:block>", false, nil),
  ] as [(String, Bool, String?)])
  func blockingIsCarriedWhereApplesAndTheOthersAgree(tags: String, blocked: Bool, loss: String?) throws {
    let folder = try TemporaryFolder()
    try folder.write("episodes/podium.yaml", CatalogueFixture.site)
    try folder.write("old.xml", """
      <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel>
      <title>Blok</title><description>B.</description><itunes:image href="https://b.podium.test/a.jpg"/><itunes:category text="Arts"/>
      <podcast:guid>bbbbbbbb-1b1e-5cef-ace4-edaa54e1f810</podcast:guid>\(tags)
      </channel></rss>
      """)
    let report = try Self.importOldFeed(in: folder).report
    let show = try String(contentsOf: folder.url.appendingPathComponent("episodes/blok/show.yaml"), encoding: .utf8)
    #expect(show.contains("\nblock: true\n") == blocked, "\(show)")
    let blockLosses = report.showLosses.filter { $0.element == "podcast:block" }
    if let loss {
      #expect(blockLosses.count == 1 && blockLosses[0].detail.contains(loss), "\(blockLosses)")
    } else {
      #expect(blockLosses.isEmpty, "\(blockLosses)")
    }
  }

  /// Podcasting 2.0 values that break a rule the catalogue keeps are each named at their line,
  /// with the reason, and the show they leave builds without errors.
  static let malformed = """
    <?xml version="1.0" encoding="UTF-8"?>
    <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0">
    <channel>
    <title>Weird</title><description>W.</description><language>en</language>
    <podcast:guid>cccccccc-1b1e-5cef-ace4-edaa54e1f810</podcast:guid>
    <itunes:image href="https://w.podium.test/a.jpg"/><itunes:category text="Arts"/>
    <podcast:image href="http://w.podium.test/insecure.jpg" purpose="banner"/>
    <podcast:image href="https://w.podium.test/b.jpg" width="abc" purpose="social"/>
    <podcast:value type="lightning" method="keysend"><podcast:valueRecipient name="A" type="node" address="02ab" split="0"/><podcast:valueRecipient name="B" type="node" address="03cd" split="2.5"/></podcast:value>
    <podcast:socialInteract protocol="activitypub" uri="http://social.podium.test/1"/>
    <podcast:socialInteract protocol="disabled"/>
    <podcast:chat server="irc.example" protocol="irc"/>
    <podcast:updateFrequency rrule="FREQ=WEEKLY" dtstart="yesterday">Weekly</podcast:updateFrequency>
    <podcast:podroll><podcast:remoteItem feedGuid="917393e3-1b1e-5cef-ace4-edaa54e1f810" feedUrl="http://x.podium.test/f.xml"/></podcast:podroll>
    <podcast:trailer url="https://w.podium.test/nowhere.mp3" pubdate="Mon, 01 Jan 2024 10:00:00 +0000" length="1" type="audio/mpeg">Gone</podcast:trailer>
    <podcast:liveItem status="live" start="2024-01-01T10:00:00Z"><title>Live</title><guid>l1</guid><enclosure url="https://w.podium.test/live" type="audio/mpeg" length="0"/></podcast:liveItem>
    <item><title>One</title><guid>w1</guid><pubDate>Mon, 01 Jan 2024 10:00:00 +0000</pubDate>
    <enclosure url="https://w.podium.test/1.mp3" length="1000" type="audio/mpeg"/><itunes:duration>100</itunes:duration>
    <podcast:soundbite startTime="-5" duration="10">Bad</podcast:soundbite>
    <podcast:soundbite startTime="95" duration="20">Past the end</podcast:soundbite>
    <podcast:contentLink href="https://w.podium.test/x"></podcast:contentLink>
    <podcast:alternateEnclosure type="audio/mpeg" length="1000" default="true"><podcast:source uri="https://w.podium.test/1.mp3"/><podcast:integrity type="pgp-signature" value="abc"/></podcast:alternateEnclosure>
    <podcast:alternateEnclosure type="audio/ogg"><podcast:source uri="https://w.podium.test/1.ogg"/><podcast:integrity type="sri" value="sha384-notbase64"/></podcast:alternateEnclosure>
    <podcast:value type="lightning" method="keysend"><podcast:valueRecipient type="node" address="02ab" split="1"/><podcast:valueTimeSplit startTime="10" duration="5" remotePercentage="150"><podcast:valueRecipient type="node" address="03" split="1"/><podcast:remoteItem feedGuid="917393e3-1b1e-5cef-ace4-edaa54e1f810" itemGuid="x"/></podcast:valueTimeSplit></podcast:value>
    </item>
    </channel></rss>
    """

  @Test(arguments: [
    ("podcast:valueRecipient", 9, "split '0' is not a whole number above 0"),
    ("podcast:valueRecipient", 9, "split '2.5'"),
    ("podcast:value", 9, "no recipient the catalogue can hold"),
    ("podcast:socialInteract", 10, "is not https"),
    ("podcast:updateFrequency", 13, "dtstart 'yesterday'"),
    ("podcast:remoteItem", 14, "feedUrl 'http://x.podium.test/f.xml' is not https"),
    ("podcast:trailer", 15, "is no item of the feed"),
    ("podcast:liveItem", 16, "has no podcast:contentLink"),
    ("podcast:image", 7, "is not https"),
    ("podcast:image", 8, "width 'abc'"),
    ("podcast:soundbite", 19, "startTime '-5'"),
    ("podcast:integrity", 22, "type 'pgp-signature'"),
    ("podcast:integrity", 23, "'sha384-notbase64' is not a Subresource Integrity hash"),
    ("podcast:valueTimeSplit", 24, "remotePercentage '150'"),
    ("podcast:valueTimeSplit", 24, "both recipients and a remote item"),
  ] as [(String, Int, String)])
  func malformedPodcastingValuesAreNamedAtTheirLine(element: String, line: Int, detail: String) throws {
    let folder = try TemporaryFolder()
    try folder.write("episodes/podium.yaml", CatalogueFixture.site)
    try folder.write("old.xml", Self.malformed)
    let (catalogue, output, report) = try Self.importOldFeed(in: folder)
    let losses = report.showLosses + report.episodes.flatMap(\.losses)
    #expect(losses.contains { $0.element == element && $0.line == line && $0.detail.contains(detail) }, "\(losses)")
    let build = try Publisher(catalogueURL: catalogue, outputURL: output, options: BuildOptions(now: Self.now)).build()
    #expect(!build.hasErrors, "\(build.findings.filter { $0.severity == .error })")
  }

  /// What the catalogue needs and the feed did not give is named at once, not left for the
  /// first build to find: the show's artwork and categories, an enclosure's type.
  @Test func whatTheFirstBuildNeedsIsNamed() throws {
    let folder = try TemporaryFolder()
    try folder.write("episodes/podium.yaml", CatalogueFixture.site)
    try folder.write("old.xml", """
      <rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel>
      <title>Kaal</title><description>K.</description><podcast:guid>dddddddd-1b1e-5cef-ace4-edaa54e1f810</podcast:guid>
      <item><title>Een</title><guid>k1</guid><pubDate>Mon, 01 Jan 2024 10:00:00 +0000</pubDate>
        <enclosure url="https://k.podium.test/1.mp3" length="10"/></item>
      </channel></rss>
      """)
    let (catalogue, output, report) = try Self.importOldFeed(in: folder)
    #expect(report.showNotes.contains { $0.hasPrefix("to fix before the first build") && $0.contains("add artwork:") }, "\(report.showNotes)")
    #expect(report.showNotes.contains { $0.hasPrefix("to fix before the first build") && $0.contains("add categories:") })
    #expect(report.episodes[0].losses.contains { $0.detail.contains("add media.type") })
    // The build agrees, though it names the first only: a show.yaml without artwork stops the show.
    let build = try Publisher(catalogueURL: catalogue, outputURL: output, options: BuildOptions(now: Self.now)).build()
    #expect(build.findings.contains { $0.ruleID == "CAT-REQUIRED" && $0.message.contains("artwork") }, "\(build.findings)")
  }

  /// Two items with one GUID: both are imported, the earlier keeps it, and the report says how
  /// Podium keeps them apart.
  @Test func duplicateGUIDsAreBothImportedAndExplained() throws {
    let folder = try TemporaryFolder()
    try folder.write("episodes/podium.yaml", CatalogueFixture.site)
    try folder.write("old.xml", """
      <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel>
      <title>Dubbel</title><description>Twee keer.</description><itunes:image href="https://d.podium.test/a.jpg"/>
      <itunes:category text="Arts"/><podcast:guid xmlns:podcast="https://podcastindex.org/namespace/1.0">aaaaaaaa-1b1e-5cef-ace4-edaa54e1f810</podcast:guid>
      <item><title>Later</title><guid>same</guid><pubDate>Tue, 02 Jan 2024 10:00:00 +0000</pubDate>
        <enclosure url="https://d.podium.test/2.mp3" length="10" type="audio/mpeg"/><itunes:duration>60</itunes:duration></item>
      <item><title>Earlier</title><guid>same</guid><pubDate>Mon, 01 Jan 2024 10:00:00 +0000</pubDate>
        <enclosure url="https://d.podium.test/1.mp3" length="10" type="audio/mpeg"/><itunes:duration>60</itunes:duration></item>
      </channel></rss>
      """)
    let (catalogue, output, report) = try Self.importOldFeed(in: folder)
    let duplicate = try #require(report.duplicates.first)
    #expect(duplicate.guid == "same")
    #expect(duplicate.kept == "Earlier")
    let renamed = try #require(duplicate.renamed["Later"])
    #expect(report.episodes.first { $0.title == "Later" }?.losses.first?.detail.contains("apps showed only one of them") == true)
    #expect(try String(contentsOf: catalogue.appendingPathComponent("dubbel/2024-01-01-earlier.md"), encoding: .utf8).contains("guid: same"))
    #expect(try String(contentsOf: catalogue.appendingPathComponent("dubbel/2024-01-02-later.md"), encoding: .utf8).contains("guid: \(renamed)"))
    let build = try Publisher(catalogueURL: catalogue, outputURL: output, options: BuildOptions(now: Self.now)).build()
    #expect(!build.hasErrors, "\(build.findings)")
  }

  @Test(arguments: [
    ("Thu, 14 Mar 2024 09:00:00 +0100", "2024-03-14T09:00:00+01:00", false),
    ("Thu, 14 Mar 2024 09:00:00 GMT", "2024-03-14T09:00:00Z", false),
    ("Thu, 14 Mar 2024 09:00:00 EDT", "2024-03-14T09:00:00-04:00", false),
    ("14 Mar 2024 09:00 -0530", "2024-03-14T09:00:00-05:30", false),
    ("Thu, 14 March 24 09:00:00 +0000", "2024-03-14T09:00:00Z", true),
    ("2024-03-14T09:00:00+01:00", "2024-03-14T09:00:00+01:00", true),
  ])
  func datesKeepTheirZone(text: String, expected: String, interpreted: Bool) throws {
    let folder = try TemporaryFolder()
    try folder.write("old.xml", """
      <rss version="2.0"><channel><title>D</title><description>D.</description>
      <atom:link xmlns:atom="http://www.w3.org/2005/Atom" rel="self" href="https://d.podium.test/feed"/>
      <item><title>A</title><guid>a</guid><pubDate>\(text)</pubDate>
      <enclosure url="https://d.podium.test/1.mp3" length="10" type="audio/mpeg"/></item></channel></rss>
      """)
    let report = try Self.importOldFeed(in: folder).report
    let file = try #require(report.files.first { $0.hasSuffix(".md") })
    #expect(try String(contentsOfFile: file, encoding: .utf8).contains("date: \(expected)"))
    #expect(report.episodes[0].losses.contains { $0.element == "pubDate" } == interpreted)
  }

  /// Imports the folder's `old.xml` into its `episodes/`, with `feeds/` as the output, without
  /// asking any server about the media.
  static func importOldFeed(in folder: TemporaryFolder) throws -> (catalogue: URL, output: URL, report: ImportReport) {
    var options = ImportOptions(now: now)
    options.probeMedia = false
    let catalogue = folder.url.appendingPathComponent("episodes")
    let output = folder.url.appendingPathComponent("feeds")
    let report = try FeedImporter(catalogueURL: catalogue, outputURL: output, options: options)
      .run(.file(path: folder.url.appendingPathComponent("old.xml").path))
    return (catalogue, output, report)
  }
}
