import Catalogue
import Diagnostics
import FeedRules
import FeedWriter
import Foundation
import Parallel

/// A file the build wrote that Podium's own rules check before anything is published: a feed,
/// with the feed rules of its profile, or a video sitemap, with the sitemap rules. Error-level
/// findings stop the build, as for any other check.
///
/// A podcast feed comes with its source map: its findings name the catalogue file and line that
/// produced what they are about, with the rule id and wording `podium lint` gives for the feed.
struct CheckedOutput: Sendable {
  enum Rules: Sendable, Hashable {
    case feed(FeedProfile)
    case videoSitemap
  }

  /// The path in the output tree.
  let path: String
  /// The path in the output folder's parent, which findings name.
  let file: String
  /// Its size: the sitemap linter's size guard (meant for files from elsewhere) is set to fit it;
  /// the feed linter reads a feed of any size as it goes.
  let size: Int
  let rules: Rules
  /// Where each line came from in the catalogue; findings of a file without one name the file.
  var sourceMap: FeedSourceMap?
  /// `base_url` and `media_base_url` when they are plain http: the catalogue reports that at their
  /// lines in podium.yaml, so the feed's P20-HTTPS about each URL made from them (artwork, media,
  /// transcripts) would only repeat the one mistake, at other lines.
  var httpBases: [String] = []
  /// The findings of a feed that is checked as it is rendered and never written: the preview of a
  /// show with episodes still to come (``OutputRenderer``), so its bytes are not kept for later.
  var preview: [Finding]?
  /// The findings of a feed the show cache took from the last build (``ShowCache``), as they were
  /// found there: at the catalogue's lines, before those repeated across outputs were dropped.
  var known: [Finding]?
  /// The check of a podcast feed made as soon as its staged file was complete, on the core that
  /// wrote it (``OutputRenderer``), with its items' results from the writer's events: the check
  /// step takes it as it is, so those results are held for one feed at a time, not for every
  /// show until all are written.
  var checked: Check?
  /// The items' results the feed writer found as it wrote a feed too large to be checked as
  /// soon as it was written (``OutputRenderer``), for the check step.
  var writtenRuns: WrittenRuns?

  /// The same rules `podium lint` runs on anyone's feed, on the bytes in memory, checked as they
  /// are read, item by item, so no parsed copy of the feed is held.
  func findings(_ data: Data) -> [Finding] {
    if let found = preview ?? known { return found }
    let findings =
      switch rules {
      case .feed(let profile): FeedLinter(profile: profile).lint(data, file: file)
      case .videoSitemap: SitemapLinter(maximumSize: limit).lint(data, file: file)
      }
    return located(findings)
  }

  /// The same, on the file as staged: read in pieces and checked item by item, so neither the
  /// bytes nor the parsed feed need stay in memory (``check(stagedIn:memo:)`` when the items'
  /// bytes are not known).
  private func findings(stagedIn staging: URL) -> [Finding] {
    if let found = preview ?? known { return found }
    let path = staging.appendingPathComponent(path).path
    let findings =
      switch rules {
      case .feed(let profile): FeedLinter(profile: profile).lint(contentsOfFile: path, file: file)
      case .videoSitemap: SitemapLinter(maximumSize: limit).lint(contentsOfFile: path, file: file)
      }
    return located(findings)
  }

  /// What checking a staged output found, and for a podcast feed whose items' bytes are known,
  /// each item's result for the next build (``FeedCheckMemo``).
  struct Check: Sendable {
    var findings: [Finding]
    var memo: FeedCheckMemo?
    /// Where ``memo`` was put aside, out of memory, until the show cache's records are made.
    var memoPlace: MemoSpill.Place?
    /// The items whose results came from the last build's memo, without being parsed.
    var reused = 0
  }

  /// The findings of the file as staged; a podcast feed whose items' bytes the writer gave
  /// parses only the items the last build's memo has no result for, and a large number of them in
  /// chunks on every core (``FeedLinter/inspect(contentsOfFile:file:itemSpans:memo:)``): its
  /// findings are exactly those of checking it whole.
  ///
  /// A feed already checked (``checked``) gives that check.
  ///
  /// - Parameters:
  ///   - memo: the last build's memo of this feed, asked for only when it can be used.
  ///   - written: the items' results the feed writer found from its own events as it wrote them
  ///     (`PodcastFeedWriter.checksItems`): only the channel and the other items are parsed.
  ///     `nil`: those put aside (``writtenRuns``).
  func check(stagedIn staging: URL, written: [WrittenFeedCheck.Run]? = nil, memo: () -> FeedCheckMemo?) -> Check {
    if let checked { return checked }
    guard preview == nil, known == nil, case .feed(let profile) = rules, let sourceMap,
      let spans = Self.itemSpans(of: sourceMap)
    else { return Check(findings: findings(stagedIn: staging)) }
    let checked = FeedLinter(profile: profile).inspect(
      contentsOfFile: staging.appendingPathComponent(path).path, file: file, itemSpans: spans, memo: memo(),
      written: written ?? writtenRuns?.runs ?? [])
    return Check(findings: located(checked.findings), memo: checked.memo, reused: checked.reused)
  }

  /// The byte range of each item in the written feed, as the writer's source map gives it; `nil`
  /// when it gives none (a feed without items), and the feed is then checked whole, with no memo kept.
  static func itemSpans(of sourceMap: FeedSourceMap) -> [Range<Int>]? {
    sourceMap.itemBytes.isEmpty ? nil : sourceMap.itemBytes
  }

  /// The findings of several outputs, those reported at the catalogue once per rule, line and
  /// severity: a title is both `<title>` and `<itunes:title>`, and a show's preview repeats its
  /// feed, yet each mistake is one finding. (The severity is part of it, so that an error is never
  /// hidden behind a warning of the same rule from the same key.)
  ///
  /// The outputs are checked side by side, on every core (a network's thousand feeds), and
  /// their findings taken in the outputs' order, so which one is kept doesn't depend on timing.
  static func findings(of outputs: [CheckedOutput], _ check: (CheckedOutput) -> [Finding]) -> [Finding] {
    merged(outputs, ParallelMap.map(outputs, check))
  }

  /// The findings of each output, `found`, with those reported at the catalogue kept once, as
  /// ``findings(of:_:)`` gives them.
  static func merged(_ outputs: [CheckedOutput], _ found: [[Finding]]) -> [Finding] {
    var seen = Set<Key>()
    return zip(outputs, found).flatMap { output, findings in
      // Found at the catalogue's lines: by its source map, from the show cache, or checked (with
      // its source map) as it was written.
      guard output.sourceMap != nil || output.known != nil || output.checked != nil else { return findings }
      return findings.filter { seen.insert(Key(ruleID: $0.ruleID, location: $0.location, severity: $0.severity)).inserted }
    }
  }

  private struct Key: Hashable {
    let ruleID: String
    let location: SourceLocation?
    let severity: Severity
  }

  private func located(_ findings: [Finding]) -> [Finding] {
    guard let sourceMap else { return findings }
    let repeated = httpBases.map { "'" + $0.prefix(60) }
    return findings.compactMap { finding in
      if finding.ruleID == CatalogueRules.https.id, repeated.contains(where: finding.message.contains) { return nil }
      var moved = sourceMap.relocate(finding)
      // Another item is named by the episode file behind it, not by a line of the feed.
      moved.message = ItemReference.replacing(in: moved.message) { "the episode at \(sourceMap.location(ofLine: $0))" }
      return moved
    }
  }

  private var limit: Int { max(size, 1) * 2 }
}
