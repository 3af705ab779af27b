import FeedRules
import Testing

/// How a finding names another item: rewritten where a caller knows better than a feed line,
/// and only where a line number follows.
@Suite struct ItemReferenceTests {
  @Test(arguments: [
    ("also used by the item at line 30; give", "also used by <30>; give"),
    ("the item at line 4 and the item at line 1234", "<4> and <1234>"),
    ("the item at line x stays", "the item at line x stays"),
    ("the item at line ", "the item at line "),
    ("no reference", "no reference"),
  ])
  func replacesEachReferenceWithALineNumber(message: String, expected: String) {
    #expect(ItemReference.replacing(in: message) { "<\($0)>" } == expected)
  }
}
