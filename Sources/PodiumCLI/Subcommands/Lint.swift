import ArgumentParser
import Diagnostics
import FeedRules
import Foundation
import Parallel

extension Podium {
  struct Lint: ParsableCommand {
    /// Feeds fetched over the network larger than this are refused: 16 MB, well above any real podcast feed.
    static let defaultMaximumSize = 16 * 1024 * 1024

    static let configuration = CommandConfiguration(
      abstract: "Check any podcast feed, Media RSS feed or video sitemap, a file or an http(s) URL, against the rules.",
      discussion: """
        The same RSS 2.0, Apple Podcasts and Podcasting 2.0 rules `validate` runs on the feeds Podium builds \
        (`podium rules` lists them), so a feed hosted elsewhere, or one you are migrating from, gets the same \
        report. A video sitemap (a <urlset>) gets the sitemap rules; a Media RSS feed (Podium's media.xml) \
        gets RSS 2.0's rules without Apple's and Podcasting 2.0's, as `--profile rss` asks for any feed; so does a \
        blog's feed, with a note saying so. Feeds are parsed without entity expansion, DTDs or network access, \
        and checked as they are read, so a feed file of any size can be linted; a feed fetched from a URL \
        is refused past --max-size.
        """)

    @Argument(help: "Feed files, or http(s) URLs.")
    var feeds: [String]

    @Option(help: "text, json or sarif.")
    var format: ReportFormat = .text

    @Flag(help: "Fail on warnings too.")
    var strict = false

    @Option(help: """
      podcast, rss or sitemap; by default a <urlset> is a sitemap, an <rss> with the Media RSS namespace and \
      not Apple's is plain RSS, as is a blog's feed (no itunes namespace, and fewer than one item in ten with \
      an enclosure), and anything else a podcast feed.
      """)
    var profile: LintProfile?

    @Option(help: "The largest feed fetched from a URL, in bytes (files are read in pieces, at any size).")
    var maxSize: Int = Lint.defaultMaximumSize

    func validate() throws {
      guard maxSize > 0 else { throw ValidationError("--max-size must be a number of bytes above 0") }
    }

    func run() throws {
      let results = lintEach()
      let findings = results.flatMap { (try? $0.get().findings) ?? [] }
      let failures = results.compactMap { result -> FeedSourceError? in
        if case .failure(let error) = result { error } else { nil }
      }
      // On standard error, so that json and sarif output stays one document.
      for note in results.compactMap({ try? $0.get().note }) {
        FileHandle.standardError.write(Data("note: \(note)\n".utf8))
      }
      // A text report of nothing but unreadable feeds would only say "0 errors".
      if format != .text || failures.count < feeds.count {
        try ReportOutput(format: format, artifacts: .asGiven).findings(findings)
      }
      for failure in failures { FileHandle.standardError.write(Data("error: \(failure.localizedDescription)\n".utf8)) }
      let blocking = findings.contains { $0.severity == .error || (strict && $0.severity == .warning) }
      if blocking || !failures.isEmpty { throw ExitCode.failure }
    }

    /// Each feed's findings and the note on the profile it was given, or why it could not be
    /// read, in the order given.
    private func lintEach() -> [Result<(findings: [Finding], note: String?), FeedSourceError>] {
      let loader = FeedLoader(maximumSize: maxSize)
      let profile = profile
      return ParallelMap.map(feeds) { argument in
        Result { () throws(FeedSourceError) -> (findings: [Finding], note: String?) in
          let source = try FeedSource(argument)
          let loaded = try loader.load(source)
          let file = source.description
          switch profile ?? LintProfile.sniff(loaded.head) {
          case .sitemap: return (Self.lint(loaded, file: file, with: SitemapLinter(maximumSize: .max)), nil)
          case .rss: return (Self.inspect(loaded, file: file, with: FeedLinter(profile: .rss)).findings, nil)
          case .podcast:
            let (findings, shape) = Self.inspect(loaded, file: file, with: FeedLinter())
            // Asked for by name, every rule; otherwise the feed's shape may say it is a blog's.
            guard profile == nil else { return (findings, nil) }
            let (chosen, note) = LintProfile.decide(shape, name: file)
            return (findings.filter { chosen.applies($0.ruleID) }, note)
          }
        }
      }
    }

    private static func inspect(
      _ loaded: FeedLoader.Loaded, file: String, with linter: FeedLinter
    ) -> (findings: [Finding], shape: FeedShape) {
      switch loaded {
      case .file(let path, _): linter.inspect(contentsOfFile: path, file: file)
      case .fetched(let data): linter.inspect(data, file: file)
      }
    }

    /// A sitemap over Google's 50 MB limit gets that finding before it is parsed.
    private static func lint(_ loaded: FeedLoader.Loaded, file: String, with linter: SitemapLinter) -> [Finding] {
      switch loaded {
      case .file(let path, _): linter.lint(contentsOfFile: path, file: file)
      case .fetched(let data): linter.lint(data, file: file)
      }
    }
  }
}
