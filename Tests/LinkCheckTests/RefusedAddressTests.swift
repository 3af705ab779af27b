import Foundation
@testable import LinkCheck
import PodiumTestSupport
import Testing

/// Redirects to link-local and cloud metadata addresses are refused in libcurl's open-socket
/// callback, on the resolved address, so not a packet goes there (issue 10, point 12).
@Suite struct RefusedAddressTests {
  @Test(arguments: [
    ("http://169.254.169.254/latest/meta-data/", "169.254.169.254"),
    ("http://[fe80::1]/", "fe80::1"),
  ])
  func aRedirectThereIsRefusedBeforeConnecting(target: String, address: String) throws {
    let host = try LocalHost(totalTimeout: 20)
    host.server.route("/a.mp3", .redirect(status: 302, to: target))

    let (result, seconds) = secondsTaken { host.check(host.server.url("/a.mp3")) }

    // Only the callback makes this error: a connection tried would be refused, or time out.
    guard case .refusedAddress(let refused, let reason) = result.error else {
      Issue.record("expected a refused address, got \(String(describing: result.error))")
      return
    }
    #expect(refused == address)
    #expect(reason.contains("link-local"))
    #expect(result.redirects.map(\.to) == [target])
    let finding = try #require(result.findings.first { $0.ruleID == "REMOTE-ADDRESS" }, "\(result.findings)")
    #expect(finding.severity == .error)
    #expect(finding.message.contains("leads to \(address)"), "\(finding.message)")
    #expect(seconds < 10, "hang guard")
  }

  /// A check of a public URL may be told to keep off this machine: a host name resolving to
  /// 127.0.0.1 then gets no connection, as `publish` asks when checking public URLs.
  @Test func loopbackIsRefusedWhenNotAllowed() throws {
    let host = try LocalHost(totalTimeout: 20)
    host.server.route("/a.mp3", .file(bytes: 100, type: "audio/mpeg"))
    var configuration = host.checker.configuration
    configuration.allowLoopback = false
    let result = LinkChecker(configuration: configuration).check([
      LinkRequest(url: "http://localhost:\(host.server.port)/a.mp3", kind: .enclosure)
    ])[0]
    guard case .refusedAddress(let address, let reason) = result.error else {
      Issue.record("expected a refused address, got \(String(describing: result.error))")
      return
    }
    #expect(address == "127.0.0.1" || address == "::1")
    #expect(reason == AddressPolicy.Refusal.loopback.description)
    #expect(host.server.requests.isEmpty)
    // Allowed by default.
    #expect(host.check(host.server.url("/a.mp3")).status == 200)
  }

  @Test func lintsFetchIsRefusedToo() throws {
    let host = try LocalHost(totalTimeout: 20)
    host.server.route("/feed.xml", .redirect(status: 301, to: "http://169.254.169.254/latest/meta-data/"))

    #expect(throws: LinkError.refusedAddress("169.254.169.254", reason: AddressPolicy.Refusal.linkLocal.description)) {
      try host.checker.fetch(host.server.url("/feed.xml"), maximumBytes: 10_000)
    }
  }

  @Test(arguments: [
    ("169.254.169.254", AddressPolicy.Refusal.linkLocal), ("169.254.0.1", .linkLocal),
    ("100.100.100.200", .cloudMetadata), ("fe80::1", .linkLocal), ("febf::1", .linkLocal),
    ("fd00:ec2::254", .cloudMetadata), ("::ffff:169.254.169.254", .linkLocal),
  ])
  func refused(_ text: String, as expected: AddressPolicy.Refusal) {
    #expect(refusal(text) == expected)
  }

  /// Loopback stays allowed, for servers run during development, and so do public addresses.
  @Test(arguments: ["127.0.0.1", "::1", "93.184.216.34", "169.255.0.1", "100.100.100.201", "fec0::1", "fd00:ec2::253"])
  func allowed(_ text: String) {
    #expect(refusal(text) == nil)
  }

  private func refusal(_ text: String) -> AddressPolicy.Refusal? {
    var ipv4 = in_addr()
    if inet_pton(AF_INET, text, &ipv4) == 1 { return AddressPolicy.refusal(ipv4: ipv4) }
    var ipv6 = in6_addr()
    guard inet_pton(AF_INET6, text, &ipv6) == 1 else {
      Issue.record("not an address: \(text)")
      return nil
    }
    return AddressPolicy.refusal(ipv6: ipv6)
  }
}
