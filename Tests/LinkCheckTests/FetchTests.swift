import LinkCheck
import PodiumTestSupport
import Testing

@Suite("Fetching a feed for lint")
struct FetchTests {
  @Test func bodyTypeAndFinalURL() throws {
    let host = try LocalHost()
    let feed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel/></rss>"
    host.server.route("/old.xml", .redirect(status: 301, to: "/feed.xml"))
    host.server.route("/feed.xml", .text(feed, type: "application/rss+xml; charset=utf-8"))

    let document = try host.checker.fetch(host.server.url("/old.xml"), maximumBytes: 10_000)

    #expect(String(decoding: document.body, as: UTF8.self) == feed)
    #expect(document.status == 200)
    #expect(document.contentType == "application/rss+xml; charset=utf-8")
    #expect(document.finalURL == host.server.url("/feed.xml"))
    #expect(document.requestedURL == host.server.url("/old.xml"))
    #expect(document.redirects.map(\.status) == [301])
  }

  @Test(arguments: [
    TestHTTPServer.Route.file(bytes: 50_000_000, type: "application/rss+xml"),
    .unsizedFile(bytes: 50_000_000, type: "application/rss+xml"),
  ])
  func aFiftyMegabyteBodyIsAborted(route: TestHTTPServer.Route) throws {
    let host = try LocalHost(totalTimeout: 20)
    host.server.route("/big.xml", route)

    let (error, seconds) = secondsTaken {
      #expect(throws: LinkError.self) { try host.checker.fetch(host.server.url("/big.xml"), maximumBytes: 1_000_000) }
    }

    #expect(error == .tooLarge(limit: 1_000_000))
    #expect(seconds < 10, "hang guard")
  }

  @Test func aBodyAtTheLimitIsKept() throws {
    let host = try LocalHost()
    host.server.route("/exact", .unsizedFile(bytes: 300_000, type: "text/xml"))

    let document = try host.checker.fetch(host.server.url("/exact"), maximumBytes: 300_000)

    #expect(document.body.count == 300_000)
    #expect(document.body.enumerated().allSatisfy { $1 == TestHTTPServer.patternByte($0) })
  }

  @Test(arguments: [404, 500])
  func anErrorStatusThrows(status: Int) throws {
    let host = try LocalHost()
    host.server.route("/feed.xml", .status(status))

    #expect(throws: LinkError.http(status: status)) {
      try host.checker.fetch(host.server.url("/feed.xml"), maximumBytes: 10_000)
    }
  }

  /// Several documents through one pool: each outcome in the order asked, a failure beside the
  /// others, and no more at once than the configuration allows.
  @Test func severalDocumentsAtOnce() throws {
    let host = try LocalHost(maximumConcurrent: 3)
    for n in 1...6 { host.server.route("/\(n).json", .delayed(seconds: 0.2, .text("{\"n\":\(n)}", type: "application/json"))) }
    host.server.route("/gone.json", .status(404))
    host.server.route("/big.json", .file(bytes: 5_000, type: "application/json"))
    let urls = (1...6).map { host.server.url("/\($0).json") } + [host.server.url("/gone.json"), host.server.url("/big.json")]

    let outcomes = host.checker.fetch(urls, maximumBytes: 1_000)

    #expect(outcomes.count == 8)
    for n in 1...6 { #expect(String(decoding: try outcomes[n - 1].get().body, as: UTF8.self) == "{\"n\":\(n)}") }
    #expect(throws: LinkError.http(status: 404)) { try outcomes[6].get() }
    #expect(throws: LinkError.tooLarge(limit: 1_000)) { try outcomes[7].get() }
    #expect(host.server.peakConcurrentRequests > 1)
    #expect(host.server.peakConcurrentRequests <= 3)
  }

  @Test func aRedirectLoopThrows() throws {
    let host = try LocalHost()
    host.server.route("/loop", .redirect(status: 302, to: "/loop"))

    #expect(throws: LinkError.tooManyRedirects(count: 5)) {
      try host.checker.fetch(host.server.url("/loop"), maximumBytes: 10_000)
    }
  }
}
