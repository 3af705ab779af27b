import Diagnostics

/// One family of rules. Each family reads the feed once and adds what it finds.
protocol FeedCheck: Sendable {
  /// The rules this family can report.
  static var rules: [Rule] { get }
  func check(_ feed: Feed, into findings: inout FindingList)
}
