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

  @Test func aRedirectLoopThrows() throws {
    let host = try LocalHost()
    host.server.route("/loop", .redirect(status: 302, to: "/loop"))

    #expect(throws: LinkError.tooManyRedirects(count: 5)) {
      try host.checker.fetch(host.server.url("/loop"), maximumBytes: 10_000)
    }
  }
}
