import Diagnostics
import Foundation
@testable import PodiumCLI
import PodiumTestSupport
import Testing

/// `--format sarif`: a SARIF 2.1.0 log whose locations are repository-relative, so CI annotates
/// the catalogue file a finding is about.
@Suite struct SARIFTests {
  let now = ["--now", "2025-01-01T00:00:00Z"]

  /// A catalogue with an unknown key in show.yaml (line 7) and an episode whose file name has the wrong date.
  static func brokenCatalogue() throws -> CatalogueFixture {
    let fixture = try CatalogueFixture(
      show: CatalogueFixture.show.replacingOccurrences(of: "explicit: false", with: "explicit: false\nexplict: false"))
    try fixture.addEpisode("2024-03-15-de-buurt-beslist")
    return fixture
  }

  /// The log's first run, its rules by id, and its results.
  struct Log {
    var top: [String: Any]
    var driver: [String: Any]
    var rules: [[String: Any]]
    var results: [[String: Any]]

    init(_ text: String) throws {
      top = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
      let runs = try #require(top["runs"] as? [[String: Any]])
      #expect(runs.count == 1)
      let run = try #require(runs.first)
      driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
      rules = try #require(driver["rules"] as? [[String: Any]])
      results = try #require(run["results"] as? [[String: Any]])
    }

    func rule(_ id: String) -> [String: Any]? { rules.first { $0["id"] as? String == id } }
    func result(_ id: String) -> [String: Any]? { results.first { $0["ruleId"] as? String == id } }
  }

  static func physical(_ result: [String: Any]?) -> (uri: String?, base: String?, line: Int?) {
    let physical = (result?["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
    let artifact = physical?["artifactLocation"] as? [String: Any]
    let region = physical?["region"] as? [String: Any]
    return (artifact?["uri"] as? String, artifact?["uriBaseId"] as? String, region?["startLine"] as? Int)
  }

  static func level(_ rule: [String: Any]?) -> String? {
    (rule?["defaultConfiguration"] as? [String: Any])?["level"] as? String
  }

  @Test func validateWritesSARIFThatAnnotatesTheCatalogueFiles() throws {
    let fixture = try Self.brokenCatalogue()
    let output = try PodiumProcess.run(["validate", "--format", "sarif"] + now, in: fixture.folder.url)
    #expect(output.status == 1, "\(output.standardOutput)\(output.standardError)")
    let log = try Log(output.standardOutput)

    #expect(log.top["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
    #expect(log.top["version"] as? String == "2.1.0")
    #expect(log.driver["name"] as? String == "Podium")
    #expect(log.driver["informationUri"] == nil)
    #expect(log.driver["version"] as? String == Podium.configuration.version)

    let unknownRule = try #require(log.rule("CAT-UNKNOWN-KEY"))
    #expect(Self.level(unknownRule) == "error")
    #expect((unknownRule["shortDescription"] as? [String: Any])?["text"] as? String == "Only documented keys are allowed.")
    #expect(((unknownRule["fullDescription"] as? [String: Any])?["text"] as? String)?.contains("docs/catalogue.md") == true)
    #expect(Self.level(log.rule("CAT-FILENAME")) == "warning")

    let unknown = try #require(log.result("CAT-UNKNOWN-KEY"))
    #expect(unknown["level"] as? String == "error")
    #expect(((unknown["message"] as? [String: Any])?["text"] as? String)?.contains("explict") == true)
    let place = Self.physical(unknown)
    #expect(place.uri == "episodes/gesprekken/show.yaml")
    #expect(place.base == "%SRCROOT%")
    #expect(place.line == 8)

    let fileName = Self.physical(log.result("CAT-FILENAME"))
    #expect(log.result("CAT-FILENAME")?["level"] as? String == "warning")
    #expect(fileName.uri == "episodes/gesprekken/2024-03-15-de-buurt-beslist.md")
  }

  @Test func rulesAreListedOnceAndResultsPointAtThem() throws {
    let fixture = try Self.brokenCatalogue()
    let log = try Log(try PodiumProcess.run(["validate", "--format", "sarif"] + now, in: fixture.folder.url).standardOutput)
    let ids = log.rules.compactMap { $0["id"] as? String }
    #expect(ids.count == Set(ids).count)
    #expect(Set(ids) == Set(log.results.compactMap { $0["ruleId"] as? String }))
    for result in log.results {
      let index = try #require(result["ruleIndex"] as? Int)
      #expect(log.rules[index]["id"] as? String == result["ruleId"] as? String)
      #expect(["error", "warning", "note"].contains(result["level"] as? String ?? ""))
    }
  }

  @Test func buildWritesTheSameSARIF() throws {
    let fixture = try Self.brokenCatalogue()
    let build = try PodiumProcess.run(["build", "--format", "sarif"] + now, in: fixture.folder.url)
    #expect(build.status == 1)
    let log = try Log(build.standardOutput)
    #expect(Self.physical(log.result("CAT-UNKNOWN-KEY")).uri == "episodes/gesprekken/show.yaml")
  }

  @Test func aCatalogueElsewhereIsNamedFromTheCurrentFolder() throws {
    let fixture = try Self.brokenCatalogue()
    let name = fixture.folder.url.lastPathComponent
    let fromParent = try PodiumProcess.run(
      ["validate", "--format", "sarif", "--catalogue", "\(name)/episodes/", "--output", "\(name)/feeds"] + now,
      in: fixture.folder.url.deletingLastPathComponent())
    let relative = Self.physical(try Log(fromParent.standardOutput).result("CAT-UNKNOWN-KEY"))
    #expect(relative.uri == "\(name)/episodes/gesprekken/show.yaml")
    #expect(relative.base == "%SRCROOT%")

    let elsewhere = try TemporaryFolder()
    let outside = try PodiumProcess.run(
      ["validate", "--format", "sarif", "--catalogue", fixture.catalogue.path] + now, in: elsewhere.url)
    let absolute = Self.physical(try Log(outside.standardOutput).result("CAT-UNKNOWN-KEY"))
    #expect(absolute.uri == fixture.catalogue.appendingPathComponent("gesprekken/show.yaml").standardizedFileURL.absoluteString)
    #expect(absolute.base == nil)
  }

  // MARK: The parts, in process

  @Test func feedFilesMapToTheOutputFolder() throws {
    let options = try CatalogueOptions.parse(["--catalogue", "site/episodes", "--output", "public/feeds/"])
    let locator = ArtifactLocator.catalogue(options, root: URL(fileURLWithPath: "/repo", isDirectory: true))
    let feed = locator.artifact(for: "feeds/gesprekken/feed.xml")
    #expect(feed == .init(uri: "public/feeds/gesprekken/feed.xml", uriBaseID: "%SRCROOT%"))
    let show = locator.artifact(for: "gesprekken/show.yaml")
    #expect(show == .init(uri: "site/episodes/gesprekken/show.yaml", uriBaseID: "%SRCROOT%"))
    #expect(locator.artifact(for: "podium.yaml").uri == "site/episodes/podium.yaml")
    #expect(locator.artifact(for: "gesprekken/met spatie.md").uri == "site/episodes/gesprekken/met%20spatie.md")
    #expect(ArtifactLocator.asGiven.artifact(for: "https://podium.test/feed.xml").uri == "https://podium.test/feed.xml")
  }

  /// A feed rule reported at a catalogue line (the feed self-check of `validate`) is described
  /// as the feed rule it is, as it is for a feed `lint` read.
  @Test func aFeedRuleIsTheFeedRuleWhereverItIsReported() throws {
    let finding = Finding(
      severity: .warning, ruleID: "APPLE-ITEM-DESC", message: "too long", location: SourceLocation(file: "feed.xml", line: 3))
    let inFeed = SARIFOutput(artifacts: .asGiven).log([finding])
    #expect(inFeed.runs.first?.tool.driver.rules.first?.defaultConfiguration.level == "warning")
    #expect(inFeed.runs.first?.tool.driver.rules.first?.properties?.tags == ["Feed"])

    let options = try CatalogueOptions.parse([])
    var inCatalogue = finding
    inCatalogue.location = SourceLocation(file: "gesprekken/2024-03-14-a.md", line: 4)
    let log = SARIFOutput(artifacts: .catalogue(options)).log([inCatalogue])
    #expect(log.runs.first?.tool.driver.rules.first?.defaultConfiguration.level == "warning")
    #expect(log.runs.first?.tool.driver.rules.first?.properties?.tags == ["Feed"])
  }

  @Test func infoIsANoteAndAFindingWithoutAPlaceHasNoLocation() {
    let log = SARIFOutput(artifacts: .asGiven).log([
      Finding(severity: .info, ruleID: "RSS-NS-GOOGLEPLAY", message: "m", location: SourceLocation(file: "f.xml")),
      Finding(severity: .error, ruleID: "NOT-A-RULE", message: "m"),
    ])
    let results = log.runs.first?.results ?? []
    #expect(results.map(\.level) == ["note", "error"])
    #expect(results.first?.locations?.first?.physicalLocation.region == nil)
    #expect(results.last?.locations == nil)
    #expect(log.runs.first?.tool.driver.rules.last?.id == "NOT-A-RULE")
  }
}
