/// A file the catalogue points at: a path inside the show folder, or an https URL elsewhere.
public enum MediaReference: Sendable, Hashable, Codable {
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
    case .remote(let url): text = url
    }
    // Almost every path and URL is ASCII, where bytes are characters: find the extension
    // without splitting (this ran for every episode in several checks).
    if text.utf8.allSatisfy({ $0 < 0x80 }) { return Self.asciiExtension(text, isURL: localPath == nil) }
    return Self.characterExtension(text, isURL: localPath == nil)
  }

  private static func asciiExtension(_ text: String, isURL: Bool) -> String {
    let bytes = text.utf8
    var end = bytes.endIndex
    if isURL {
      guard let first = bytes.first, first != UInt8(ascii: "?"), first != UInt8(ascii: "#") else {
        return characterExtension(text, isURL: true)
      }
      end = bytes.firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? end
    }
    guard let last = bytes[..<end].lastIndex(where: { $0 != UInt8(ascii: "/") }) else { return "" }
    let name = bytes[..<bytes.index(after: last)]
    let start = name.lastIndex(of: UInt8(ascii: "/")).map { bytes.index(after: $0) } ?? bytes.startIndex
    guard let dot = name[start...].lastIndex(of: UInt8(ascii: ".")) else { return "" }
    return String(text[bytes.index(after: dot)..<name.endIndex]).lowercased()
  }

  private static func characterExtension(_ path: String, isURL: Bool) -> String {
    var text = path
    if isURL {
      let withoutQuery = text.split(separator: "?", maxSplits: 1).first.map(String.init) ?? text
      text = withoutQuery.split(separator: "#", maxSplits: 1).first.map(String.init) ?? withoutQuery
    }
    guard let name = text.split(separator: "/").last, let dot = name.lastIndex(of: ".") else { return "" }
    return name[name.index(after: dot)...].lowercased()
  }
}
