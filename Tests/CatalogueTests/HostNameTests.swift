import Catalogue
import Testing

/// A host goes into the video pages' Content-Security-Policy as an origin: only what a host can
/// be may pass, so no catalogue URL can add a source (`*`) or a directive (`;`) to the policy.
@Suite struct HostNameTests {
  @Test(arguments: ["media.example.org", "a-b.c", "xn--bcher-kva.example", "[2001:db8::1]", "[::ffff:192.0.2.1]", "EXAMPLE.ORG"])
  func acceptsHostNames(host: String) {
    #expect(HostName.isValid(host))
  }

  @Test(arguments: ["", "*", "*.example.org", "a;b", "a b", "bücher.example", "example.org:443", "[]", "[2001:db8::1", "a/b", "a\u{0}b"])
  func refusesEverythingElse(host: String) {
    #expect(!HostName.isValid(host))
  }
}
