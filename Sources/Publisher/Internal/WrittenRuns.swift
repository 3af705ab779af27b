import FeedRules

/// The items' results a large podcast feed's writer found from its own events as it wrote them
/// (``FeedRules/WrittenFeedCheck``), put aside until the feed is checked at the check step: kept
/// in the ``MemoSpill``'s file, or held when they can't be written there.
struct WrittenRuns: Sendable {
  private enum Entry: Sendable {
    case held(WrittenFeedCheck.Run)
    case kept(MemoSpill.Place, firstItem: Int)
  }

  private var entries: [Entry] = []
  private let spill: MemoSpill?

  init(_ runs: [WrittenFeedCheck.Run], spill: MemoSpill?) {
    self.spill = spill
    entries = runs.map { run in
      spill?.keep(run.memo).map { .kept($0, firstItem: run.firstItem) } ?? .held(run)
    }
  }

  /// The runs, read back; one that can't be is left out, and its items are parsed instead.
  var runs: [WrittenFeedCheck.Run] {
    entries.compactMap { entry in
      switch entry {
      case .held(let run): run
      case .kept(let place, let first): spill?.memo(at: place).map { WrittenFeedCheck.Run(memo: $0, firstItem: first) }
      }
    }
  }
}
