import Diagnostics
import LinkCheck
import Testing

/// Every rule, from results built by hand: one that breaks it and one that passes.
@Suite("Each remote rule fires on a bad result and not on a good one")
struct LinkRulesTests {
  static let url = "https://media.example/ep1.mp3"

  static func result(_ edit: (inout LinkResult) -> Void) -> LinkResult {
    var result = LinkResult(
      request: LinkRequest(url: url, kind: .enclosure, expectedLength: 1000, expectedType: "audio/mpeg"),
      finalURL: url, status: 200, headAllowed: true, rangeSupported: true, contentLength: 1000,
      contentType: "audio/mpeg", timeToFirstByte: 0.1)
    edit(&result)
    return result
  }

  static let hop = Redirect(from: url, to: "https://cdn.example/ep1.mp3", status: 302)

  static let breaking: [(String, LinkResult)] = [
    ("APPLE-HEAD-RANGE", result { $0.headAllowed = false }),
    ("APPLE-HEAD-RANGE", result { $0.rangeSupported = false }),
    ("APPLE-ENC-LENGTH", result { $0.contentLength = 999 }),
    ("REMOTE-LENGTH", result { $0.request.kind = .chapters; $0.request.expectedType = nil; $0.contentLength = 9 }),
    ("CLIENT-ENC-TYPE", result { $0.contentType = "application/octet-stream" }),
    ("CLIENT-ENC-TYPE", result { $0.contentType = nil }),
    ("CLIENT-REDIRECT", result { $0.redirects = [hop] }),
    ("REMOTE-REDIRECT-LIMIT", result { $0.redirects = [hop]; $0.error = .tooManyRedirects(count: 1) }),
    ("REMOTE-HTTPS-DOWNGRADE", result {
      $0.redirects = [Redirect(from: url, to: "http://cdn.example/ep1.mp3", status: 301)]
      $0.error = .insecureRedirect(from: url, to: "http://cdn.example/ep1.mp3")
    }),
    ("REMOTE-STATUS", result { $0.status = 410; $0.error = .http(status: 410) }),
    ("REMOTE-UNREACHABLE", result { $0.error = .unresolvableHost("media.example") }),
    ("REMOTE-UNREACHABLE", result { $0.error = .connectionRefused }),
    ("REMOTE-ADDRESS", result { $0.error = .refusedAddress("169.254.169.254", reason: "a link-local address") }),
    ("REMOTE-TIMEOUT", result { $0.error = .timeout(seconds: 20) }),
    ("REMOTE-TLS", result { $0.error = .tls("certificate has expired") }),
    ("REMOTE-SCHEME", result { $0.error = .unsupportedScheme("ftp") }),
    ("REMOTE-SLOW", result { $0.timeToFirstByte = 2.5 }),
  ]

  @Test(arguments: breaking)
  func breaks(rule: String, result: LinkResult) throws {
    let finding = try #require(result.findings.first { $0.ruleID == rule }, "\(result.findings)")
    let declared = try #require(LinkRules.all.first { $0.id == rule })
    #expect(finding.severity == declared.severity)
    #expect(finding.message.contains(Self.url))
    #expect(finding.location == SourceLocation(file: Self.url))
  }

  @Test(arguments: LinkRules.all)
  func passes(rule: Rule) {
    let good = Self.result { _ in }
    #expect(!good.findings.contains { $0.ruleID == rule.id })
  }

  @Test func everyRuleIsCoveredAndUnique() {
    #expect(Set(Self.breaking.map(\.0)) == Set(LinkRules.all.map(\.id)))
    #expect(Set(LinkRules.all.map(\.id)).count == LinkRules.all.count)
  }

  @Test func slowIsInfoAndCarriesTheTime() throws {
    let finding = try #require(Self.result { $0.timeToFirstByte = 3.04 }.findings.first)
    #expect(finding.severity == .info)
    #expect(finding.message.contains("took 3 s to the first byte"))
  }

  @Test func lengthIsAnErrorForEnclosuresAndAWarningOtherwise() {
    let enclosure = Self.result { $0.contentLength = 1 }
    let artwork = Self.result { $0.request.kind = .artwork; $0.request.expectedType = nil; $0.contentLength = 1 }
    #expect(enclosure.findings.map(\.severity) == [.error])
    #expect(artwork.findings.map(\.severity) == [.warning])
  }
}
