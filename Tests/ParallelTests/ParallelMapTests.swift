import Parallel
import Testing

@Suite struct ParallelMapTests {
  private final class Box: Sendable {
    let value: Int
    init(_ value: Int) { self.value = value }
  }

  @Test(arguments: [0, 1, 2, 63, 64, 65, 1000])
  func keepsTheOrder(count: Int) {
    #expect(ParallelMap.map(Array(0..<count)) { $0 * 2 } == (0..<count).map { $0 * 2 })
  }

  /// Results must be released with the array: a build drops its episodes to make room for
  /// checking the feed.
  @Test func releasesTheResults() {
    var references: [() -> Box?] = []
    do {
      let boxes = ParallelMap.map(Array(0..<500)) { Box($0) }
      #expect(boxes.map(\.value) == Array(0..<500))
      references = boxes.map { box in { [weak box] in box } }
    }
    #expect(references.allSatisfy { $0() == nil })
  }
}
