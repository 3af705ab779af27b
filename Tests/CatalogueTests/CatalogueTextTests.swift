import Catalogue
import Diagnostics
import Foundation
import PodiumTestSupport
import Testing

/// What a catalogue's text may hold: no markup in plain-text fields, nothing invisible in titles
/// and names, files every editor saves, YAML errors on their real line, and no placeholders.
@Suite struct CatalogueTextTests {
  /// One bad input: which file of the fixture it replaces, with what, and the finding a user needs.
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    /// `show`, `site`, or an episode's front matter (`episode`, below the fixture's media lines).
    var file: String
    var text: String
    var rule: String
    var location: Diagnostics.SourceLocation
    var says: [String]
    var testDescription: String { name }
  }

  static let episodeFile = "gesprekken/2024-03-14-de-buurt-beslist.md"
  static func show(_ old: String, _ new: String) -> String { CatalogueFixture.show.replacingOccurrences(of: old, with: new) }
  static func site(_ old: String, _ new: String) -> String { CatalogueFixture.site.replacingOccurrences(of: old, with: new) }

  static func load(_ item: Case) throws -> [Finding] {
    let fixture = try CatalogueFixture(
      site: item.file == "site" ? item.text : CatalogueFixture.site, show: item.file == "show" ? item.text : CatalogueFixture.show)
    try fixture.addEpisode(extra: item.file == "episode" ? item.text : "")
    return CatalogueLoader(root: fixture.catalogue).load().findings
  }

  static func expect(_ item: Case, in findings: [Finding]) throws {
    let finding = try #require(findings.first { $0.ruleID == item.rule }, "\(item.name): \(findings)")
    #expect(finding.location == item.location, "\(item.name)")
    for text in item.says { #expect(finding.message.contains(text), "\(item.name): \(finding.message)") }
  }

  // MARK: Plain text (issue 10, point 7)

  static let markup: [Case] = [
    Case(
      name: "script in a show description", file: "show",
      text: show("description: Gesprekken", "description: <script>alert(1)</script> Gesprekken"), rule: "CAT-PLAIN-TEXT",
      location: Diagnostics.SourceLocation(file: "gesprekken/show.yaml", line: 2),
      says: ["'description'", "'<script>'", "feed readers would render", "Markdown notes"]),
    Case(
      name: "event handler in an episode summary", file: "episode", text: "summary: Kijk <img src=x onerror=alert(1)>",
      rule: "CAT-PLAIN-TEXT", location: Diagnostics.SourceLocation(file: episodeFile, line: 9), says: ["'summary'", "'<img src=x onerror=alert(1)>'"]),
    Case(
      name: "summary in a block scalar", file: "episode", text: "summary: |\n  Eerste regel.\n  </p><p>Tweede",
      rule: "CAT-PLAIN-TEXT", location: Diagnostics.SourceLocation(file: episodeFile, line: 9), says: ["'</p>'"]),
    Case(
      name: "character reference in a summary", file: "episode", text: "summary: \"&lt;script&gt;alert(1)\"",
      rule: "CAT-PLAIN-TEXT", location: Diagnostics.SourceLocation(file: episodeFile, line: 9), says: ["'&lt;'", "write the character itself"]),
    Case(
      name: "numeric reference in a title", file: "show", text: show("title: Allemaal politiek", "title: Allemaal &#60;b>politiek"),
      rule: "CAT-PLAIN-TEXT", location: Diagnostics.SourceLocation(file: "gesprekken/show.yaml", line: 1), says: ["'&#60;'"]),
    Case(
      name: "comment in a person's name", file: "show", text: show("name: An Peeters", "name: An <!-- x --> Peeters"),
      rule: "CAT-PLAIN-TEXT", location: Diagnostics.SourceLocation(file: "gesprekken/show.yaml", line: 12), says: ["'persons[0].name'", "'<!-- x -->'"]),
    Case(
      name: "tag in a chapter title", file: "episode", text: "chapters:\n  - start: 0\n    title: <b>Begin</b>",
      rule: "CAT-PLAIN-TEXT", location: Diagnostics.SourceLocation(file: episodeFile, line: 11), says: ["'chapters[0].title'"]),
    Case(
      name: "tag in the site's publisher", file: "site", text: site("publisher: Socius", "publisher: <i>Socius</i>"),
      rule: "CAT-PLAIN-TEXT", location: Diagnostics.SourceLocation(file: "podium.yaml", line: 4), says: ["'publisher'"]),
  ]

  @Test(arguments: markup)
  func markupInPlainTextIsRefused(item: Case) throws {
    let findings = try Self.load(item)
    try Self.expect(item, in: findings)
    #expect(findings.first { $0.ruleID == item.rule }?.severity == .error)
  }

  /// Text that only looks like markup to a careless check stays plain text.
  @Test(arguments: ["Q&A met Tom & Jerry", "1 < 2 en 3 > 2", "a <3 b", "AT&T; R&D;", "<- terug"])
  func plainTextThatIsNoMarkupPasses(text: String) throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode(title: "\"\(text)\"", extra: "summary: \"\(text)\"")
    let findings = CatalogueLoader(root: fixture.catalogue).load().findings
    #expect(findings.filter { $0.severity >= .warning } == [])
  }

  // MARK: Invisible characters (issue 10, point 8)

  static let invisible: [Case] = [
    Case(
      name: "right-to-left override in an episode title", file: "episode", text: "",
      rule: "CAT-INVISIBLE-CHAR", location: Diagnostics.SourceLocation(file: episodeFile, line: 2),
      says: ["'title'", "U+202E (RIGHT-TO-LEFT OVERRIDE)", "delete it"]),
    Case(
      name: "isolate in a show title", file: "show", text: show("title: Allemaal politiek", "title: Allemaal \u{2066}politiek\u{2069}"),
      rule: "CAT-INVISIBLE-CHAR", location: Diagnostics.SourceLocation(file: "gesprekken/show.yaml", line: 1), says: ["U+2066 (LEFT-TO-RIGHT ISOLATE)"]),
    Case(
      name: "zero-width space in a person's name", file: "show", text: show("name: An Peeters", "name: An\u{200B} Peeters"),
      rule: "CAT-INVISIBLE-CHAR", location: Diagnostics.SourceLocation(file: "gesprekken/show.yaml", line: 12),
      says: ["'persons[0].name'", "U+200B (ZERO WIDTH SPACE)"]),
    Case(
      name: "right-to-left mark in the author", file: "show", text: show("author: Socius", "author: Socius\u{200F}"),
      rule: "CAT-INVISIBLE-CHAR", location: Diagnostics.SourceLocation(file: "gesprekken/show.yaml", line: 10), says: ["U+200F"]),
    Case(
      name: "zero-width joiner between Latin letters in a chapter title", file: "episode",
      text: "chapters:\n  - start: 0\n    title: Be\u{200D}gin", rule: "CAT-INVISIBLE-CHAR",
      location: Diagnostics.SourceLocation(file: episodeFile, line: 11), says: ["U+200D (ZERO WIDTH JOINER)"]),
    Case(
      name: "tag characters hiding text in a chapter title", file: "episode",
      text: "chapters:\n  - start: 0\n    title: Begin\u{E0068}\u{E0069}", rule: "CAT-INVISIBLE-CHAR",
      location: Diagnostics.SourceLocation(file: episodeFile, line: 11), says: ["U+E0068 (TAG LATIN SMALL LETTER H)"]),
    Case(
      name: "a Hangul filler for a blank author", file: "show", text: show("author: Socius", "author: Socius \u{3164}"),
      rule: "CAT-INVISIBLE-CHAR", location: Diagnostics.SourceLocation(file: "gesprekken/show.yaml", line: 10),
      says: ["U+3164 (HANGUL FILLER)"]),
  ]

  @Test(arguments: invisible)
  func invisibleCharactersInTitlesAndNamesAreRefused(item: Case) throws {
    let fixture = try CatalogueFixture(
      site: CatalogueFixture.site, show: item.file == "show" ? item.text : CatalogueFixture.show)
    // The first case hides its character in the title the fixture writes.
    try fixture.addEpisode(
      title: item.text.isEmpty ? "De buurt \u{202E}tslissieb" : "De buurt beslist", extra: item.file == "episode" ? item.text : "")
    let findings = CatalogueLoader(root: fixture.catalogue).load().findings
    try Self.expect(item, in: findings)
  }

  /// Scripts and emoji that need a joiner keep it; right-to-left text needs no control character.
  @Test(arguments: ["Gezin 👨‍👩‍👧 en 👩🏽‍💻", "עברית ومرحبا", "می‌خواهم", "Wales 🏴\u{E0067}\u{E0062}\u{E0077}\u{E006C}\u{E0073}\u{E007F} en Vlaanderen"])
  func joinersInsideScriptsAndEmojiPass(text: String) throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode(title: text)
    #expect(CatalogueLoader(root: fixture.catalogue).load().findings.filter { $0.severity >= .warning } == [])
  }

  @Test(arguments: [
    ("gesprekken\u{202E}", "show folder", "gesprekken\u{202E}"),
    ("gesprekken", "episode file", "gesprekken/2024-03-21-a\u{200B}b.md"),
  ])
  func invisibleCharactersInFileNamesAreRefused(folder: String, what: String, file: String) throws {
    let fixture = try CatalogueFixture()
    if folder != "gesprekken" {
      try fixture.folder.write("episodes/\(folder)/show.yaml", CatalogueFixture.show)
    } else {
      try fixture.addEpisode("2024-03-21-a\u{200B}b", date: "2024-03-21T09:00:00+01:00")
    }
    let findings = CatalogueLoader(root: fixture.catalogue).load().findings
    let finding = try #require(findings.first { $0.ruleID == "CAT-INVISIBLE-CHAR" }, "\(what): \(findings)")
    #expect(finding.location?.file == file)
    #expect(finding.message.contains("U+202E") || finding.message.contains("U+200B"))
    #expect(finding.message.contains("rename"))
  }

  // MARK: Files and YAML (issue 10, point 13)

  /// Each file as an editor might save it, and what the producer must be told.
  static let files: [(String, String, Data, String, Int?, [String])] = [
    ("UTF-16 with a byte order mark", "show.yaml", Data([0xFF, 0xFE]) + CatalogueFixture.show.data(using: .utf16LittleEndian)!,
     "CAT-YAML", nil, ["not UTF-8", "UTF-16", "save it as UTF-8"]),
    ("UTF-16 without a byte order mark", "show.yaml", CatalogueFixture.show.data(using: .utf16LittleEndian)!,
     "CAT-YAML", nil, ["not UTF-8", "NUL bytes", "save it as UTF-8"]),
    ("a Python object tag", "show.yaml", Data(show("title: Allemaal politiek", "title: !!python/object:os.system x").utf8),
     "CAT-YAML", 1, ["'!!python/object:os.system'", "tags", "not allowed"]),
    ("a local tag deeper down", "show.yaml", Data(show("role: host", "role: !secret host").utf8),
     "CAT-YAML", 13, ["'!secret'", "not allowed"]),
    ("an unclosed quote", "show.yaml", Data(show("title: Allemaal politiek", "title: \"Allemaal politiek").utf8),
     "CAT-YAML", 1, ["quoted value is never closed", "closing quote"]),
    ("an unquoted colon in a title", "show.yaml", Data(show("title: Allemaal politiek", "title: Politiek: wat nu?").utf8),
     "CAT-YAML", 1, ["': '", "quotes", "title: \"Politiek: wat nu?\""]),
    ("an apostrophe inside single quotes", "show.yaml", Data(show("title: Allemaal politiek", "title: 'Politiek, dat's wij'").utf8),
     "CAT-YAML", 1, ["follows a closing quote", "(title: \"it's here\")", "'it''s here'"]),
    ("a tab that indents", "show.yaml", Data(show("title: Allemaal politiek", "title: Allemaal politiek\n\tsubtitle: x").utf8),
     "CAT-YAML", 2, ["a tab indents this line", "spaces"]),
    ("a dash after a key", "show.yaml", Data(show("title: Allemaal politiek", "title: - Allemaal politiek").utf8),
     "CAT-YAML", 1, ["starts a list", "quotes"]),
    ("deep nesting", "show.yaml", Data(("keywords: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + "\n"
      + CatalogueFixture.show).utf8),
     "CAT-YAML", 1, ["nested more than 1000 levels deep"]),
  ]

  @Test(arguments: files.indices)
  func badFilesAreExplainedOnTheirLine(index: Int) throws {
    let (name, file, data, rule, line, says) = Self.files[index]
    let fixture = try CatalogueFixture()
    try fixture.folder.write("episodes/gesprekken/\(file)", data)
    let findings = CatalogueLoader(root: fixture.catalogue).load().findings
    let finding = try #require(findings.first { $0.ruleID == rule }, "\(name): \(findings)")
    #expect(finding.location == Diagnostics.SourceLocation(file: "gesprekken/\(file)", line: line), "\(name)")
    for text in says { #expect(finding.message.contains(text), "\(name): \(finding.message)") }
    #expect(!finding.message.contains("yaml_") && !finding.message.contains("U+0000"), "\(name): \(finding.message)")
  }

  /// Editors on Windows write a UTF-8 byte order mark; it is no part of the text, in any file.
  @Test(arguments: ["podium.yaml", "gesprekken/show.yaml", "gesprekken/2024-03-14-de-buurt-beslist.md"])
  func aByteOrderMarkIsAcceptedInEveryFile(path: String) throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode()
    let text = try fixture.folder.read("episodes/\(path)")
    try fixture.folder.write("episodes/\(path)", Data([0xEF, 0xBB, 0xBF]) + text)
    let result = CatalogueLoader(root: fixture.catalogue).load()
    #expect(result.findings.filter { $0.severity >= .warning } == [])
    #expect(result.catalogue?.shows.first?.title == "Allemaal politiek")
    #expect(result.catalogue?.site.baseURL == "https://feeds.podium.test/")
  }

  @Test func aShowFolderNamedLikeAnOutputFileIsRefused() throws {
    let fixture = try CatalogueFixture()
    try fixture.folder.write("episodes/feeds.opml/show.yaml", CatalogueFixture.show)
    try fixture.folder.write("episodes/feeds.opml/artwork.jpg", SampleMedia.jpeg(width: 1400, height: 1400))
    let result = CatalogueLoader(root: fixture.catalogue).load()
    let finding = try #require(result.findings.first { $0.ruleID == "CAT-RESERVED-NAME" })
    #expect(finding.severity == .error)
    #expect(finding.location == Diagnostics.SourceLocation(file: "feeds.opml"))
    #expect(finding.message.contains("can't be named 'feeds.opml'") && finding.message.contains("rename the folder"))
    #expect(result.catalogue?.shows.map(\.slug) == ["gesprekken"])
  }

  // MARK: Placeholders (issue 10, point 16)

  @Test(arguments: [
    ("example.com", true), ("www.example.org", true), ("EXAMPLE.NET.", true), ("feeds.allemaalpolitiek.example", true),
    ("example", true), ("example.co", false), ("myexample.com", false), ("example.org.be", false), ("podium.test", false),
    ("socius.be", false), ("feeds.podium.invalid", true), ("localhost", true), ("media.LOCALHOST", true),
    ("invalid.be", false), ("localhost.be", false), ("localhost.", true), ("a.invalid..", true), ("...", false),
    ("", false),
  ])
  func reservedExampleDomains(host: String, reserved: Bool) {
    #expect(HostName.isReservedExample(host) == reserved)
  }

  /// Names that YAML would read as something else unquoted (a key, a comment, a list, a second
  /// line) come back from `podium init`'s files as the same text, and add no key.
  @Test(arguments: [
    "Socius: steunpunt", "Oikos # denktank", "- ella vzw", "Hannah \"Arendt\" Instituut", "EPALE\nbase_url: x",
    "'t Stad", "null", "Null", "NULL", "~", "yes", "  spaties  ", "café & co",
  ])
  func initWritesNamesThatReadBackTheSame(name: String) throws {
    let folder = try TemporaryFolder()
    let root = folder.url.appendingPathComponent("episodes")
    var scaffold = CatalogueScaffold(root: root, showSlug: "demo", showTitle: name, publisher: name)
    scaffold.siteOwner = Owner(name: name, email: "podcast@socius.be")
    scaffold.siteCopyright = name
    _ = try scaffold.create()
    let catalogue = try #require(CatalogueLoader(root: root).load().catalogue)
    #expect(catalogue.site.publisher == name)
    #expect(catalogue.site.owner?.name == name)
    #expect(catalogue.site.copyright == name)
    #expect(catalogue.site.baseURL == "https://feeds.example.org/")
    #expect(catalogue.shows.first?.title == name)
    #expect(catalogue.shows.first?.author == name)
  }

  /// An untouched `podium init` catalogue: every placeholder it wrote is a warning on its line.
  @Test func anUntouchedInitCatalogueWarnsOfEveryPlaceholder() throws {
    let folder = try TemporaryFolder()
    let root = folder.url.appendingPathComponent("episodes")
    _ = try CatalogueScaffold(root: root, showSlug: "demo", showTitle: "Demo", publisher: "Socius").create()
    try folder.write("episodes/demo/artwork.jpg", SampleMedia.jpeg(width: 1400, height: 1400))
    let findings = CatalogueLoader(root: root).load().findings
    let placeholders = findings.filter { $0.ruleID == "CAT-PLACEHOLDER" }
    #expect(placeholders.allSatisfy { $0.severity == .warning })
    #expect(placeholders.compactMap(\.location) == [
      Diagnostics.SourceLocation(file: "podium.yaml", line: 3), Diagnostics.SourceLocation(file: "podium.yaml", line: 4),
      Diagnostics.SourceLocation(file: "demo/show.yaml", line: 3),
    ])
    #expect(placeholders[0].message.contains("'base_url' is on feeds.example.org, a domain reserved for examples (RFC 2606)"))
    #expect(placeholders[0].message.contains("replace it with the real address"))
    #expect(placeholders[2].message.contains("'description' is still the placeholder that podium init wrote"))
  }

  static let placeholders: [Case] = [
    Case(
      name: "owner email", file: "site", text: site("podcast@podium.test", "podcast@example.com"), rule: "CAT-PLACEHOLDER",
      location: Diagnostics.SourceLocation(file: "podium.yaml", line: 7), says: ["'owner.email'", "podcast@example.com"]),
    Case(
      name: "show link on .example", file: "show", text: CatalogueFixture.show + "link: https://www.campagne.example/podcast\n",
      rule: "CAT-PLACEHOLDER", location: Diagnostics.SourceLocation(file: "gesprekken/show.yaml", line: 19), says: ["www.campagne.example"]),
    Case(
      name: "remote episode artwork", file: "episode", text: "artwork: https://img.example.net/a.jpg", rule: "CAT-PLACEHOLDER",
      location: Diagnostics.SourceLocation(file: episodeFile, line: 9), says: ["'artwork'", "img.example.net"]),
  ]

  /// Links in the Markdown notes are published too; each is found on its own line.
  @Test func linksInTheNotesOnExampleDomainsAreWarnings() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode(
      notes: "Eerste regel over example.org, zonder link.\nMeer op [de site](https://www.campagne.example/x) en <https://ok.podium.test/>.\n"
        + "En op https://EXAMPLE.COM/pad.\n")
    let findings = CatalogueLoader(root: fixture.catalogue).load().findings.filter { $0.ruleID == "CAT-PLACEHOLDER" }
    #expect(findings.map(\.location) == [
      Diagnostics.SourceLocation(file: Self.episodeFile, line: 12), Diagnostics.SourceLocation(file: Self.episodeFile, line: 13),
    ])
    #expect(findings.first?.message.contains("a link in the notes goes to www.campagne.example") == true)
  }

  @Test(arguments: placeholders)
  func urlsOnExampleDomainsAreWarnings(item: Case) throws {
    let findings = try Self.load(item)
    try Self.expect(item, in: findings)
    #expect(findings.filter { $0.severity == .error } == [])
  }
}
