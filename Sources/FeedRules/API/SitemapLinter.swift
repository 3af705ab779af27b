import Diagnostics
import Foundation
import PodiumXML

/// Checks a Google video sitemap against Google's video sitemap rules, using only its text, and
/// with the same safe parser as `FeedLinter`: no entities, no DTDs, no network. Findings are
/// returned, in document order, for the caller to print or filter.
public struct SitemapLinter: Sendable {
  /// Sitemaps larger than this are refused before parsing.
  public let maximumSize: Int

  /// - Parameter maximumSize: the largest sitemap, in bytes, that will be parsed.
  public init(maximumSize: Int = PodiumXML.XMLDocument.defaultMaximumSize) {
    self.maximumSize = maximumSize
  }

  /// Every rule this linter can report, for docs and for turning rules off.
  public static var rules: [Rule] { SitemapChecks.rules }

  /// Parses and checks a sitemap; one that is not well-formed gives one error finding, as does
  /// one over the 50 MB a sitemap may have.
  ///
  /// - Parameters:
  ///   - data: the sitemap's bytes.
  ///   - file: the path or URL that findings should name.
  /// - Returns: the findings, sorted by line.
  public func lint(_ data: Data, file: String) -> [Finding] {
    if let tooLarge = VideoLimitRules.sizeFinding(bytes: data.count, file: file) { return [tooLarge] }
    do {
      return lint(try PodiumXML.XMLDocument(data: data, maximumSize: maximumSize), file: file)
    } catch {
      return [ParseErrorFinding.finding(for: error, file: file, document: .sitemap)]
    }
  }

  /// Parses and checks a sitemap read from a file in pieces.
  ///
  /// - Parameters:
  ///   - path: the file to read.
  ///   - file: the path or URL that findings should name.
  /// - Returns: the findings, sorted by line.
  public func lint(contentsOfFile path: String, file: String) -> [Finding] {
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    if let tooLarge = VideoLimitRules.sizeFinding(bytes: size, file: file) { return [tooLarge] }
    do {
      return lint(try PodiumXML.XMLDocument(contentsOfFile: path, maximumSize: maximumSize), file: file)
    } catch {
      return [ParseErrorFinding.finding(for: error, file: file, document: .sitemap)]
    }
  }

  /// Checks a sitemap already parsed.
  ///
  /// - Parameters:
  ///   - document: the parsed sitemap.
  ///   - file: the path or URL that findings should name.
  /// - Returns: the findings, sorted by line.
  public func lint(_ document: PodiumXML.XMLDocument, file: String) -> [Finding] {
    let sitemap = Sitemap(document)
    var findings = FindingList(file: file)
    for check in SitemapChecks.all { check.check(sitemap, into: &findings) }
    return findings.findings.sortedForReport()
  }
}
