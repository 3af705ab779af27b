import Foundation
import PodiumTestSupport
import Testing

/// `podium import` from the command line: the report in text and JSON, and the exit codes.
@Suite struct ImportCommandTests {
  static let feed = """
    <?xml version="1.0" encoding="UTF-8"?>
    <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0">
    <channel>
      <title>Oude show</title><description>Verhuisd.</description><language>nl</language>
      <atom:link xmlns:atom="http://www.w3.org/2005/Atom" rel="self" href="https://old.podium.test/feed.rss"/>
      <itunes:image href="https://old.podium.test/a.jpg"/><itunes:category text="Arts"/>
      <item><title>Eén</title><guid isPermaLink="false">o-1</guid><pubDate>Mon, 01 Jan 2024 10:00:00 +0100</pubDate>
        <enclosure url="https://old.podium.test/1.mp3" length="1000" type="audio/mpeg"/><itunes:duration>60</itunes:duration>
        <podcast:episode display="Eén">1</podcast:episode></item>
    </channel></rss>
    """

  @Test func importsAndReportsInTextAndJSON() throws {
    let folder = try TemporaryFolder()
    try folder.write("old.xml", Self.feed)
    let text = try PodiumProcess.run(["import", "old.xml", "--no-probe"], in: folder.url)
    #expect(text.status == 0, "\(text.standardError)")
    #expect(text.standardOutput.contains("imported 'Oude show' from old.xml into oude-show/: 1 episodes"))
    #expect(text.standardOutput.contains("lost: podcast:episode (feed line 9)"))
    #expect(text.standardOutput.contains("redirect https://old.podium.test/feed.rss to the new feed with HTTP 301"))
    #expect(folder.exists("episodes/oude-show/2024-01-01-een.md"))
    #expect(folder.exists("feeds/.podium/published.json"))

    // The same podcast again is refused; another one (another address, so another podcast:guid) is not.
    let same = try PodiumProcess.run(["import", "old.xml", "--no-probe", "--show", "tweede"], in: folder.url)
    #expect(same.status == 1)
    #expect(same.standardError.contains("already has this podcast as the show 'oude-show'"), "\(same.standardError)")
    try folder.write("other.xml", Self.feed.replacingOccurrences(of: "https://old.podium.test/feed.rss", with: "https://old.podium.test/other.rss"))
    let again = try PodiumProcess.run(["import", "other.xml", "--no-probe", "--show", "tweede", "--format", "json"], in: folder.url)
    #expect(again.status == 0, "\(again.standardError)")
    let report = try #require(try JSONSerialization.jsonObject(with: Data(again.standardOutput.utf8)) as? [String: Any])
    #expect(report["show"] as? String == "tweede")
    let episodes = try #require(report["episodes"] as? [[String: Any]])
    let losses = try #require(episodes.first?["losses"] as? [[String: Any]])
    #expect(losses.contains { $0["element"] as? String == "podcast:episode" && $0["line"] as? Int == 9 })
    #expect((report["nextSteps"] as? [String])?.isEmpty == false)
  }

  /// The import's limits are options: too many episodes is refused with the option to pass.
  @Test func limitsAreOptions() throws {
    let folder = try TemporaryFolder()
    try folder.write("old.xml", Self.feed)
    let refused = try PodiumProcess.run(["import", "old.xml", "--no-probe", "--max-episodes", "0"], in: folder.url)
    #expect(refused.status != 0)
    #expect(refused.standardError.contains("--max-episodes must be at least 1"), "\(refused.standardError)")
    let accepted = try PodiumProcess.run(
      ["import", "old.xml", "--no-probe", "--max-episodes", "1", "--max-fetch-mib", "1", "--network-seconds", "5"], in: folder.url)
    #expect(accepted.status == 0, "\(accepted.standardError)")
    #expect(folder.exists("episodes/oude-show/2024-01-01-een.md"))
  }

  @Test func refusesAnHTMLPageWithExitCode1() throws {
    let folder = try TemporaryFolder()
    try folder.write("page.html", "<!DOCTYPE html><html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"https://x.podium.test/feed\"></head></html>")
    let result = try PodiumProcess.run(["import", "page.html"], in: folder.url)
    #expect(result.status == 1)
    #expect(result.standardError.contains("this is a web page, not a feed; it names its feed: import https://x.podium.test/feed"))
    #expect(!folder.exists("episodes"))
  }
}
