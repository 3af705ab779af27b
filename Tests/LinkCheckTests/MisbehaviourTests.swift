import Diagnostics
import LinkCheck
import PodiumTestSupport
import Testing

/// One way a host can misbehave, the URL that shows it, and the finding it must produce.
struct Misbehaviour: Sendable, CustomTestStringConvertible {
  var name: String
  var kind: LinkRequest.Kind = .enclosure
  var length: Int64? = 1000
  var type: String? = "audio/mpeg"
  /// Short only for the hosts that never finish.
  var timeout: Double = 10
  /// Registers routes and returns the URL to check.
  var setUp: @Sendable (TestHTTPServer) throws -> String
  var rules: [String]
  var severity: Severity
  var says: [String]

  var testDescription: String { name }
}

@Suite("A misbehaving host is reported with a clear finding")
struct MisbehaviourTests {
  static let cases: [Misbehaviour] = [
    Misbehaviour(
      name: "Content-Length lies (enclosure)",
      setUp: { $0.route("/a.mp3", .lyingLength(bytes: 1000, claimed: 1234, type: "audio/mpeg")); return $0.url("/a.mp3") },
      rules: ["APPLE-ENC-LENGTH"], severity: .error, says: ["is 1234 bytes on the server", "declares 1000", "Declare 1234"]),
    Misbehaviour(
      name: "Content-Length lies (artwork)", kind: .artwork, type: "image/jpeg",
      setUp: { $0.route("/a.jpg", .lyingLength(bytes: 1000, claimed: 999, type: "image/jpeg")); return $0.url("/a.jpg") },
      rules: ["REMOTE-LENGTH"], severity: .warning, says: ["999 bytes on the server", "declares 1000"]),
    Misbehaviour(
      name: "wrong Content-Type",
      setUp: { $0.route("/a.mp3", .file(bytes: 1000, type: "text/plain; charset=utf-8")); return $0.url("/a.mp3") },
      rules: ["CLIENT-ENC-TYPE"], severity: .warning,
      says: ["served as text/plain; charset=utf-8", "declares audio/mpeg", "send audio/mpeg"]),
    Misbehaviour(
      name: "Range ignored",
      setUp: { $0.route("/a.mp3", .ignoresRange(bytes: 1000, type: "audio/mpeg")); return $0.url("/a.mp3") },
      rules: ["APPLE-HEAD-RANGE"], severity: .error, says: ["ignores byte ranges", "answered 200", "206 Partial Content"]),
    Misbehaviour(
      name: "HEAD not allowed",
      setUp: { $0.route("/a.mp3", .headNotAllowed(bytes: 1000, type: "audio/mpeg")); return $0.url("/a.mp3") },
      rules: ["APPLE-HEAD-RANGE"], severity: .error, says: ["refuses HEAD requests", "Allow HEAD"]),
    Misbehaviour(
      name: "302 to a path",
      setUp: { server in
        server.route("/old.mp3", .redirect(status: 302, to: "/a.mp3"))
        server.route("/a.mp3", .file(bytes: 1000, type: "audio/mpeg"))
        return server.url("/old.mp3")
      },
      rules: ["CLIENT-REDIRECT"], severity: .warning, says: ["redirects once", "/old.mp3 →302→ http://127.0.0.1:", "not all permanent"]),
    Misbehaviour(
      name: "301 then 308 to absolute URLs",
      setUp: { server in
        server.route("/one.mp3", .redirect(status: 301, to: server.url("/two.mp3")))
        server.route("/two.mp3", .redirect(status: 308, to: server.url("/a.mp3")))
        server.route("/a.mp3", .file(bytes: 1000, type: "audio/mpeg"))
        return server.url("/one.mp3")
      },
      rules: ["CLIENT-REDIRECT"], severity: .warning, says: ["redirects 2 times", "→301→", "→308→", "all permanent: use http://127.0.0.1:"]),
    Misbehaviour(
      name: "307",
      setUp: { server in
        server.route("/tmp.mp3", .redirect(status: 307, to: "/a.mp3"))
        server.route("/a.mp3", .file(bytes: 1000, type: "audio/mpeg"))
        return server.url("/tmp.mp3")
      },
      rules: ["CLIENT-REDIRECT"], severity: .warning, says: ["→307→"]),
    Misbehaviour(
      name: "redirect loop",
      setUp: { server in
        server.route("/ping", .redirect(status: 302, to: "/pong"))
        server.route("/pong", .redirect(status: 302, to: "/ping"))
        return server.url("/ping")
      },
      rules: ["REMOTE-REDIRECT-LIMIT"], severity: .error, says: ["more than 5 times", "they loop", "/pong →302→"]),
    Misbehaviour(
      name: "404",
      setUp: { $0.url("/missing.mp3") },
      rules: ["REMOTE-STATUS"], severity: .error, says: ["answered 404 Not Found", "upload it, or fix the URL"]),
    Misbehaviour(
      name: "500",
      setUp: { $0.route("/a.mp3", .status(500)); return $0.url("/a.mp3") },
      rules: ["REMOTE-STATUS"], severity: .error, says: ["answered 500 Internal Server Error"]),
    Misbehaviour(
      name: "redirect to a non-http scheme",
      setUp: { $0.route("/a.mp3", .redirect(status: 302, to: "ftp://127.0.0.1:9/a.mp3")); return $0.url("/a.mp3") },
      rules: ["REMOTE-SCHEME"], severity: .error, says: ["redirects to ftp://127.0.0.1:9/a.mp3", "uses ftp:"]),
    Misbehaviour(
      name: "headers, then a byte a second", timeout: 1.5,
      setUp: { $0.route("/a.mp3", .trickle); return $0.url("/a.mp3") },
      rules: ["REMOTE-TIMEOUT"], severity: .error, says: ["did not answer completely within"]),
    Misbehaviour(
      name: "never answers", timeout: 1.5,
      setUp: { $0.route("/a.mp3", .silent); return $0.url("/a.mp3") },
      rules: ["REMOTE-TIMEOUT"], severity: .error, says: ["did not answer completely within"]),
    Misbehaviour(
      name: "slow to answer",
      setUp: { $0.route("/a.mp3", .delayed(seconds: 2.2, .file(bytes: 1000, type: "audio/mpeg"))); return $0.url("/a.mp3") },
      rules: ["REMOTE-SLOW"], severity: .info, says: ["to the first byte (over 2 s)"]),
    Misbehaviour(
      name: "nothing listening",
      setUp: { _ in "http://127.0.0.1:\(try TestHTTPServer.unusedPort())/a.mp3" },
      rules: ["REMOTE-UNREACHABLE"], severity: .error, says: ["unreachable", "connection was refused"]),
    Misbehaviour(
      name: "https to a plain http server",
      setUp: { "https://127.0.0.1:\($0.port)/a.mp3" },
      rules: ["REMOTE-TLS"], severity: .error, says: ["TLS failed for https://127.0.0.1:"]),
  ]

  @Test(arguments: cases)
  func reported(_ misbehaviour: Misbehaviour) throws {
    let host = try LocalHost(totalTimeout: misbehaviour.timeout)
    let url = try misbehaviour.setUp(host.server)
    let location = SourceLocation(file: "episodes/001.md", line: 4, column: 3)
    let request = LinkRequest(
      url: url, kind: misbehaviour.kind, expectedLength: misbehaviour.length, expectedType: misbehaviour.type,
      location: location)

    let (results, seconds) = secondsTaken { host.checker.check([request]) }
    let findings = try #require(results.first).findings

    #expect(findings.map(\.ruleID) == misbehaviour.rules, "\(findings)")
    #expect(findings.first?.severity == misbehaviour.severity)
    #expect(findings.allSatisfy { $0.location == location })
    let message = findings.first?.message ?? ""
    #expect(message.contains(url), "the message names the URL: \(message)")
    for phrase in misbehaviour.says {
      #expect(message.contains(phrase), "\(message)")
    }
    #expect(seconds < misbehaviour.timeout + 5, "hang guard")
  }
}
