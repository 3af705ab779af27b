import Diagnostics
import FeedRules
import Foundation
import Testing

@Suite struct LargeFeedTests {
  /// The valid feed with its first item repeated to `count` items, each with its own GUID and media URL.
  static func feed(items count: Int) -> Data {
    let text = ValidFeed.text
    guard let start = text.range(of: "    <item>"), let end = text.range(of: "    </item>\n") else { return Data() }
    let item = String(text[start.lowerBound..<end.upperBound])
    var items = ""
    for index in 0..<count {
      items += item.replacingOccurrences(of: "000000000002", with: String(format: "%012d", index + 10))
        .replacingOccurrences(of: "episode-2.mp3", with: "episode-\(index).mp3")
    }
    return Data((text[..<start.lowerBound] + items + text[end.upperBound...]).utf8)
  }

  /// Ten thousand distinct items raise no duplicate or size finding. (How fast is measured in
  /// Benchmarks/, not here.)
  @Test func tenThousandDistinctItemsAreClean() {
    let findings = FeedLinter().lint(Self.feed(items: 10_000), file: "big.xml")
    #expect(findings.filter { $0.severity >= .warning } == [])
  }
}
