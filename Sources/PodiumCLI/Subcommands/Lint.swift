import ArgumentParser
import Diagnostics
import FeedRules
import Foundation
import Parallel

extension Podium {
  struct Lint: ParsableCommand {
    /// Feeds larger than this are refused before they are read: 16 MB, well above any real podcast feed.
    static let maximumFeedSize = 16 * 1024 * 1024

    static let configuration = CommandConfiguration(
      abstract: "Check any podcast feed, a file or an http(s) URL, against the feed rules.",
      discussion: """
        The same RSS 2.0, Apple Podcasts and Podcasting 2.0 rules `validate` runs on the feeds Podium builds \
        (`podium rules` lists them), so a feed hosted elsewhere, or one you are migrating from, gets the same \
        report. Feeds are parsed without entity expansion, DTDs or network access; a feed over \
        \(maximumFeedSize >> 20) MB is refused before it is read.
        """)

    @Argument(help: "Feed files, or http(s) URLs.")
    var feeds: [String]

    @Option(help: "text, json or sarif.")
    var format: ReportFormat = .text

    @Flag(help: "Fail on warnings too.")
    var strict = false

    func run() throws {
      let results = lintEach()
      let findings = results.flatMap { (try? $0.get()) ?? [] }
      let failures = results.compactMap { result -> FeedSourceError? in
        if case .failure(let error) = result { error } else { nil }
      }
      // A text report of nothing but unreadable feeds would only say "0 errors".
      if format != .text || failures.count < feeds.count {
        try ReportOutput(format: format, artifacts: .asGiven).findings(findings)
      }
      for failure in failures { FileHandle.standardError.write(Data("error: \(failure.localizedDescription)\n".utf8)) }
      let blocking = findings.contains { $0.severity == .error || (strict && $0.severity == .warning) }
      if blocking || !failures.isEmpty { throw ExitCode.failure }
    }

    /// Each feed's findings, or why it could not be read, in the order given.
    private func lintEach() -> [Result<[Finding], FeedSourceError>] {
      let linter = FeedLinter(maximumFeedSize: Self.maximumFeedSize)
      let loader = FeedLoader(maximumSize: Self.maximumFeedSize)
      return ParallelMap.map(feeds) { argument in
        Result { () throws(FeedSourceError) -> [Finding] in
          let source = try FeedSource(argument)
          return linter.lint(try loader.load(source), file: source.description)
        }
      }
    }
  }
}
