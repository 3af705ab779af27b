import Foundation

/// Turns paths and URLs written in the catalogue into safe references. A local path must stay
/// inside its show folder, and once symbolic links are followed, inside the catalogue.
struct PathResolver: Sendable {
  /// The catalogue folder, with symbolic links resolved.
  let root: String
  let show: String

  enum Problem: Error, Equatable {
    case scheme(String)
    case insecure(String)
    case escapes(String)
    case symlinkOutside(String)
    case invalidURL(String)
    case hidden(String)
  }

  init(root: URL, show: String) {
    self.root = PathResolver.realPath(root.path) ?? root.standardizedFileURL.path
    self.show = show
  }

  func resolve(_ text: String) throws(Problem) -> MediaReference {
    if let colon = text.firstIndex(of: ":") {
      let scheme = text[..<colon].lowercased()
      if scheme == "https" {
        guard URLCheck.isAbsoluteHTTPS(text) else { throw .invalidURL(text) }
        return .remote(url: text)
      }
      if scheme == "http" { throw .insecure(text) }
      if scheme.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }), scheme.count > 1 {
        throw .scheme(text)
      }
    }
    return .local(path: try localPath(text))
  }

  /// A normalised relative path inside the show folder.
  func localPath(_ text: String) throws(Problem) -> String {
    guard !text.hasPrefix("/"), !text.hasPrefix("~"), !text.contains("\0"), !text.contains("\\") else {
      throw .escapes(text)
    }
    var parts: [Substring] = []
    for part in text.split(separator: "/", omittingEmptySubsequences: true) {
      if part == "." { continue }
      if part == ".." {
        guard !parts.isEmpty else { throw .escapes(text) }
        parts.removeLast()
      } else {
        parts.append(part)
      }
    }
    guard !parts.isEmpty else { throw .escapes(text) }
    // Hidden names are the loader's to skip and a web server's own (.htaccess): never published.
    guard !parts.contains(where: { $0.hasPrefix(".") }) else { throw .hidden(text) }
    let path = parts.joined(separator: "/")
    let full = root + "/" + show + "/" + path
    if let real = PathResolver.realPath(full), !(real == root || real.hasPrefix(root + "/")) {
      throw .symlinkOutside(text)
    }
    return path
  }

  static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}

extension PathResolver.Problem {
  var message: String {
    switch self {
    case .scheme(let text): "'\(text)' is neither a path in the show folder nor an https URL"
    case .insecure(let text): "'\(text)' uses http; use https, which podcast apps and Podcasting 2.0 require"
    case .escapes(let text): "'\(text)' leaves the show folder; use a path inside it, such as media/file.mp3"
    case .symlinkOutside(let text): "'\(text)' is a symbolic link to a file outside the catalogue; copy the file in"
    case .invalidURL(let text): "'\(text)' is not a valid absolute https URL"
    case .hidden(let text): "'\(text)' names a hidden file or folder (starting with '.'), which is never published; rename it"
    }
  }
}
