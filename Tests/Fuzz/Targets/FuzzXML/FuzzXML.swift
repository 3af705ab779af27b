// The XML reader as `podium lint` uses it: libxml2 behind PodiumXML.XMLDocument, then every feed
// rule (RSS 2.0, Apple, Podcasting 2.0, the HTML safety scan of descriptions) and every sitemap rule.
import FeedRules
import Foundation
import FuzzDriver

@main enum FuzzXML {
  static func main() {
    exit(podium_fuzz_run(CommandLine.argc, CommandLine.unsafeArgv) { start, count in
      let data = start.map { Data(bytes: $0, count: count) } ?? Data()
      _ = FeedLinter().lint(data, file: "fuzz.xml")
      _ = SitemapLinter().lint(data, file: "fuzz.xml")
      return 0
    })
  }
}
