import Foundation
import PodiumTestSupport
import Testing

/// `podium lint` through the real binary: feeds made by other tools and their known problems,
/// Podium's own feeds, and hostile feeds that must be refused quickly, without expansion or network.
@Suite(.timeLimit(.minutes(1)))
struct LintCommandTests {
  /// A finding as `--format json` prints it.
  struct FindingRow: Decodable, Equatable {
    var ruleID: String
    var severity: String
    var message: String
    var file: String?
    var line: Int?
  }

  /// Runs `podium lint` on feeds written into a temporary folder.
  static func lint(_ feeds: [String: String], _ arguments: [String]) throws -> (PodiumProcess.Output, TemporaryFolder) {
    let folder = try TemporaryFolder()
    for (name, text) in feeds { try folder.write(name, text) }
    return (try PodiumProcess.run(["lint"] + arguments, in: folder.url), folder)
  }

  static func rows(_ output: PodiumProcess.Output) throws -> [FindingRow] {
    try JSONDecoder().decode([FindingRow].self, from: Data(output.standardOutput.utf8))
  }

  static var repositoryRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  }

  // MARK: Feeds made by other tools

  /// (file name, feed, rule id and severity it must report)
  static let otherTools: [(String, String, [String: String])] = [
    ("podcastgenerator.xml", Feeds.podcastGenerator,
     ["APPLE-CH-EXPLICIT": "warning", "APPLE-ITEM-EXPLICIT": "warning", "RSS-ATOM-SELF": "warning"]),
    ("wordpress.xml", Feeds.wordPress, ["RSS-GUID-UNIQUE": "error", "CLIENT-ENC-LENGTH": "warning"]),
    ("feedgen.xml", Feeds.feedgen, ["RSS-DATE-RFC822": "error", "RSS-ATOM-SELF": "warning"]),
  ]

  @Test(arguments: otherTools)
  func reportsTheKnownProblemsOfOtherTools(name: String, feed: String, expected: [String: String]) throws {
    let (result, _) = try Self.lint([name: feed], ["--format", "json", name])
    #expect(result.status == 1, "\(result.standardOutput)\(result.standardError)")
    let rows = try Self.rows(result)
    for (rule, severity) in expected {
      let found = rows.filter { $0.ruleID == rule }
      #expect(!found.isEmpty, "\(name): no \(rule) in \(rows.map(\.ruleID))")
      #expect(found.allSatisfy { $0.severity == severity && $0.file == name && ($0.line ?? 0) > 0 }, "\(name): \(found)")
    }
  }

  @Test func explicitYesAndNoAreWarningsThatNameTheFix() throws {
    let (result, _) = try Self.lint(["feed.xml": Feeds.podcastGenerator], ["feed.xml"])
    #expect(result.standardOutput.contains("feed.xml:26: warning: [APPLE-CH-EXPLICIT] <itunes:explicit> 'no'"))
    #expect(result.standardOutput.contains("write false"))
    #expect(result.standardOutput.contains("feed.xml:39: warning: [APPLE-ITEM-EXPLICIT] <itunes:explicit> 'yes'"))
  }

  @Test func duplicateGUIDPointsAtBothItems() throws {
    let (result, _) = try Self.lint(["feed.xml": Feeds.wordPress], ["--format", "json", "feed.xml"])
    let duplicate = try #require(try Self.rows(result).first { $0.ruleID == "RSS-GUID-UNIQUE" })
    #expect(duplicate.line == 41)
    #expect(duplicate.message.contains("line 31"))
  }

  @Test func severalFeedsAreReportedEachUnderItsName() throws {
    let (result, _) = try Self.lint(
      ["a/feedgen.xml": Feeds.feedgen, "b/wordpress.xml": Feeds.wordPress], ["a/feedgen.xml", "b/wordpress.xml"])
    #expect(result.status == 1)
    let text = result.standardOutput
    let first = try #require(text.range(of: "a/feedgen.xml:26: error: [RSS-DATE-RFC822]"))
    let second = try #require(text.range(of: "b/wordpress.xml:41: error: [RSS-GUID-UNIQUE]"))
    #expect(first.lowerBound < second.lowerBound)
    #expect(text.contains("2 errors, 2 warnings"))
  }

  // MARK: Podium's own feeds

  @Test(arguments: ["feeds/gesprekken/feed.xml", "feeds/reportages/feed.xml"])
  func podiumsOwnFeedsHaveNoErrorsOrWarnings(feed: String) throws {
    let result = try PodiumProcess.run(["lint", "--strict", "--format", "json", feed], in: Self.repositoryRoot)
    #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
    let serious = try Self.rows(result).filter { $0.severity != "info" }
    #expect(serious.isEmpty, "\(serious)")
  }

  /// The video show's other outputs: a sitemap is recognised by its root, Media RSS by its
  /// namespaces; `--profile podcast` still applies every rule.
  @Test(arguments: [
    (["feeds/reportages/video-sitemap.xml"], 0, nil),
    (["--profile", "rss", "feeds/reportages/media.xml"], 0, nil),
    (["feeds/reportages/media.xml"], 0, nil),
    (["--profile", "podcast", "feeds/reportages/media.xml"], 1, "APPLE-"),
  ] as [([String], Int32, String?)])
  func videoShowsOutputs(arguments: [String], status: Int32, rulePrefix: String?) throws {
    let result = try PodiumProcess.run(["lint", "--strict", "--format", "json"] + arguments, in: Self.repositoryRoot)
    #expect(result.status == status, "\(result.standardOutput)\(result.standardError)")
    let serious = try Self.rows(result).filter { $0.severity != "info" }
    if let rulePrefix {
      #expect(serious.contains { $0.ruleID.hasPrefix(rulePrefix) })
    } else {
      #expect(serious.isEmpty, "\(serious)")
    }
  }

  @Test func aBrokenSitemapGetsTheSitemapRules() throws {
    let sitemap = """
      <?xml version="1.0" encoding="UTF-8"?>
      <!-- a comment first -->
      <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:video="http://www.google.com/schemas/sitemap-video/1.1">
      <url><loc>https://podium.test/v/</loc><video:video><video:title>V</video:title>
      <video:player_loc>https://podium.test/v/</video:player_loc></video:video></url>
      </urlset>
      """
    let (result, _) = try Self.lint(["sitemap.xml": sitemap], ["--format", "json", "sitemap.xml"])
    #expect(result.status == 1)
    let rules = Set(try Self.rows(result).map(\.ruleID))
    #expect(rules.isSuperset(of: ["VSM-REQUIRED", "VSM-NOT-LOC"]), "\(rules)")
  }

  @Test func strictFailsOnWarnings() throws {
    let own = try String(
      contentsOf: Self.repositoryRoot.appendingPathComponent("feeds/gesprekken/feed.xml"), encoding: .utf8)
    let withoutSelfLink = own.split(separator: "\n", omittingEmptySubsequences: false)
      .filter { !$0.contains("<atom:link") }.joined(separator: "\n")
    let (lenient, _) = try Self.lint(["feed.xml": withoutSelfLink], ["feed.xml"])
    #expect(lenient.status == 0, "\(lenient.standardOutput)")
    #expect(lenient.standardOutput.contains("[RSS-ATOM-SELF]"))
    let (strict, _) = try Self.lint(["feed.xml": withoutSelfLink], ["--strict", "feed.xml"])
    #expect(strict.status == 1)
  }

  @Test func sarifNamesTheFeedAsGiven() throws {
    let (result, _) = try Self.lint(["in/wordpress.xml": Feeds.wordPress], ["--format", "sarif", "in/wordpress.xml"])
    #expect(result.status == 1)
    let log = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    let run = try #require((log["runs"] as? [[String: Any]])?.first)
    let results = try #require(run["results"] as? [[String: Any]])
    let uris = results.compactMap {
      (($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        .flatMap { $0["artifactLocation"] as? [String: Any] }?["uri"] as? String
    }
    #expect(!results.isEmpty && uris.count == results.count && Set(uris) == ["in/wordpress.xml"])
  }

  // MARK: Sources that can't be linted

  @Test func aMissingFileOrAFolderIsAClearError() throws {
    let (result, folder) = try Self.lint(["ok.xml": Feeds.feedgen], ["missing.xml", "."])
    #expect(result.status == 1)
    #expect(result.standardError.contains("missing.xml: no such file"))
    #expect(result.standardError.contains(".: not a regular file"))
    #expect(result.standardOutput.isEmpty)
    _ = folder
  }

  @Test func oneUnreadableFeedDoesNotHideTheOthers() throws {
    let (result, _) = try Self.lint(["ok.xml": Feeds.wordPress], ["missing.xml", "ok.xml"])
    #expect(result.status == 1)
    #expect(result.standardError.contains("missing.xml"))
    #expect(result.standardOutput.contains("ok.xml:41: error: [RSS-GUID-UNIQUE]"))
  }

  /// Until remote lint is wired, a URL is refused; once it is, nothing listens on port 1. Either way: an error, fast.
  @Test func aURLThatCannotBeFetchedIsAnErrorNotAHang() throws {
    let started = ContinuousClock.now
    let (result, _) = try Self.lint([:], ["http://127.0.0.1:1/feed.xml"])
    #expect(result.status == 1)
    #expect(result.standardError.contains("http://127.0.0.1:1/feed.xml"))
    #expect(ContinuousClock.now - started < .seconds(30))
  }

  @Test func otherURLSchemesAreRefused() throws {
    let (result, _) = try Self.lint([:], ["ftp://example.org/feed.xml"])
    #expect(result.status == 1)
    #expect(result.standardError.contains("only http(s) URLs and file paths"))
  }

  @Test(arguments: [["list", "--format", "sarif"], ["probe", "--format", "sarif", "x.mp3"], ["rules", "--format", "sarif"]])
  func commandsWithoutSARIFRefuseItAsAUsageError(arguments: [String]) throws {
    let folder = try TemporaryFolder()
    let result = try PodiumProcess.run(arguments, in: folder.url)
    #expect(result.status == 64, "\(arguments): \(result.standardError)")
    #expect(result.standardError.contains("sarif"))
  }

  // MARK: Hostile feeds

  @Test func notXMLIsOneWellFormednessError() throws {
    let (result, _) = try Self.lint(["feed.json": #"{"version": "https://jsonfeed.org/version/1.1", "items": []}"#],
                                    ["--format", "json", "feed.json"])
    #expect(result.status == 1)
    #expect(try Self.rows(result).map(\.ruleID) == ["RSS-XML-WELLFORMED"])
  }

  @Test func anHTMLPageIsNamedAsSuch() throws {
    let (result, _) = try Self.lint(["page.html": Feeds.htmlPage], ["page.html"])
    #expect(result.status == 1)
    #expect(result.standardError.contains("page.html: this is an HTML page, not a feed"))
  }

  /// A local file is read in pieces and checked as it goes, so no size is refused: 50 MB of NUL
  /// bytes after a start tag is read until the first of them, and is one well-formedness error.
  @Test func aFiftyMegabyteFileIsReadNotRefused() throws {
    let folder = try TemporaryFolder()
    let file = folder.url.appendingPathComponent("huge.xml")
    #expect(FileManager.default.createFile(atPath: file.path, contents: Data("<rss version=\"2.0\">".utf8)))
    let handle = try FileHandle(forWritingTo: file)
    try handle.truncate(atOffset: 50 * 1024 * 1024)
    try handle.close()

    let result = try PodiumProcess.run(["lint", "--format", "json", "huge.xml"], in: folder.url)
    #expect(result.status == 1)
    #expect(try Self.rows(result).map(\.ruleID) == ["RSS-XML-WELLFORMED"])
    #expect(!result.standardError.contains("limit"))
  }

  /// A feed fetched from a URL is still refused past `--max-size` (16 MB unless given), as a
  /// server could send without end.
  @Test func aFetchedFeedOverMaxSizeIsRefused() throws {
    let server = try TestHTTPServer()
    server.route("/feed.xml", .text(Feeds.wordPress, type: "application/rss+xml"))
    let folder = try TemporaryFolder()
    let url = server.url("/feed.xml")
    let refused = try PodiumProcess.run(["lint", "--max-size", "1000", url], in: folder.url)
    #expect(refused.status == 1)
    #expect(refused.standardError.contains("\(url): the feed is 1001 bytes, over the 1000-byte limit, so it was not read"))
    #expect(refused.standardOutput.isEmpty)
    let read = try PodiumProcess.run(["lint", "--format", "json", url], in: folder.url)
    #expect(try Self.rows(read).map(\.ruleID).contains("RSS-GUID-UNIQUE"))
  }

  @Test func billionLaughsIsRefusedWithoutExpansion() throws {
    let started = ContinuousClock.now
    let (result, _) = try Self.lint(["laughs.xml": Feeds.billionLaughs], ["--format", "json", "laughs.xml"])
    #expect(ContinuousClock.now - started < .seconds(10))
    #expect(result.status == 1)
    let rows = try Self.rows(result)
    #expect(rows.map(\.ruleID) == ["RSS-XML-WELLFORMED"])
    #expect(rows.first?.message.contains("declares the entity 'lol'") == true)
    #expect(!result.standardOutput.contains("lollol"))
  }

  @Test func anExternalEntityNeverReadsTheFile() throws {
    let folder = try TemporaryFolder()
    let marker = "MARKER-\(UUID().uuidString)"
    let secret = try folder.write("secret.txt", marker)
    try folder.write("feed.xml", Feeds.externalEntity(secret.absoluteString))
    let result = try PodiumProcess.run(["lint", "--format", "json", "feed.xml"], in: folder.url)
    #expect(result.status == 1)
    #expect(try Self.rows(result).map(\.ruleID) == ["RSS-XML-WELLFORMED"])
    #expect(!result.standardOutput.contains(marker) && !result.standardError.contains(marker))
  }

  @Test func aDTDOnDiskIsNeverLoaded() throws {
    let folder = try TemporaryFolder()
    let marker = "MARKER-\(UUID().uuidString)"
    let secret = try folder.write("secret.txt", marker)
    let dtd = try folder.write("evil.dtd", "<!ENTITY secret SYSTEM \"\(secret.absoluteString)\">\n<!ENTITY shout \"\(marker)\">\n")
    try folder.write("feed.xml", Feeds.externalDTD(dtd.absoluteString, body: "&secret;&shout;"))
    let result = try PodiumProcess.run(["lint", "--format", "json", "feed.xml"], in: folder.url)
    #expect(result.status == 1)
    #expect(try Self.rows(result).map(\.ruleID).contains("RSS-XML-NAMED-ENTITIES"))
    #expect(!result.standardOutput.contains(marker) && !result.standardError.contains(marker))
  }

  /// Nothing listens on port 1: a parser that fetched the URL would fail or hang; this one never asks.
  @Test(arguments: [
    Feeds.externalEntity("http://127.0.0.1:1/x"),
    Feeds.externalParameterEntity("http://127.0.0.1:1/x"),
    Feeds.externalDTD("http://127.0.0.1:1/x.dtd", body: "Titel"),
  ])
  func networkReferencesAreNeverFetched(feed: String) throws {
    let started = ContinuousClock.now
    let (result, _) = try Self.lint(["feed.xml": feed], ["--format", "json", "feed.xml"])
    #expect(ContinuousClock.now - started < .seconds(10))
    #expect(result.status == 1)
    #expect(!(try Self.rows(result)).isEmpty)
    #expect(result.standardError.isEmpty, "\(result.standardError)")
  }
}

// MARK: - Fixtures

extension LintCommandTests {
  /// Feeds as other tools write them, with the problems those tools are known for, and hostile feeds.
  enum Feeds {
    /// PodcastGenerator 3: `yes`/`no` for itunes:explicit, no atom self link.
    static let podcastGenerator = """
    <?xml version="1.0" encoding="utf-8"?>
    <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:googleplay="http://www.google.com/schemas/play-podcasts/1.0">
      <channel>
        <title>Radio Buurt</title>
        <link>https://radiobuurt.example/</link>
        <description>De wekelijkse buurtpodcast.</description>
        <generator>Podcast Generator 3.2.9 - http://www.podcastgenerator.net</generator>
        <lastBuildDate>Mon, 03 Jun 2024 10:00:00 +0200</lastBuildDate>
        <language>nl</language>
        <copyright>Radio Buurt</copyright>
        <managingEditor>info@radiobuurt.example (Radio Buurt)</managingEditor>
        <webMaster>info@radiobuurt.example (Radio Buurt)</webMaster>
        <ttl>720</ttl>
        <image>
          <url>https://radiobuurt.example/images/itunes_image.jpg</url>
          <title>Radio Buurt</title>
          <link>https://radiobuurt.example/</link>
        </image>
        <itunes:image href="https://radiobuurt.example/images/itunes_image.jpg" />
        <itunes:summary>De wekelijkse buurtpodcast.</itunes:summary>
        <itunes:author>Radio Buurt</itunes:author>
        <itunes:owner>
          <itunes:name>Radio Buurt</itunes:name>
          <itunes:email>info@radiobuurt.example</itunes:email>
        </itunes:owner>
        <itunes:explicit>no</itunes:explicit>
        <itunes:category text="Society &amp; Culture" />
        <item>
          <title>Aflevering 12: het nieuwe plein</title>
          <itunes:subtitle>Het nieuwe plein</itunes:subtitle>
          <description>Over het nieuwe plein.</description>
          <itunes:summary>Over het nieuwe plein.</itunes:summary>
          <link>https://radiobuurt.example/?name=2024-06-03_plein.mp3</link>
          <enclosure url="https://radiobuurt.example/media/2024-06-03_plein.mp3" length="31457280" type="audio/mpeg" />
          <guid isPermaLink="false">https://radiobuurt.example/?name=2024-06-03_plein.mp3</guid>
          <itunes:duration>00:32:46</itunes:duration>
          <author>info@radiobuurt.example (Radio Buurt)</author>
          <itunes:author>Radio Buurt</itunes:author>
          <itunes:explicit>yes</itunes:explicit>
          <pubDate>Mon, 03 Jun 2024 10:00:00 +0200</pubDate>
        </item>
      </channel>
    </rss>
    """

    /// WordPress with a podcast plugin: an imported post kept its GUID, and a length of 0 when the
    /// plugin could not read the file's size.
    static let wordPress = """
    <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
    	xmlns:content="http://purl.org/rss/1.0/modules/content/"
    	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
    	xmlns:dc="http://purl.org/dc/elements/1.1/"
    	xmlns:atom="http://www.w3.org/2005/Atom"
    	xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"
    	xmlns:slash="http://purl.org/rss/1.0/modules/slash/"
    	xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
    	xmlns:podcast="https://podcastindex.org/namespace/1.0"
    >
    <channel>
    	<title>Vrijwilligers vertellen</title>
    	<atom:link href="https://vrijwilligers.example/feed/podcast/" rel="self" type="application/rss+xml" />
    	<link>https://vrijwilligers.example</link>
    	<description>Verhalen van vrijwilligers uit het verenigingsleven.</description>
    	<lastBuildDate>Tue, 14 May 2024 08:12:44 +0000</lastBuildDate>
    	<language>nl-BE</language>
    	<sy:updatePeriod>hourly</sy:updatePeriod>
    	<sy:updateFrequency>1</sy:updateFrequency>
    	<generator>https://wordpress.org/?v=6.5.3</generator>
    	<itunes:author>Vrijwilligers vzw</itunes:author>
    	<itunes:explicit>false</itunes:explicit>
    	<itunes:type>episodic</itunes:type>
    	<itunes:image href="https://vrijwilligers.example/wp-content/uploads/2024/01/cover-3000.jpg"/>
    	<itunes:category text="Society &amp; Culture"/>
    	<item>
    		<title>Aflevering 2: de kassa van de fanfare</title>
    		<link>https://vrijwilligers.example/aflevering-2/</link>
    		<dc:creator><![CDATA[redactie]]></dc:creator>
    		<pubDate>Tue, 14 May 2024 08:00:00 +0000</pubDate>
    		<guid isPermaLink="false">https://vrijwilligers.example/?p=112</guid>
    		<description><![CDATA[<p>Marie houdt al twintig jaar de kassa van de fanfare bij.</p>]]></description>
    		<enclosure url="https://vrijwilligers.example/wp-content/uploads/2024/05/aflevering-2.mp3" length="0" type="audio/mpeg" />
    		<itunes:duration>1843</itunes:duration>
    	</item>
    	<item>
    		<title>Aflevering 1: de vrijwilligers van de voedselbank</title>
    		<link>https://vrijwilligers.example/aflevering-1/</link>
    		<dc:creator><![CDATA[redactie]]></dc:creator>
    		<pubDate>Tue, 30 Apr 2024 08:00:00 +0000</pubDate>
    		<guid isPermaLink="false">https://vrijwilligers.example/?p=112</guid>
    		<description><![CDATA[<p>Een ochtend bij de voedselbank.</p>]]></description>
    		<enclosure url="https://vrijwilligers.example/wp-content/uploads/2024/04/aflevering-1.mp3" length="29514031" type="audio/mpeg" />
    		<itunes:duration>1790</itunes:duration>
    	</item>
    </channel>
    </rss>
    """

    /// A script around python-feedgen that passed `isoformat()` strings as dates, and no self link.
    static let feedgen = """
    <?xml version='1.0' encoding='UTF-8'?>
    <rss xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" version="2.0">
      <channel>
        <title>Data en democratie</title>
        <link>https://datademocratie.example/</link>
        <description>Een podcast over open data en lokale politiek.</description>
        <docs>http://www.rssboard.org/rss-specification</docs>
        <generator>python-feedgen</generator>
        <image>
          <url>https://datademocratie.example/cover.png</url>
          <title>Data en democratie</title>
          <link>https://datademocratie.example/</link>
        </image>
        <language>nl</language>
        <lastBuildDate>Wed, 05 Jun 2024 12:30:00 +0000</lastBuildDate>
        <itunes:author>Data en democratie</itunes:author>
        <itunes:category text="Technology"/>
        <itunes:image href="https://datademocratie.example/cover.png"/>
        <itunes:explicit>false</itunes:explicit>
        <item>
          <title>De begroting als open data</title>
          <link>https://datademocratie.example/afleveringen/begroting</link>
          <description>Hoe lees je een gemeentebegroting?</description>
          <guid isPermaLink="false">ddd-2024-06-begroting</guid>
          <enclosure url="https://datademocratie.example/media/begroting.mp3" length="24117248" type="audio/mpeg"/>
          <pubDate>2024-06-05T12:30:00+00:00</pubDate>
          <itunes:duration>25:07</itunes:duration>
        </item>
      </channel>
    </rss>
    """

    static let htmlPage = """
    <!DOCTYPE html>
    <html lang="nl">
    <head><meta charset="utf-8"><title>Radio Buurt</title>
    <link rel="alternate" type="application/rss+xml" href="https://radiobuurt.example/feed.xml">
    </head>
    <body><p>Luister naar onze podcast!</body>
    </html>
    """

    static let billionLaughs = """
    <?xml version="1.0" encoding="UTF-8"?>
    <!DOCTYPE rss [
      <!ENTITY lol "lol">
      <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
      <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
      <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
      <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
      <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
      <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
      <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
      <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
      <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
    ]>
    <rss version="2.0"><channel><title>&lol9;</title><description>&lol9;</description></channel></rss>
    """

    /// A general entity whose text is a file or URL.
    static func externalEntity(_ url: String) -> String {
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE rss [ <!ENTITY xxe SYSTEM "\(url)"> ]>
      <rss version="2.0"><channel><title>&xxe;</title><description>&xxe;</description></channel></rss>
      """
    }

    /// A parameter entity, expanded inside the DTD itself.
    static func externalParameterEntity(_ url: String) -> String {
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE rss [ <!ENTITY % remote SYSTEM "\(url)"> %remote; ]>
      <rss version="2.0"><channel><title>Titel</title></channel></rss>
      """
    }

    /// An external DTD subset, which would declare entities if it were loaded.
    static func externalDTD(_ url: String, body: String) -> String {
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE rss SYSTEM "\(url)">
      <rss version="2.0"><channel><title>\(body)</title></channel></rss>
      """
    }
  }
}
