import AtomicOutput
import Foundation

/// `podium init` as a library call: a new catalogue with one show, ready to edit.
public struct CatalogueScaffold: Sendable {
  public var root: URL
  public var showSlug: String
  public var showTitle: String
  public var publisher: String
  public var language: String
  public var medium: Medium

  public init(root: URL, showSlug: String, showTitle: String, publisher: String, language: String = "en",
              medium: Medium = .podcast) {
    self.root = root
    self.showSlug = showSlug
    self.showTitle = showTitle
    self.publisher = publisher
    self.language = language
    self.medium = medium
  }

  /// Writes `podium.yaml` and `<show>/show.yaml`; refuses to touch an existing catalogue.
  /// - Returns: the files written.
  public func create() throws -> [URL] {
    let site = root.appendingPathComponent("podium.yaml")
    let show = root.appendingPathComponent(showSlug).appendingPathComponent("show.yaml")
    try AtomicFile.write(Data(siteYAML.utf8), to: site, createOnly: true)
    try AtomicFile.write(Data(showYAML.utf8), to: show, createOnly: true)
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent(showSlug).appendingPathComponent("media"), withIntermediateDirectories: true)
    return [site, show]
  }

  /// Texts written for the producer to replace: published as they are, they are findings
  /// (CAT-PLACEHOLDER). The URLs it writes are on example.org, which that rule finds too.
  public static let placeholderTexts = [showDescription]
  static let showDescription = "Describe the show in a few sentences."

  private var siteYAML: String {
    """
    # Site-wide settings: see docs/catalogue.md.
    # PLACEHOLDER URLs: replace them with your real addresses before you publish.
    base_url: https://feeds.example.org/         # where the contents of feeds/ are served
    media_base_url: https://media.example.org/   # where media files are served
    language: \(language)
    publisher: \(quoted(publisher))
    # owner:
    #   name: \(publisher)
    #   email: podcast@example.org
    # copyright: © \(publisher)
    # website: https://example.org/

    """
  }

  private var showYAML: String {
    """
    # The show's settings: see docs/catalogue.md.
    title: \(quoted(showTitle))
    description: \(Self.showDescription)
    medium: \(medium.rawValue)
    categories:
      - Society & Culture
    explicit: false
    type: episodic
    artwork: artwork.jpg    # add a square JPEG or PNG of 1400–3000 px here
    author: \(quoted(publisher))

    """
  }

  private func quoted(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }
}
