import Diagnostics
import FeedRules
import Foundation
import PodiumTestSupport
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

  /// A feed file of tens of megabytes is checked as it is read, with no size limit, and the
  /// cross-item rules still see every item: the first item's GUID, reused by the last, is found
  /// at the last one's line, naming the first one's.
  @Test func aFeedFileOfTensOfMegabytesIsCheckedWhole() throws {
    let folder = try TemporaryFolder()
    let file = try folder.write("big.xml", Data())
    let text = ValidFeed.text
    guard let start = text.range(of: "    <item>"), let end = text.range(of: "    </item>\n") else {
      Issue.record("the valid feed has no item")
      return
    }
    let head = String(text[..<start.lowerBound]), tail = String(text[end.upperBound...])
    let item = String(text[start.lowerBound..<end.upperBound])
    let guidOffset = item[..<item.range(of: "<guid")!.lowerBound].count { $0 == "\n" }
    let itemLines = item.count { $0 == "\n" }
    let count = 13_000
    let handle = try FileHandle(forWritingTo: file)
    handle.write(Data(head.utf8))
    var chunk = ""
    for index in 0..<count {
      let id = index == count - 1 ? 10 : index + 10
      chunk += item.replacingOccurrences(of: "000000000002", with: String(format: "%012d", id))
        .replacingOccurrences(of: "episode-2.mp3", with: "episode-\(index).mp3")
      if chunk.utf8.count > 1 << 20 {
        handle.write(Data(chunk.utf8))
        chunk = ""
      }
    }
    handle.write(Data((chunk + tail).utf8))
    try handle.close()
    let size = try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int ?? 0
    #expect(size > 20_000_000)

    let findings = FeedLinter().lint(contentsOfFile: file.path, file: "big.xml").filter { $0.severity >= .warning }
    let headLines = head.count { $0 == "\n" }
    let firstLine = headLines + guidOffset + 1
    let lastLine = headLines + (count - 1) * itemLines + guidOffset + 1
    #expect(findings.map(\.ruleID) == ["RSS-GUID-UNIQUE"])
    #expect(findings.first?.location?.line == lastLine)
    #expect(findings.first?.message.contains("also used by the item at line \(firstLine)") == true)
  }

  /// A channel element after the items can change how every item is read (here `itunes:type`
  /// serial, which makes an episode number required): the feed is read a second time with the
  /// whole channel known, and the findings are those of reading it whole.
  @Test func aChannelElementAfterTheItemsStillAppliesToThem() throws {
    let (text, line) = ValidFeed.broken([
      .init("<itunes:type>episodic</itunes:type>", ""),
      .init("    <item>\n      <title>Second", "1️⃣    <item>\n      <title>Second"),
      .init("<itunes:episode>2</itunes:episode>", ""),
      .init("  </channel>", "    <itunes:type>serial</itunes:type>\n  </channel>"),
    ])
    let findings = FeedLinter().lint(Data(text.utf8), file: "f").filter { $0.severity >= .warning }
    #expect(findings.map(\.ruleID) == ["APPLE-ITEM-EPISODE", "RSS-CH-ORDER"])
    #expect(findings.first?.location?.line == line)
    #expect(findings.first?.message.contains("serial") == true)
    let folder = try TemporaryFolder()
    let file = try folder.write("feed.xml", text)
    #expect(FeedLinter().lint(contentsOfFile: file.path, file: "f").filter { $0.severity >= .warning } == findings)
  }

  /// Ten thousand distinct items raise no duplicate or size finding. (How fast is measured in
  /// Benchmarks/, not here.)
  @Test func tenThousandDistinctItemsAreClean() {
    let findings = FeedLinter().lint(Self.feed(items: 10_000), file: "big.xml")
    #expect(findings.filter { $0.severity >= .warning } == [])
  }
}
