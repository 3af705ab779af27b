import LinkCheck
import PodiumTestSupport
import Testing

@Suite("Only http and https are ever requested")
struct SchemeTests {
  @Test(arguments: [
    ("file:///etc/passwd", "file"),
    ("ftp://127.0.0.1:{port}/a.mp3", "ftp"),
    ("javascript:alert(1)", "javascript"),
    ("gopher://127.0.0.1:{port}/", "gopher"),
    ("dict://127.0.0.1:{port}/", "dict"),
    ("HTTPX://127.0.0.1:{port}/", "httpx"),
    ("127.0.0.1:{port}/a.mp3", ""),
    ("//127.0.0.1:{port}/a.mp3", ""),
  ])
  func refusedWithoutARequest(template: String, scheme: String) throws {
    let host = try LocalHost()
    let url = template.replacingOccurrences(of: "{port}", with: String(host.server.port))

    let result = host.check(url)

    #expect(result.error == .unsupportedScheme(scheme))
    #expect(result.status == nil)
    #expect(result.findings.map(\.ruleID) == ["REMOTE-SCHEME"])
    #expect(result.findings.first?.message.contains("was not requested") == true)
    #expect(host.server.connectionCount == 0)
  }

  @Test func fetchRefusesToo() throws {
    let host = try LocalHost()
    #expect(throws: LinkError.unsupportedScheme("file")) {
      try host.checker.fetch("file:///etc/hostname", maximumBytes: 1000)
    }
  }

  @Test func uppercaseHTTPIsFine() throws {
    let host = try LocalHost()
    host.server.route("/a.mp3", .file(bytes: 10, type: "audio/mpeg"))

    let result = host.check("HTTP://127.0.0.1:\(host.server.port)/a.mp3", length: 10)

    #expect(result.findings == [])
  }
}
