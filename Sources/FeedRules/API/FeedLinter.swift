import Diagnostics
import Dispatch
import Foundation
import Parallel
import PodiumXML

/// Checks a podcast RSS feed against RSS 2.0, Apple Podcasts and Podcasting 2.0 rules, using
/// only the feed's text: no network, no media probing. Findings never stop the work; they are
/// returned, in document order, for the caller to print or filter.
///
/// `PodiumXML.XMLDocument` is spelt out because Foundation on macOS has its own `XMLDocument`.
public struct FeedLinter: Sendable {
  /// Feeds larger than this are refused before parsing.
  public let maximumFeedSize: Int
  public let profile: FeedProfile

  /// - Parameters:
  ///   - maximumFeedSize: the largest feed, in bytes, that will be parsed.
  ///   - profile: a podcast feed (every rule) or a plain RSS feed (RSS 2.0's rules only).
  public init(maximumFeedSize: Int = PodiumXML.XMLDocument.defaultMaximumSize, profile: FeedProfile = .podcast) {
    self.maximumFeedSize = maximumFeedSize
    self.profile = profile
  }

  /// Every rule this linter can report, for docs and for turning rules off.
  public static var rules: [Rule] { FeedChecks.rules }

  /// Parses and checks a feed; a feed that is not well-formed gives one error finding.
  ///
  /// - Parameters:
  ///   - data: the feed's bytes.
  ///   - file: the path or URL that findings should name.
  /// - Returns: the findings, sorted by line.
  public func lint(_ data: Data, file: String) -> [Finding] {
    do {
      let document = try PodiumXML.XMLDocument(data: data, maximumSize: maximumFeedSize)
      let findings = lint(document, file: file)
      if data.count > Self.freeElsewhereSize { Self.freeElsewhere(document) }
      return findings
    } catch {
      return [ParseErrorFinding.finding(for: error, file: file)]
    }
  }

  /// Parses and checks a feed read from a file in pieces, so that a large feed is not held in
  /// memory both as bytes and parsed.
  ///
  /// - Parameters:
  ///   - path: the file to read.
  ///   - file: the path or URL that findings should name.
  /// - Returns: the findings, sorted by line.
  public func lint(contentsOfFile path: String, file: String) -> [Finding] {
    do {
      let document = try PodiumXML.XMLDocument(contentsOfFile: path, maximumSize: maximumFeedSize)
      let findings = lint(document, file: file)
      Self.freeElsewhere(document)
      return findings
    } catch {
      return [ParseErrorFinding.finding(for: error, file: file)]
    }
  }

  /// Feeds at least this large have their tree freed on another thread.
  private static let freeElsewhereSize = 1024 * 1024

  /// Freeing the tree of a 10,000-episode feed takes 40 ms; the caller need not wait for it.
  private static func freeElsewhere(_ document: PodiumXML.XMLDocument) {
    DispatchQueue.global(qos: .utility).async { withExtendedLifetime(document) {} }
  }

  /// Checks a feed already parsed.
  ///
  /// - Parameters:
  ///   - document: the parsed feed.
  ///   - file: the path or URL that findings should name.
  /// - Returns: the findings, sorted by line.
  public func lint(_ document: PodiumXML.XMLDocument, file: String) -> [Finding] {
    let feed = Feed(document)
    // Each family reads the feed on its own, so they run on every core; their findings are put
    // together in the order they would have come one after another.
    let findings = ParallelMap.map(FeedChecks.all) { check in
      var findings = FindingList(file: file)
      check.check(feed, into: &findings)
      return findings.findings
    }.joined()
    return findings.filter { profile.applies($0.ruleID) }.sortedForReport()
  }
}
