import Foundation
import LinkCheck

/// Reads a feed's bytes from where it lives. A file's size is checked before a byte of it is read,
/// and the read itself stops one byte past the limit, so no feed is ever read whole when it is too big.
struct FeedLoader: Sendable {
  /// The largest feed read, in bytes.
  let maximumSize: Int

  /// The one place a source becomes bytes.
  ///
  /// - Parameter source: a file, or an http(s) URL.
  /// - Returns: the feed's bytes, at most `maximumSize`.
  /// - Throws: `FeedSourceError` when the feed cannot be read, is too large, or is an HTML page.
  func load(_ source: FeedSource) throws(FeedSourceError) -> Data {
    let data: Data
    switch source {
    case .file(let path): data = try readFile(path)
    case .remote(let url): data = try fetch(url)
    }
    if HTMLSniffer.looksLikeHTML(data) { throw .htmlPage(source.description) }
    return data
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

  private func readFile(_ path: String) throws(FeedSourceError) -> Data {
    var status = stat()
    guard stat(path, &status) == 0 else {
      let code = errno
      if code == ENOENT || code == ENOTDIR { throw .notFound(path) }
      throw .unreadable(path, reason: String(cString: strerror(code)))
    }
    guard status.st_mode & S_IFMT == S_IFREG else { throw .notAFile(path) }
    guard status.st_size <= maximumSize else { throw .tooLarge(path, size: Int64(status.st_size), limit: maximumSize) }
    let data: Data
    do {
      let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
      defer { try? handle.close() }
      data = try handle.read(upToCount: maximumSize + 1) ?? Data()
    } catch {
      throw .unreadable(path, reason: error.localizedDescription)
    }
    // The file grew between the size check and the read.
    guard data.count <= maximumSize else { throw .tooLarge(path, size: Int64(data.count), limit: maximumSize) }
    return data
  }
}
