import Foundation
import PodiumTestSupport
import Testing

/// Through the real binary: a published show or episode that breaks is reported as what
/// happened, with exit code 1 and feeds/ exactly as it was. A file that is there but fails to
/// load gets its own error and never PUB-REMOVED; a show whose folder lost its show.yaml or its
/// name is a removal; `podium list` lists a file that fails to load, with its errors.
@Suite struct BrokenPublicationTests {
  static let now = ["--now", "2025-01-01T00:00:00Z"]

  /// The findings of `podium build --format json`, as (rule id, severity, file, message).
  func findings(_ output: PodiumProcess.Output) throws -> [(rule: String, severity: String, file: String, message: String)] {
    let json = try #require(try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any])
    let findings = try #require(json["findings"] as? [[String: Any]])
    return findings.map {
      ($0["ruleID"] as? String ?? "", $0["severity"] as? String ?? "", $0["file"] as? String ?? "", $0["message"] as? String ?? "")
    }
  }

  @Test(arguments: Breakage.episodeMistakes + Breakage.showChanges)
  func buildReportsWhatHappenedAndWritesNothing(_ breakage: Breakage) throws {
    let fixture = try Breakage.published()
    let first = try PodiumProcess.run(["build"] + Self.now, in: fixture.folder.url)
    #expect(first.status == 0, "\(first.standardOutput)")
    let before = FolderFingerprint(of: fixture.output)
    try breakage.apply(to: fixture)

    let json = try PodiumProcess.run(["build", "--format", "json"] + Self.now, in: fixture.folder.url)
    #expect(json.status == 1)
    let reported = try findings(json)
    #expect(Set(reported.filter { $0.severity == "error" }.map(\.rule)).sorted() == breakage.errors, "\(reported)")
    #expect(reported.contains { $0.severity == "error" && $0.file == breakage.file && $0.message.contains(breakage.says) })

    let text = try PodiumProcess.run(["build"] + Self.now, in: fixture.folder.url)
    #expect(text.status == 1)
    #expect(text.standardOutput.contains("\(breakage.file)"), "\(text.standardOutput)")
    for rule in breakage.errors { #expect(text.standardOutput.contains("error: [\(rule)]"), "\(text.standardOutput)") }
    if breakage.isRemoval {
      #expect(text.standardOutput.contains("to take the whole show down, build with --allow-removal"))
    } else {
      #expect(!text.standardOutput.contains("PUB-REMOVED"), "\(text.standardOutput)")
      #expect(!text.standardOutput.contains("--allow-removal"), "\(text.standardOutput)")
      let allowed = try PodiumProcess.run(["build", "--allow-removal"] + Self.now, in: fixture.folder.url)
      #expect(allowed.status == 1, "--allow-removal does not take down what failed to load")
    }
    let after = FolderFingerprint(of: fixture.output)
    #expect(after == before, "\(after.differences(from: before))")
  }

  @Test func aShowIsTakenDownWithAllowRemoval() throws {
    let fixture = try Breakage.published()
    #expect(try PodiumProcess.run(["build"] + Self.now, in: fixture.folder.url).status == 0)
    try FileManager.default.removeItem(at: fixture.catalogue.appendingPathComponent("gesprekken/show.yaml"))
    let result = try PodiumProcess.run(["build", "--allow-removal"] + Self.now, in: fixture.folder.url)
    #expect(result.status == 0, "\(result.standardOutput)")
    #expect(result.standardOutput.contains("warning: [PUB-REMOVED] allowed: show 'gesprekken' was published"))
    #expect(!fixture.folder.exists("feeds/gesprekken"))
    #expect(fixture.folder.exists("feeds/nieuws/feed.xml"))
  }

  /// Every situation in which something is there but fails to load: `podium list` lists it,
  /// with its errors, beside the episodes that did load, and exits 1.
  @Test(arguments: (Breakage.episodeMistakes + Breakage.showChanges).filter { !$0.isRemoval })
  func listListsWhatFailsToLoadAndExitsOne(_ breakage: Breakage) throws {
    let fixture = try Breakage.published()
    try breakage.apply(to: fixture)
    let json = try PodiumProcess.run(["list", "--format", "json"] + Self.now, in: fixture.folder.url)
    #expect(json.status == 1)
    let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [[String: Any]])
    let failed = rows.filter { $0["status"] as? String == "error" }
    #expect(failed.map { $0["file"] as? String } == [breakage.file], "\(rows)")
    let errors = failed.first?["errors"] as? [String] ?? []
    #expect(Set(errors.compactMap { $0.firstMatch(of: /\[([A-Z0-9-]+)\]/).map { String($0.1) } }).sorted() == breakage.errors)
    if breakage.file.hasPrefix("gesprekken/2024") {
      #expect(rows.filter { $0["status"] as? String == "published" }.map { $0["file"] as? String } == ["gesprekken/2024-03-14-a.md"])
    }

    let text = try PodiumProcess.run(["list"] + Self.now, in: fixture.folder.url)
    #expect(text.status == 1)
    let lines = text.standardOutput.split(separator: "\n")
    #expect(lines.contains { $0.contains("error") && $0.hasSuffix(breakage.file) }, "\(text.standardOutput)")
    for rule in breakage.errors { #expect(text.standardOutput.contains("error: [\(rule)]"), "\(text.standardOutput)") }

    // --show lists only that show's failures, also when its show.yaml is what failed.
    if breakage.file.hasPrefix("gesprekken/") {
      let show = try PodiumProcess.run(["list", "--show", "gesprekken"] + Self.now, in: fixture.folder.url)
      #expect(show.status == 1)
      #expect(show.standardOutput.contains(breakage.file), "\(show.standardOutput)")
    }
    let other = try PodiumProcess.run(["list", "--show", "nieuws"] + Self.now, in: fixture.folder.url)
    #expect(other.status == 0, "\(other.standardOutput)")
  }

  @Test func listOfASoundCatalogueExitsZero() throws {
    let fixture = try Breakage.published()
    let result = try PodiumProcess.run(["list"] + Self.now, in: fixture.folder.url)
    #expect(result.status == 0, "\(result.standardOutput)")
    #expect(!result.standardOutput.contains("error"))
  }
}
