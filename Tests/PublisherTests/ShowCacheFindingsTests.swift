import AtomicOutput
import Catalogue
import Diagnostics
import FeedRules
import Foundation
import PodiumTestSupport
import Testing

@testable import Publisher

/// What `validate` reads of a show's record (``ShowCache/Findings``) is the record's key and
/// findings, read without its files, items and memos; the record is written whole, with nothing
/// left beside it.
@Suite struct ShowCacheFindingsTests {
  @Test func findingsAreReadFromTheStoredRecordWithoutItsFilesItemsAndMemos() throws {
    let folder = try TemporaryFolder()
    let checked = FeedLinter().inspect(
      Data(ShowCacheMemoTests.feed.utf8), file: "feeds/memo/feed.xml", itemSpans: ShowCacheMemoTests.spans, memo: nil)
    let (shows, cache) = ShowCacheMemoTests.showCache(in: folder, podium: "podium 1")
    var items = ItemRecords()
    items.append(itemKey: nil, filesKey: nil, stampKey: nil, item: nil, files: 0..<1, removals: [])
    let rendered = [PublishRules.notesHTML.finding("show notes: a script", at: SourceLocation(file: "memo/a.md", line: 4))]
    let record = ShowCache.Record(
      format: ShowCache.format, podium: cache.podiumIdentity, key: "the key",
      files: [ShowCache.File(path: "memo/feed.xml", stamp: OutputFileStamp(inode: 1, size: 2, modified: 3, modifiedNanoseconds: 4))],
      rendered: rendered,
      checked: [
        ShowCache.Checked(
          path: "memo/feed.xml", file: "feeds/memo/feed.xml", size: 10, preview: false, findings: checked.findings,
          memo: checked.memo),
        ShowCache.Checked(path: "memo/feed.xml", file: "feeds/memo/feed.xml", size: 12, preview: true, findings: [], memo: nil),
      ], items: items)
    shows.store(["memo": record], keeping: [], cache: cache)
    let folderNames = try FileManager.default.contentsOfDirectory(
      atPath: cache.folder.appendingPathComponent(ShowCache.folderName).path)
    #expect(folderNames == ["memo"])
    // Stored a field at a time, the file has the bytes of the whole record's encoding.
    let whole = folder.url.appendingPathComponent("whole")
    #expect(CacheFile.write(record, to: whole))
    #expect(
      try Data(contentsOf: whole)
        == Data(contentsOf: cache.folder.appendingPathComponent(ShowCache.folderName).appendingPathComponent("memo")))

    let found = try #require(shows.findings(of: "memo"))
    #expect(found.key == "the key")
    #expect(found.rendered == rendered)
    #expect(found.checked.map(\.path) == ["memo/feed.xml", "memo/feed.xml"])
    #expect(found.checked.map(\.size) == [10, 12])
    #expect(found.checked.map(\.preview) == [false, true])
    #expect(found.checked[0].findings == checked.findings)
    #expect(found.checked[0].findings.map(\.ruleID).contains("RSS-GUID-UNIQUE"))
    #expect(shows.findings(of: "other") == nil)
    #expect(ShowCacheMemoTests.showCache(in: folder, podium: "podium 2").0.findings(of: "memo") == nil)
  }
}
