import AtomicOutput
import Foundation

/// `podium init` as a library call: a new show, ready to edit, in a new catalogue or an existing
/// one. `podium import` writes the show it read through the same call.
public struct CatalogueScaffold: Sendable {
  public var root: URL
  public var showSlug: String
  public var showTitle: String
  public var publisher: String
  public var language: String
  public var medium: Medium
  /// The `show.yaml` to write instead of the template: `import` writes the show it read.
  public var showSettings: String?
  /// Lines for a new `podium.yaml` that replace the template's commented ones (`owner`,
  /// `copyright`, `website`), from what `import` read.
  public var siteOwner: Owner?
  public var siteCopyright: String?
  public var siteWebsite: String?

  public init(root: URL, showSlug: String, showTitle: String, publisher: String, language: String = "en",
              medium: Medium = .podcast) {
    self.root = root
    self.showSlug = showSlug
    self.showTitle = showTitle
    self.publisher = publisher
    self.language = language
    self.medium = medium
  }

  /// Why nothing was written.
  public enum Problem: Error, Sendable, CustomStringConvertible {
    case showExists(slug: String, folder: String)
    case reservedName(String)

    public var description: String {
      switch self {
      case .showExists(let slug, let folder):
        "\(folder) already exists: the catalogue has a show '\(slug)'; choose another folder name with --show"
      case .reservedName(let name): "'\(name)' is a name Podium writes into the output; choose another with --show"
      }
    }
  }

  /// Whether the catalogue already has its `podium.yaml`, so only the show is added.
  public var catalogueExists: Bool {
    FileManager.default.fileExists(atPath: root.appendingPathComponent("podium.yaml").path)
  }

  /// Writes `<show>/show.yaml` and `<show>/media/`, and `podium.yaml` when the catalogue has none.
  /// The show folder is made whole in a hidden folder beside it (the loader skips dot folders)
  /// and renamed into place, so a show is there entire or not at all, and an existing one is
  /// never touched.
  ///
  /// - Parameter filling: adds the show's other files (import's episodes) to the folder it is given.
  /// - Returns: the files written, episodes included.
  public func create(filling: (URL) throws -> [URL] = { _ in [] }) throws -> [URL] {
    guard !Catalogue.reservedShowNames.contains(showSlug) else { throw Problem.reservedName(showSlug) }
    let fileManager = FileManager.default
    let folder = root.appendingPathComponent(showSlug)
    guard !fileManager.fileExists(atPath: folder.path) else {
      throw Problem.showExists(slug: showSlug, folder: folder.relativePath)
    }
    try fileManager.createDirectory(at: root, withIntermediateDirectories: true)
    let staging = root.appendingPathComponent(".\(showSlug).podium-new-\(ProcessInfo.processInfo.processIdentifier)")
    try? fileManager.removeItem(at: staging)
    defer { try? fileManager.removeItem(at: staging) }
    try AtomicFile.write(Data((showSettings ?? showYAML()).utf8), to: staging.appendingPathComponent("show.yaml"), createOnly: true)
    try fileManager.createDirectory(at: staging.appendingPathComponent("media"), withIntermediateDirectories: true)
    let filled = try filling(staging)
    var written: [URL] = []
    let site = root.appendingPathComponent("podium.yaml")
    let newCatalogue = !catalogueExists
    if newCatalogue {
      try AtomicFile.write(Data(siteYAML().utf8), to: site, createOnly: true)
      written.append(site)
    }
    do {
      try fileManager.moveItem(at: staging, to: folder)
    } catch {
      if newCatalogue { try? fileManager.removeItem(at: site) }
      guard !fileManager.fileExists(atPath: folder.path) else {
        throw Problem.showExists(slug: showSlug, folder: folder.relativePath)
      }
      throw error
    }
    written.append(folder.appendingPathComponent("show.yaml"))
    let stagingPath = staging.standardizedFileURL.path
    written += filled.map { file in
      let path = file.standardizedFileURL.path
      guard path.hasPrefix(stagingPath + "/") else { return file }
      return folder.appendingPathComponent(String(path.dropFirst(stagingPath.count + 1)))
    }
    return written
  }

  /// Texts written for the producer to replace: published as they are, they are findings
  /// (CAT-PLACEHOLDER). The URLs it writes are on example.org, which that rule finds too.
  public static let placeholderTexts = [showDescription]
  static let showDescription = "Describe the show in a few sentences."

  private func siteYAML() throws -> String {
    let owner = try siteOwner.map { try pair("owner", .mapping([("name", .text($0.name)), ("email", .text($0.email))])) }
      ?? commented(pair("owner", .mapping([("name", .text(publisher)), ("email", .text("podcast@example.org"))])))
    let copyright = try siteCopyright.map { try pair("copyright", .text($0)) }
      ?? commented(pair("copyright", .text("© \(publisher)")))
    let website = try siteWebsite.map { try pair("website", .text($0)) } ?? "# website: https://example.org/"
    return """
      # Site-wide settings: see docs/catalogue.md.
      # PLACEHOLDER URLs: replace them with your real addresses before you publish.
      base_url: https://feeds.example.org/         # where the contents of feeds/ are served
      media_base_url: https://media.example.org/   # where media files are served
      \(try pair("language", .text(language)))
      \(try pair("publisher", .text(publisher)))
      \(owner)
      \(copyright)
      \(website)

      """
  }

  private func showYAML() throws -> String {
    """
    # The show's settings: see docs/catalogue.md.
    \(try pair("title", .text(showTitle)))
    description: \(Self.showDescription)
    medium: \(medium.rawValue)
    categories:
      - Society & Culture
    explicit: false
    type: episodic
    artwork: artwork.jpg    # add a square JPEG or PNG of 1400–3000 px here
    \(try pair("author", .text(publisher)))

    """
  }

  /// `key: value` as libyaml writes it, without the last line break: quoted only where it must be,
  /// so that a name with a `: ` or a line break reads back as the same text and adds no key.
  private func pair(_ key: String, _ value: YAMLEmitter.Value) throws -> String {
    String(try YAMLEmitter.yaml([(key, value)]).dropLast())
  }

  /// Lines for the producer to fill in, each behind `# `.
  private func commented(_ lines: String) -> String {
    lines.split(separator: "\n", omittingEmptySubsequences: false).map { "# " + $0 }.joined(separator: "\n")
  }
}
