import Catalogue
import Foundation
import PodiumTestSupport
import Testing

/// `publish:` and `analytics_prefix:` in podium.yaml: good values read, bad ones a finding at their line.
@Suite struct PublishSettingsTests {
  func load(_ extra: String) throws -> LoadResult {
    let fixture = try CatalogueFixture(site: CatalogueFixture.site + extra)
    return CatalogueLoader(root: fixture.catalogue).load()
  }

  @Test func goodSettingsAreRead() throws {
    let loaded = try load("""
      analytics_prefix: https://op3.dev/e
      publish:
        bucket: podcast-media
        prefix: /shows/nl/
        endpoint: https://s3.eu-central-1.amazonaws.com
        region: eu-central-1
        addressing: virtual
        feed_cache_seconds: 60
        websub_hub: https://pubsubhubbub.appspot.com/
        podping: true
        part_size_mib: 64

      """)
    #expect(loaded.findings.filter { $0.severity == .error }.isEmpty, "\(loaded.findings)")
    let site = try #require(loaded.catalogue?.site)
    #expect(site.analyticsPrefix?.prefix == "https://op3.dev/e/")
    #expect(site.publish.bucket == "podcast-media")
    #expect(site.publish.prefix == "shows/nl")
    #expect(site.publish.addressing == .virtual)
    #expect(site.publish.feedCacheSeconds == 60)
    #expect(site.publish.websubHub == "https://pubsubhubbub.appspot.com/")
    #expect(site.publish.podping)
    #expect(site.publish.podpingEndpoint == "https://podping.cloud/")
    #expect(site.publish.partSizeMiB == 64)
  }

  /// S3's bounds, 5 MiB to 5 GiB, are the setting's; unset, the S3 client's default applies.
  @Test(arguments: [("5", 5), ("5120", 5120), ("16", 16)])
  func partSizesS3TakesAreRead(_ text: String, _ mib: Int) throws {
    let loaded = try load("publish:\n  part_size_mib: \(text)\n")
    #expect(loaded.findings.filter { $0.severity == .error }.isEmpty, "\(loaded.findings)")
    #expect(loaded.catalogue?.site.publish.partSizeMiB == mib)
    #expect(try load("publish:\n  bucket: podcast\n").catalogue?.site.publish.partSizeMiB == nil)
  }

  @Test(arguments: [
    ("bucket: My_Bucket", "publish.bucket", "CAT-VALUE"),
    ("prefix: a/../b", "publish.prefix", "CAT-VALUE"),
    ("endpoint: ftp://s3.podium.test", "publish.endpoint", "CAT-VALUE"),
    ("endpoint: http://s3.podium.test", "publish.endpoint", "CAT-VALUE"),
    ("addressing: sideways", "publish.addressing", "CAT-VALUE"),
    ("feed_cache_seconds: soon", "publish.feed_cache_seconds", "CAT-TYPE"),
    ("websub_hub: http://hub.podium.test/", "publish.websub_hub", "P20-HTTPS"),
    ("podping: maybe", "publish.podping", "CAT-TYPE"),
    ("part_size_mib: 4", "publish.part_size_mib", "CAT-VALUE"),
    ("part_size_mib: 5121", "publish.part_size_mib", "CAT-VALUE"),
    ("part_size_mib: 0", "publish.part_size_mib", "CAT-TYPE"),
    ("part_size_mib: 8.5", "publish.part_size_mib", "CAT-TYPE"),
    ("bukket: x", "bukket", "CAT-UNKNOWN-KEY"),
  ])
  func aBadValueIsAFindingAtItsLine(line: String, key: String, rule: String) throws {
    let loaded = try load("publish:\n  \(line)\n")
    let finding = try #require(loaded.findings.first { $0.message.contains(key) }, "\(loaded.findings)")
    #expect(finding.ruleID == rule, "\(finding)")
    #expect(finding.location?.file == "podium.yaml")
    #expect(finding.location?.line == CatalogueFixture.site.split(separator: "\n", omittingEmptySubsequences: false).count + 1)
  }

  @Test func theAnalyticsPrefixGoesBeforeTheURLWithoutItsScheme() {
    let prefix = AnalyticsPrefix("https://op3.dev/e/")
    #expect(prefix.apply(to: "https://media.podium.test/a.mp3") == "https://op3.dev/e/media.podium.test/a.mp3")
    #expect(prefix.apply(to: "http://media.podium.test/a.mp3") == "https://op3.dev/e/http://media.podium.test/a.mp3")
  }
}
