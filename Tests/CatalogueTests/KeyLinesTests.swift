import Catalogue
import Testing

/// An episode's key lines, held compactly, answer as the dictionary they replace did.
struct KeyLinesTests {
  @Test func looksUpSetsAndReplaces() {
    var lines: KeyLines = ["title": 2, "media.url": 9, "chapters[0].title": 14, "": 1]
    #expect(lines["title"] == 2)
    #expect(lines["media.url"] == 9)
    #expect(lines["chapters[0].title"] == 14)
    #expect(lines[""] == 1)
    #expect(lines["media"] == nil)
    #expect(lines["media.ur"] == nil)
    #expect(lines["title2"] == nil)
    lines["media.url"] = 10
    lines["media"] = 8
    lines["title"] = nil
    #expect(lines["media.url"] == 10)
    #expect(lines["media"] == 8)
    #expect(lines["title"] == nil)
    #expect(lines.count == 4)
    #expect(lines == KeyLines(["media": 8, "media.url": 10, "chapters[0].title": 14, "": 1]))
    #expect(lines != KeyLines(["media": 8, "media.url": 11, "chapters[0].title": 14, "": 1]))
    #expect(Set(lines.pairs.map(\.key)) == ["media", "media.url", "chapters[0].title", ""])
  }
}
