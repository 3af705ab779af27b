import LinkCheck
import PodiumTestSupport
import Testing

@testable import Importer

/// What the probe reads of media on a server is only the bytes it asked for.
@Suite struct RemoteMediaRangesTests {
  /// A server that answers a range with other bytes (from the file's start, its Content-Range
  /// saying so) fails the read, instead of handing the probe bytes it takes for others.
  @Test func aRangeOtherThanTheOneAskedFailsTheRead() throws {
    let server = try TestHTTPServer()
    server.route("/good.mp3", .file(bytes: 200_000, type: "audio/mpeg"))
    server.route("/shifted.mp3", .rangesFromStart(bytes: 200_000, type: "audio/mpeg"))
    let budget = FetchBudget(ImportLimits())
    func ranges(_ path: String) -> RemoteMediaRanges {
      RemoteMediaRanges(url: server.url(path), size: 200_000, configuration: LinkCheckConfiguration(), budget: budget)
    }
    #expect(try ranges("/good.mp3").read(at: 65_536, count: 100) == (65_536..<65_636).map(TestHTTPServer.patternByte))
    #expect(try ranges("/shifted.mp3").read(at: 0, count: 100) == (0..<100).map(TestHTTPServer.patternByte))
    #expect {
      try ranges("/shifted.mp3").read(at: 65_536, count: 100)
    } throws: { "\($0)".contains("Content-Range: bytes 0-99/200000") && "\($0)".contains("for bytes 65536-65635") }
  }
}
