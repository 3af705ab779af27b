import Foundation

/// Where `podium import` reads the old feed from.
public enum ImportSource: Sendable, Hashable, CustomStringConvertible {
  /// A feed saved to a file.
  case file(path: String)
  /// The feed's http(s) address, fetched with a size and time limit.
  case remote(url: String)

  /// A file, or an address on this machine's loopback.
  public var isLocal: Bool {
    switch self {
    case .file: return true
    case .remote(let url):
      guard let host = URLComponents(string: url)?.host?.lowercased() else { return false }
      let parts = host.split(separator: ".", omittingEmptySubsequences: false)
      let loopbackIPv4 = parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
      return host == "localhost" || host == "::1" || host == "[::1]" || loopbackIPv4
    }
  }

  public var description: String {
    switch self {
    case .file(let path): path
    case .remote(let url): url
    }
  }
}
