import Foundation

/// Why a feed could not be read at all. Problems inside a feed are findings, not errors.
enum FeedSourceError: Error, Sendable, Hashable, LocalizedError {
  case notFound(String)
  case notAFile(String)
  case tooLarge(String, size: Int64, limit: Int)
  case unreadable(String, reason: String)
  case htmlPage(String)
  case invalidURL(String)
  case unsupportedScheme(String)
  case remote(URL, reason: String)

  var errorDescription: String? {
    switch self {
    case .notFound(let path):
      "\(path): no such file; give the path of a feed, or its http(s) URL"
    case .notAFile(let path):
      "\(path): not a regular file; give the path of a feed file"
    case .tooLarge(let path, let size, let limit):
      "\(path): the feed is \(size) bytes, over the \(limit)-byte limit, so it was not read; "
        + "a podcast feed this large times out in apps: trim old episodes or page the feed"
    case .unreadable(let path, let reason):
      "\(path): could not be read (\(reason))"
    case .htmlPage(let name):
      "\(name): this is an HTML page, not a feed; give the feed's own address "
        + "(the page's <link rel=\"alternate\" type=\"application/rss+xml\"> names it)"
    case .invalidURL(let text):
      "\(text): not a valid URL; write it as https://host/path"
    case .unsupportedScheme(let text):
      "\(text): only http(s) URLs and file paths can be linted"
    case .remote(let url, let reason):
      "\(url.absoluteString): could not be fetched (\(reason))"
    }
  }
}
