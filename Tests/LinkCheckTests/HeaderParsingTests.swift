@testable import LinkCheck
import Testing

@Suite("Types, ranges and schemes as servers and catalogues write them")
struct HeaderParsingTests {
  @Test(arguments: [
    ("audio/mpeg", "audio/mpeg", true),
    ("audio/mpeg", "Audio/MPEG; charset=binary", true),
    ("audio/mp4", "audio/x-m4a", true),
    ("audio/x-m4a", "audio/mp4", true),
    ("audio/mpeg", "audio/mp3", true),
    ("video/mp4", "video/x-m4v", true),
    ("image/jpeg", "image/jpg", true),
    ("application/json+chapters", "application/json", true),
    ("audio/mpeg", "audio/mp4", false),
    ("audio/mpeg", "application/octet-stream", false),
    ("image/png", "image/jpeg", false),
    ("text/vtt", "text/plain", false),
  ])
  func contentTypes(declared: String, served: String, match: Bool) {
    #expect(ContentType.matches(declared, served) == match)
  }

  @Test(arguments: [
    ("bytes 0-1/1000", Int64(1000)),
    ("bytes */0", 0),
    ("Bytes 0-1/ 77 ", 77),
    ("bytes 0-1/*", nil),
    ("items 0-1/10", nil),
    ("", nil),
  ] as [(String, Int64?)])
  func contentRangeTotal(header: String, total: Int64?) {
    #expect(ContentRange.total(header) == total)
  }

  @Test(arguments: [
    ("https://a.example/x", "https"),
    ("HTTP://a.example/x", "http"),
    ("javascript:alert(1)", "javascript"),
    ("a.example/x:y", ""),
    ("1http://x", ""),
    ("", ""),
  ])
  func schemes(url: String, scheme: String) {
    #expect(URLScheme.of(url) == scheme)
  }

  @Test(arguments: [
    ("https://user:pw@cdn.example:8443/a", "cdn.example"),
    ("http://[::1]:80/a", "[::1]"),
    ("https://cdn.example", "cdn.example"),
  ])
  func hosts(url: String, host: String) {
    #expect(URLScheme.host(of: url) == host)
  }

  @Test(arguments: [(0.04, "0 s"), (1.5, "1.5 s"), (20, "20 s"), (2.25, "2.3 s")])
  func seconds(value: Double, text: String) {
    #expect(Seconds.format(value) == text)
  }
}
