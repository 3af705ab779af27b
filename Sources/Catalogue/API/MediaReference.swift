/// A file the catalogue points at: a path inside the show folder, or an https URL elsewhere.
public enum MediaReference: Sendable, Hashable {
  /// A path relative to the show folder, already checked to stay inside the catalogue.
  case local(path: String)
  case remote(url: String)

  public var localPath: String? {
    if case .local(let path) = self { return path }
    return nil
  }

  /// The file name extension, lower-cased, from the path or the URL's path.
  public var pathExtension: String {
    let text: String
    switch self {
    case .local(let path): text = path
    case .remote(let url):
      let withoutQuery = url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? url
      text = withoutQuery.split(separator: "#", maxSplits: 1).first.map(String.init) ?? withoutQuery
    }
    guard let name = text.split(separator: "/").last, let dot = name.lastIndex(of: ".") else { return "" }
    return name[name.index(after: dot)...].lowercased()
  }
}
