/// Where `podium import` reads the old feed from.
public enum ImportSource: Sendable, Hashable, CustomStringConvertible {
  /// A feed saved to a file.
  case file(path: String)
  /// The feed's http(s) address, fetched with a size and time limit.
  case remote(url: String)

  public var description: String {
    switch self {
    case .file(let path): path
    case .remote(let url): url
    }
  }
}
