import Foundation
import Testing

@testable import PodiumCLI
@testable import Publisher

/// What `podium publish` says after a failure: never that the live feeds are untouched when some
/// of them already went up.
@Suite struct PublishOutputTests {
  static func item(_ key: String, _ kind: PublishItem.Kind) -> PublishItem {
    PublishItem(
      key: key, kind: kind, file: URL(fileURLWithPath: "/nonexistent/\(key)"), size: 1, sha256: "", contentType: "",
      cacheControl: "", publicURL: "https://podcast.podium.test/\(key)")
  }

  static func text(uploaded: [String]) -> String {
    var report = PublishReport(build: BuildReport(findings: []), location: "s3://podcast/show")
    report.items = [
      item("media/a.mp3", .media), item("feeds/a/feed.xml", .feed), item("feeds/b/feed.xml", .feed),
      item("feeds/feeds.opml", .opml),
    ]
    report.uploaded = uploaded
    report.failure = PublishReport.Failure(key: "feeds/b/feed.xml", message: "uploading feeds/b/feed.xml failed")
    return PublishOutput(format: .text, output: "feeds").text(report)
  }

  @Test func aFailureBeforeTheFeedsSaysTheLiveFeedsAreUntouched() {
    #expect(Self.text(uploaded: []).hasSuffix("Nothing was uploaded."))
    #expect(Self.text(uploaded: ["media/a.mp3"]).hasSuffix("the feeds that were live are still live."))
  }

  @Test func aFailureAmongTheFeedsNamesThoseAlreadyLive() {
    let text = Self.text(uploaded: ["media/a.mp3", "feeds/a/feed.xml"])
    #expect(!text.contains("still live"), "\(text)")
    #expect(text.contains("2 files were uploaded before this, 1 of them feeds"), "\(text)")
    #expect(text.contains("(feeds/a/feed.xml), which are live now; publish again"), "\(text)")
  }
}
