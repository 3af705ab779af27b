import Foundation

/// One way a published show or episode can break, for the tests that check that a build tells a
/// mistake (the real error, nothing removed) from a removal (PUB-REMOVED, unless allowed). Each
/// applies to the catalogue `Breakage.published()` makes, once it has been built.
public struct Breakage: Sendable, CustomStringConvertible {
  public let description: String
  /// The error-level rule ids the next build reports, sorted.
  public let errors: [String]
  /// The file or folder the finding that matters names, relative to the catalogue.
  public let file: String
  /// Words that finding's message must hold.
  public let says: String
  let apply: @Sendable (CatalogueFixture) throws -> Void

  /// Whether this takes a published show away: a removal, not a mistake.
  public var isRemoval: Bool { errors == ["PUB-REMOVED"] }

  public func apply(to fixture: CatalogueFixture) throws { try apply(fixture) }

  /// Show `gesprekken` with two published episodes, `2024-03-14-a` and `2024-03-21-b`, and
  /// show `nieuws`, without episodes, so the catalogue still has a show when the first one goes.
  public static func published(site: String = CatalogueFixture.site) throws -> CatalogueFixture {
    let fixture = try CatalogueFixture(site: site)
    try fixture.addEpisode("2024-03-14-a", guid: "a")
    try fixture.addEpisode("2024-03-21-b", date: "2024-03-21T09:00:00+01:00", guid: "b")
    try fixture.folder.write("episodes/nieuws/show.yaml", CatalogueFixture.show)
    try fixture.folder.write("episodes/nieuws/artwork.jpg", SampleMedia.jpeg(width: 1400, height: 1400))
    return fixture
  }

  static let episode = "gesprekken/2024-03-21-b.md"

  /// Replaces text in episode b.
  static func edit(_ what: String, _ old: String, _ new: Data, errors: [String], says: String) -> Breakage {
    Breakage(description: what, errors: errors, file: episode, says: says) { fixture in
      let url = fixture.catalogue.appendingPathComponent(episode)
      var text = try Data(contentsOf: url)
      guard let range = text.range(of: Data(old.utf8)) else { throw CocoaError(.fileReadCorruptFile) }
      text.replaceSubrange(range, with: new)
      try text.write(to: url)
    }
  }

  /// Mistakes in a published episode: it is there, but fails to load.
  public static let episodeMistakes: [Breakage] = [
    edit("key typo", "title:", Data("titel:".utf8), errors: ["CAT-REQUIRED", "CAT-UNKNOWN-KEY"], says: "'title'"),
    edit(
      "bad date", "2024-03-21T09:00:00+01:00", Data("21 maart 2024".utf8), errors: ["CAT-DATE"],
      says: "'21 maart 2024' is not a date"),
    edit("broken YAML", "title: De buurt", Data("title: [De buurt".utf8), errors: ["CAT-YAML"], says: "malformed YAML"),
    edit("not UTF-8", "De buurt", Data([0x44, 0xE9, 0x20]), errors: ["CAT-YAML"], says: "not UTF-8 text"),
    Breakage(
      description: "media file missing", errors: ["CAT-FILE-MISSING"], file: episode,
      says: "media file 'media/2024-03-21-b.mp3' does not exist"
    ) { fixture in
      try FileManager.default.removeItem(at: fixture.catalogue.appendingPathComponent("gesprekken/media/2024-03-21-b.mp3"))
    },
    Breakage(
      description: "file name not UTF-8", errors: ["CAT-NAME-UTF8"], file: "gesprekken/2024-03-21-b\\xFF.md",
      says: "not UTF-8"
    ) { fixture in
      try fixture.folder.rename("episodes/" + episode, toName: Array("2024-03-21-b".utf8) + [0xFF] + Array(".md".utf8))
    },
  ]

  /// A published show whose folder changed: removals, but for a folder Podium can't read.
  public static let showChanges: [Breakage] = [
    Breakage(
      description: "show.yaml removed", errors: ["PUB-REMOVED"], file: "gesprekken",
      says: "show 'gesprekken' was published with 2 episodes, but its folder has no show.yaml"
    ) { fixture in
      try FileManager.default.removeItem(at: fixture.catalogue.appendingPathComponent("gesprekken/show.yaml"))
    },
    Breakage(
      description: "folder renamed to _gesprekken", errors: ["PUB-REMOVED"], file: "_gesprekken",
      says: "show 'gesprekken' was published with 2 episodes, but its folder is now named _gesprekken"
    ) { fixture in
      try FileManager.default.moveItem(
        at: fixture.catalogue.appendingPathComponent("gesprekken"),
        to: fixture.catalogue.appendingPathComponent("_gesprekken"))
    },
    Breakage(
      description: "folder removed", errors: ["PUB-REMOVED"], file: "gesprekken",
      says: "show 'gesprekken' was published with 2 episodes, but its folder gesprekken is gone"
    ) { fixture in
      try FileManager.default.removeItem(at: fixture.catalogue.appendingPathComponent("gesprekken"))
    },
    Breakage(
      description: "folder name not UTF-8", errors: ["CAT-NAME-UTF8"], file: "gesprekken\\xFF",
      says: "the name of folder 'gesprekken\\xFF' is not UTF-8"
    ) { fixture in
      try fixture.folder.rename("episodes/gesprekken", toName: Array("gesprekken".utf8) + [0xFF])
    },
    // The folder can't be looked into (here a show.yaml that links to itself; for a user, a folder
    // without read permission): its show.yaml may well be there, so this is no removal.
    Breakage(
      description: "show.yaml can't be looked at", errors: ["CAT-FILE-MISSING"], file: "gesprekken",
      says: "cannot look into folder 'gesprekken' for its show.yaml (Too many levels of symbolic links)"
    ) { fixture in
      let showFile = fixture.catalogue.appendingPathComponent("gesprekken/show.yaml").path
      try FileManager.default.removeItem(atPath: showFile)
      try FileManager.default.createSymbolicLink(atPath: showFile, withDestinationPath: "show.yaml")
    },
    Breakage(
      description: "show.yaml broken", errors: ["CAT-YAML"], file: "gesprekken/show.yaml", says: "malformed YAML"
    ) { fixture in
      try fixture.folder.write("episodes/gesprekken/show.yaml", "title: [Allemaal politiek\n")
    },
  ]
}
