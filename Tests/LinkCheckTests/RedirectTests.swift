@testable import LinkCheck
import PodiumTestSupport
import Testing

@Suite("Redirects, and https never giving way to http")
struct RedirectTests {
  @Test(arguments: [
    (["https://a/x", "https://b/x", "http://c/x"], 1),
    (["https://a/x", "http://b/x"], 0),
    (["http://a/x", "https://b/x", "http://c/x"], 1),
    (["HTTPS://a/x", "Http://b/x"], 0),
  ])
  func downgradeFound(_ chain: [String], at index: Int) {
    let redirects = zip(chain, chain.dropFirst()).map { Redirect(from: $0, to: $1, status: 301) }
    #expect(redirects.firstDowngrade == redirects[index])
  }

  @Test(arguments: [
    ["http://a/x", "http://b/x"],
    ["https://a/x", "https://b/x"],
    ["http://a/x", "https://b/x"],
  ])
  func noDowngrade(_ chain: [String]) {
    let redirects = zip(chain, chain.dropFirst()).map { Redirect(from: $0, to: $1, status: 302) }
    #expect(redirects.firstDowngrade == nil)
  }

  @Test func policyRefusesADowngradeBeforeFollowingIt() {
    let hop = Redirect(from: "https://cdn.example/a.mp3", to: "http://cdn.example/a.mp3", status: 301)
    #expect(
      RedirectPolicy.decide(hop, followed: 0, limit: 5)
        == .refuse(.insecureRedirect(from: "https://cdn.example/a.mp3", to: "http://cdn.example/a.mp3")))
  }

  @Test(arguments: [(4, true), (5, false)])
  func policyLimit(followed: Int, follows: Bool) {
    let hop = Redirect(from: "https://a/x", to: "https://b/x", status: 302)
    let expected: RedirectPolicy.Decision = follows ? .follow : .refuse(.tooManyRedirects(count: 5))
    #expect(RedirectPolicy.decide(hop, followed: followed, limit: 5) == expected)
  }

  @Test func downgradeFindingNamesBothURLs() {
    let start = "https://host.example/ep1.mp3"
    let result = LinkResult(
      request: LinkRequest(url: start, kind: .enclosure), finalURL: start,
      redirects: [Redirect(from: start, to: "http://mirror.example/ep1.mp3", status: 302)],
      error: .insecureRedirect(from: start, to: "http://mirror.example/ep1.mp3"))

    let findings = result.findings

    #expect(findings.map(\.ruleID) == ["REMOTE-HTTPS-DOWNGRADE"])
    #expect(findings.first?.severity == .error)
    #expect(findings.first?.message.contains("from \(start) to http://mirror.example/ep1.mp3") == true)
  }

  @Test func anHTTPSStartAgainstAPlainServerFailsFastWithTLS() throws {
    let host = try LocalHost(totalTimeout: 5)

    let (result, seconds) = secondsTaken { host.check("https://127.0.0.1:\(host.server.port)/a.mp3") }

    guard case .tls = result.error else {
      Issue.record("expected a TLS error, got \(String(describing: result.error))")
      return
    }
    #expect(seconds < 4, "a TLS failure, not a wait for the timeout")
  }

  @Test func redirectsAreRecordedWithStatusAndFinalURL() throws {
    let host = try LocalHost()
    let server = host.server
    server.route("/a", .redirect(status: 301, to: "/b"))
    server.route("/b", .redirect(status: 302, to: server.url("/c.mp3")))
    server.route("/c.mp3", .file(bytes: 10, type: "audio/mpeg"))

    let result = host.check(server.url("/a"), length: 10)

    #expect(
      result.redirects == [
        Redirect(from: server.url("/a"), to: server.url("/b"), status: 301),
        Redirect(from: server.url("/b"), to: server.url("/c.mp3"), status: 302),
      ])
    #expect(result.finalURL == server.url("/c.mp3"))
    #expect(result.redirects.isPermanent == false)
    #expect(server.requests.map(\.path) == ["/a", "/b", "/c.mp3", "/c.mp3"], "the GET goes straight to the file")
  }
}
