import LinkCheck
import PodiumTestSupport
import Testing

@Suite("Nothing hangs")
struct TimeoutTests {
  @Test func silentAndTricklingHostsEndAfterTheirTimeout() throws {
    let host = try LocalHost(totalTimeout: 1.5)
    host.server.route("/silent.mp3", .silent)
    host.server.route("/trickle.mp3", .trickle)
    host.server.route("/ok.mp3", .file(bytes: 1000, type: "audio/mpeg"))
    let urls = ["/silent.mp3", "/trickle.mp3", "/ok.mp3"].map(host.server.url)

    let (results, seconds) = secondsTaken {
      host.checker.check(urls.map { LinkRequest(url: $0, kind: .enclosure) })
    }

    #expect(seconds < 10, "hang guard: took \(seconds) s")
    #expect(results[0].error.map(isTimeout) == true)
    #expect(results[1].error.map(isTimeout) == true)
    #expect(results[1].headAllowed == true, "HEAD finished; the ranged GET trickled")
    #expect(results[2].error == nil)
  }

  @Test func fetchFromASilentHostTimesOut() throws {
    let host = try LocalHost(totalTimeout: 1)
    host.server.route("/feed.xml", .silent)

    let (error, seconds) = secondsTaken {
      #expect(throws: LinkError.self) { try host.checker.fetch(host.server.url("/feed.xml"), maximumBytes: 1000) }
    }

    #expect(error.map(isTimeout) == true)
    #expect(seconds < 10, "hang guard")
  }

  @Test func stoppingTheServerEndsItsThreads() throws {
    let server = try TestHTTPServer()
    server.route("/silent", .silent)
    let checker = LinkChecker(configuration: LinkCheckConfiguration(totalTimeout: 0.5))
    _ = checker.check([LinkRequest(url: server.url("/silent"), kind: .other)])

    let (_, seconds) = secondsTaken { server.stop() }

    #expect(seconds < 5)
  }

  private func isTimeout(_ error: LinkError) -> Bool {
    if case .timeout = error { return true }
    return false
  }
}
