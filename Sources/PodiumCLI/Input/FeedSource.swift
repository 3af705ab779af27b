import Foundation

/// Where `podium lint` reads a feed from: a file, or an http(s) URL.
enum FeedSource: Sendable, Hashable, CustomStringConvertible {
  case file(path: String)
  case remote(URL)

  /// Reads a command-line argument: `http://` and `https://` are URLs, `file://` URLs name files,
  /// and anything else is a path.
  ///
  /// - Parameter argument: what the user typed.
  /// - Throws: `FeedSourceError.unsupportedScheme` for other URL schemes, `.invalidURL` for a broken URL.
  init(_ argument: String) throws(FeedSourceError) {
    guard let schemeEnd = argument.range(of: "://") else {
      self = .file(path: argument)
      return
    }
    let scheme = argument[..<schemeEnd.lowerBound].lowercased()
    guard scheme.allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }) else {
      self = .file(path: argument)
      return
    }
    guard let url = URL(string: argument), url.scheme != nil else { throw .invalidURL(argument) }
    switch scheme {
    case "http", "https":
      guard url.host?.isEmpty == false else { throw .invalidURL(argument) }
      self = .remote(url)
    case "file": self = .file(path: url.path)
    default: throw .unsupportedScheme(argument)
    }
  }

  /// The name findings carry: the path as given, or the URL.
  var description: String {
    switch self {
    case .file(let path): path
    case .remote(let url): url.absoluteString
    }
  }
}
