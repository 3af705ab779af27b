import Catalogue
import Diagnostics
import Foundation
import PodiumTestSupport
import Testing

/// Every file a catalogue points at is refused by its size before it is read, and the finding
/// names its kind (issue 10, point 10). The big files are sparse: ftruncate gives them their
/// size without writing a byte, inside the test's own folder.
@Suite struct FileSizeLimitTests {
  private static let threeGigabytes: off_t = 3 * 1024 * 1024 * 1024

  private func makeSparse(_ fixture: CatalogueFixture, _ path: String) throws {
    let url = try fixture.folder.write("episodes/gesprekken/\(path)", Data())
    let descriptor = open(url.path, O_WRONLY)
    try #require(descriptor >= 0)
    defer { close(descriptor) }
    try #require(ftruncate(descriptor, Self.threeGigabytes) == 0)
  }

  @Test(arguments: [
    ("transcripts/a.vtt", "transcripts:\n  - file: transcripts/a.vtt", "2024-03-14-de-buurt-beslist.md",
     "transcript 'transcripts/a.vtt' is 3.0 GB; transcripts are limited to 16 MB"),
    ("transcripts/a.vtt", "transcripts:\n  - file: transcripts/a.vtt\n    rel: captions", "2024-03-14-de-buurt-beslist.md",
     "captions 'transcripts/a.vtt' is 3.0 GB; captions are limited to 16 MB"),
    ("artwork.jpg", "", "show.yaml", "artwork 'artwork.jpg' is 3.0 GB; artwork is limited to 16 MB"),
    ("poster.jpg", "poster: poster.jpg", "2024-03-14-de-buurt-beslist.md",
     "poster 'poster.jpg' is 3.0 GB; posters are limited to 16 MB"),
  ])
  func aHugeFileIsRefusedByKindBeforeItIsRead(path: String, extra: String, file: String, message: String) throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode(extra: extra)
    try makeSparse(fixture, path)
    let result = CatalogueLoader(root: fixture.catalogue).load()
    let findings = result.findings + (result.catalogue.map { MediaValidator(catalogue: $0).validate() } ?? [])
    let refusal = try #require(findings.first { $0.ruleID == "CAT-FILE-SIZE" }, "\(findings)")
    #expect(refusal.severity == .error)
    #expect(refusal.message.hasPrefix(message), "\(refusal.message)")
    #expect(refusal.location?.file == "gesprekken/\(file)")
    // Nothing probed it: no finding calls it audio, or anything else.
    #expect(!findings.contains { $0.message.contains("MPEG") || $0.ruleID.hasPrefix("PROBE-") }, "\(findings)")
    #expect(result.catalogue?.shows.first?.episodes.first?.transcripts.isEmpty != false)
  }

  /// A FIFO named like an episode is refused, not waited on: the read opens without blocking.
  @Test func aFIFONamedLikeAnEpisodeDoesNotBlockTheLoad() throws {
    let fixture = try CatalogueFixture()
    try fixture.addEpisode()
    let path = fixture.catalogue.appendingPathComponent("gesprekken/2024-03-21-pijp.md").path
    try #require(mkfifo(path, 0o600) == 0)
    let result = CatalogueLoader(root: fixture.catalogue).load()
    // Said as what it is, not as a missing file.
    #expect(
      result.findings.contains {
        $0.location?.file == "gesprekken/2024-03-21-pijp.md" && $0.message.contains("is a FIFO (named pipe), not a file")
      }, "\(result.findings)")
    #expect(result.catalogue?.shows.first?.episodes.count == 1)
  }
}
