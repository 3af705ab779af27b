import Foundation

/// Turns the file a finding names into the URI a CI system annotates: a path relative to the folder
/// Podium runs in (SARIF's `%SRCROOT%`, the repository root in CI), an absolute `file:` URL for a file
/// outside it, or a feed's own http(s) URL.
struct ArtifactLocator: Sendable {
  /// Where a finding's file is.
  struct Artifact: Sendable, Hashable {
    var uri: String
    /// `%SRCROOT%` when `uri` is relative to the current folder.
    var uriBaseID: String?
  }

  static let sourceRoot = "%SRCROOT%"

  /// The current folder, which relative URIs start from.
  let root: URL
  /// The path of a finding's file, relative to `root` or absolute.
  private let resolve: @Sendable (String) -> String

  /// Files named as given: what `lint` reports.
  static var asGiven: ArtifactLocator { ArtifactLocator(root: currentFolder) { $0 } }

  /// What `validate` and `build` report: catalogue files are named relative to the catalogue folder
  /// (`gesprekken/show.yaml`), and files Podium writes start with the output folder's name
  /// (`feeds/gesprekken/feed.xml`).
  ///
  /// - Parameters:
  ///   - options: `--catalogue` and `--output`, as given.
  ///   - root: the folder relative URIs start from.
  static func catalogue(_ options: CatalogueOptions, root: URL = currentFolder) -> ArtifactLocator {
    let catalogue = options.catalogue, output = options.output
    let outputName = URL(fileURLWithPath: output).lastPathComponent
    return ArtifactLocator(root: root) { file in
      let inCatalogue = joined(catalogue, file)
      let inRoot = URL(fileURLWithPath: inCatalogue, relativeTo: root).path
      guard file.hasPrefix(outputName + "/"), !FileManager.default.fileExists(atPath: inRoot) else {
        return inCatalogue
      }
      return joined(output, String(file.dropFirst(outputName.count + 1)))
    }
  }

  /// Where a finding's file is, as SARIF names it.
  func artifact(for file: String) -> Artifact {
    if let url = URL(string: file), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme) {
      return Artifact(uri: file, uriBaseID: nil)
    }
    let path = resolve(file)
    let absolute = URL(fileURLWithPath: path, relativeTo: root).standardizedFileURL
    let rootPath = root.standardizedFileURL.path
    let prefix = rootPath.hasSuffix("/") ? rootPath : rootPath + "/"
    guard absolute.path.hasPrefix(prefix) else {
      return Artifact(uri: absolute.absoluteString, uriBaseID: nil)
    }
    let relative = String(absolute.path.dropFirst(prefix.count))
    let uri = relative.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? relative
    return Artifact(uri: uri, uriBaseID: Self.sourceRoot)
  }

  static var currentFolder: URL { URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true) }

  /// `folder/file`, without a doubled slash, and just `file` for `.`.
  private static func joined(_ folder: String, _ file: String) -> String {
    var folder = folder
    while folder.count > 1, folder.hasSuffix("/") { folder.removeLast() }
    if folder.isEmpty || folder == "." { return file }
    return folder == "/" ? "/" + file : folder + "/" + file
  }
}
