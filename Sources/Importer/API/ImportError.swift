import Foundation
import PodiumXML

/// Why nothing was imported. Each message names the input and says what to do, in the terms of
/// someone moving a podcast, not a parser's.
public enum ImportError: Error, Sendable, CustomStringConvertible {
  case notFound(String)
  case unreadable(String, reason: String)
  case unreachable(String, reason: String)
  /// An HTML page, with the feeds its `<link rel="alternate">` elements name.
  case htmlPage(String, feeds: [String])
  case atom(String)
  case notAFeed(String, root: String)
  case malformedXML(String, XMLParseError)
  case noChannel(String)
  case noFeedAddress(String)
  case tooManyEpisodes(String, count: Int, limit: Int)
  case showExists(String)
  case catalogue(String)
  case write(String)

  public var description: String {
    switch self {
    case .notFound(let path): "\(path): no such file; give the feed's file or its http(s) address"
    case .unreadable(let path, let reason): "\(path): could not be read (\(reason))"
    case .unreachable(let url, let reason):
      "\(url): could not be fetched (\(reason)); check the address, or save the feed to a file and import that"
    case .htmlPage(let source, let feeds):
      feeds.isEmpty
        ? "\(source): this is a web page, not a feed, and it names no feed; give the feed's own address "
          + "(your host shows it as the RSS feed URL)"
        : "\(source): this is a web page, not a feed; it names its feed: import \(feeds[0])"
          + (feeds.count > 1 ? " (it also names \(feeds.dropFirst().joined(separator: ", ")))" : "")
    case .atom(let source):
      "\(source): this is an Atom feed; podcast apps read RSS 2.0, and Podium imports RSS. If the podcast has an RSS "
        + "feed (the one apps subscribe to), import that one"
    case .notAFeed(let source, let root):
      "\(source): the document's root element is <\(root)>, not <rss>; give the podcast's RSS feed"
    case .malformedXML(let source, let error):
      "\(source): not a feed Podium can read safely: \(error.description). Nothing was imported"
    case .noChannel(let source): "\(source): the <rss> element holds no <channel>; this is not a podcast feed"
    case .noFeedAddress(let source):
      "\(source): the feed has no podcast:guid and names no address of its own (atom:link rel=\"self\"), so the "
        + "show's identity can't be computed; pass the old feed's address with --feed-url"
    case .tooManyEpisodes(let source, let count, let limit):
      "\(source): the feed has \(count) episodes, more than the \(limit) an import reads (--max-episodes); if that is "
        + "right, import it with --max-episodes \(count). Nothing was imported"
    case .showExists(let message): message
    case .catalogue(let message): message
    case .write(let message): "could not write the show: \(message); nothing was imported"
    }
  }
}
