import Diagnostics
import FeedRules
import Foundation
import Testing

/// The valid feed broken in one place, and the finding that must point at it.
struct BrokenFeed: Sendable, CustomTestStringConvertible {
  let ruleID: String
  let severity: Severity
  /// What the case shows, for the test report.
  let note: String
  let edits: [ValidFeed.Edit]

  /// The valid feed the edits break, and the profile it is linted with.
  let base: Base

  enum Base: Sendable {
    /// `ValidFeed`, linted as a podcast feed.
    case podcast
    /// `ValidMediaFeed`, linted as a plain RSS feed, as the build lints `media.xml`.
    case mediaRSS

    var text: String { self == .podcast ? ValidFeed.text : ValidMediaFeed.text }
    var profile: FeedProfile { self == .podcast ? .podcast : .rss }
  }

  init(_ ruleID: String, _ severity: Severity, _ note: String, _ edits: ValidFeed.Edit...) {
    self.init(ruleID, severity, note, edits, base: .podcast)
  }

  init(_ ruleID: String, _ severity: Severity, _ note: String, _ edits: [ValidFeed.Edit], base: Base) {
    self.ruleID = ruleID
    self.severity = severity
    self.note = note
    self.edits = edits
    self.base = base
  }

  /// A case that breaks the valid Media RSS feed instead of the podcast feed.
  static func media(_ ruleID: String, _ severity: Severity, _ note: String, _ edits: ValidFeed.Edit...) -> Self {
    Self(ruleID, severity, note, edits, base: .mediaRSS)
  }

  var testDescription: String { "\(ruleID) (\(severity)): \(note)" }

  /// Lints the broken feed and checks that the rule fired, at its severity, on the marked line.
  func expectFinding(sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let (text, line) = ValidFeed.apply(edits, to: base.text)
    let findings = FeedLinter(profile: base.profile).lint(Data(text.utf8), file: "feed.xml")
    let matching = findings.filter { $0.ruleID == ruleID }
    #expect(!matching.isEmpty, "no \(ruleID) among \(findings.map(\.ruleID))", sourceLocation: sourceLocation)
    #expect(
      matching.contains { $0.severity == severity && $0.location?.line == line },
      "expected \(severity) at line \(line.map(String.init) ?? "-"), got \(matching)", sourceLocation: sourceLocation)
    #expect(FeedLinter.rules.contains { $0.id == ruleID }, "\(ruleID) is not in FeedLinter.rules")
    for finding in findings {
      #expect(finding.message.contains("; "), "message does not say how to fix: \(finding.message)")
      #expect(finding.location?.file == "feed.xml")
    }
  }
}

extension ValidFeed.Edit {
  /// Replaces `old` by `new` and marks the line where `new` starts as the finding's line.
  static func mark(_ old: String, _ new: String) -> Self { Self(old, "1️⃣" + new) }

  /// Marks the line of `text` without changing it.
  static func mark(_ text: String) -> Self { Self(text, "1️⃣" + text) }
}

/// Unique snippets of the valid feed that findings about a whole element point at.
enum Anchor {
  /// The first item's start tag, and the second's.
  static let firstItem = "<item>\n      <title>Second episode</title>"
  static let secondItem = "<item>\n      <title>First episode</title>"
  static let channel = "<channel>"
}
