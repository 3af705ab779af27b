import Foundation
import LinkCheck
import PodiumXML

/// Gets a feed ready to lint from where it lives. A file is only opened and its first bytes read:
/// the linters read it in pieces, so a file of any size can be checked. A URL is fetched whole,
/// up to a limit, so a hostile server can't make Podium download without end.
struct FeedLoader: Sendable {
  /// The largest feed fetched over the network, in bytes.
  let maximumSize: Int

  /// A feed to lint: a file to read in pieces, or the bytes fetched from a URL.
  enum Loaded: Sendable {
    case file(path: String, head: Data)
    case fetched(Data)

    /// The first bytes, to tell a sitemap or an HTML page from a feed.
    var head: Data {
      switch self {
      case .file(_, let head): head
      case .fetched(let data): data.prefix(FeedLoader.headLength)
      }
    }
  }

  /// Enough of the start of a document to sniff what it is.
  static let headLength = 4096

  /// The one place a source becomes something to lint.
  ///
  /// - Parameter source: a file, or an http(s) URL.
  /// - Returns: the file, or the URL's bytes (at most `maximumSize`).
  /// - Throws: `FeedSourceError` when the feed cannot be read, is too large to fetch, or is an HTML page.
  func load(_ source: FeedSource) throws(FeedSourceError) -> Loaded {
    let loaded: Loaded
    switch source {
    case .file(let path): loaded = .file(path: path, head: try readHead(path))
    case .remote(let url): loaded = .fetched(try fetch(url))
    }
    if HTMLFeedLinks.looksLikeHTML(loaded.head) { throw .htmlPage(source.description) }
    return loaded
  }

  /// GET with libcurl: http(s) only, redirects bounded and never from https to http, the body
  /// cut off past the limit, and a time limit, so a hostile server can't hold the lint.
  private func fetch(_ url: URL) throws(FeedSourceError) -> Data {
    do {
      let document = try LinkChecker().fetch(url.absoluteString, maximumBytes: maximumSize)
      return Data(document.body)
    } catch .tooLarge {
      throw .tooLarge(url.absoluteString, size: Int64(maximumSize) + 1, limit: maximumSize)
    } catch {
      throw .remote(url, reason: error.description)
    }
  }

  /// Checks the path names a regular file that can be read, and reads its first bytes.
  private func readHead(_ path: String) throws(FeedSourceError) -> Data {
    var status = stat()
    guard stat(path, &status) == 0 else {
      let code = errno
      if code == ENOENT || code == ENOTDIR { throw .notFound(path) }
      throw .unreadable(path, reason: String(cString: strerror(code)))
    }
    guard status.st_mode & S_IFMT == S_IFREG else { throw .notAFile(path) }
    do {
      let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
      defer { try? handle.close() }
      return try handle.read(upToCount: Self.headLength) ?? Data()
    } catch {
      throw .unreadable(path, reason: error.localizedDescription)
    }
  }
}
