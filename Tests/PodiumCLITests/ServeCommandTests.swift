import Foundation
import LinkCheck
import PodiumTestSupport
import Testing

/// `podium serve` as a user runs it: what it prints, that it answers on loopback, and that Ctrl-C
/// stops it and removes its temporary folder (made in TMPDIR, which the test points at its own folder).
@Suite(.timeLimit(.minutes(2)))
struct ServeCommandTests {
  @Test func printsTheFeedsServesThemAndStopsCleanlyOnCtrlC() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode()
    let temporary = fixture.folder.url.appendingPathComponent("tmp")
    try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
    let before = FolderFingerprint(of: fixture.folder.url, skipping: ["tmp"])

    let serve = try ServeProcess(catalogue: "episodes", in: fixture.folder.url, temporary: temporary)
    defer { serve.end() }
    let output = serve.output

    let address = try serve.address()
    let text = output.text
    #expect(text.contains("this machine only"))
    let feed = "\(address)/feeds/gesprekken/feed.xml"
    #expect(text.contains("gesprekken: feed \(feed)"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).filter { $0.hasPrefix("podium-serve-") }.count == 1)
    let fetched = try LinkChecker().fetch(feed, maximumBytes: 1 << 20)
    #expect(fetched.status == 200)
    #expect(fetched.contentType == "application/rss+xml")
    #expect(String(decoding: fetched.body, as: UTF8.self).contains("\(address)/media/gesprekken/media/"))

    // A broken catalogue: the findings are printed, the last good build stays served.
    let show = fixture.catalogue.appendingPathComponent("gesprekken/show.yaml")
    try Data((try String(contentsOf: show, encoding: .utf8) + "explicit: [\n").utf8).write(to: show)
    try output.wait(for: "still serving the last good build")
    #expect(output.text.contains("gesprekken/show.yaml:"))
    #expect(try LinkChecker().fetch(feed, maximumBytes: 1 << 20).status == 200)
    try Data(CatalogueFixture.show.utf8).write(to: show)  // as it was: the fingerprint below compares bytes

    #expect(serve.interrupt() == 0)
    try output.wait(for: "Stopped")
    #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).isEmpty)
    #expect(FolderFingerprint(of: fixture.folder.url, skipping: ["tmp"]).differences(from: before).isEmpty)
  }

  @Test func aHostThatIsNotAnAddressIsRefused() throws {
    let fixture = try CatalogueFixture()
    let result = try PodiumProcess.run(
      ["serve", "--host", "example.invalid", "--port", "0"], in: fixture.folder.url,
      environment: ["TMPDIR": fixture.folder.url.path])
    #expect(result.status == 1)
    #expect(result.standardError.contains("--host 'example.invalid' is not an IP address"))
  }
}
