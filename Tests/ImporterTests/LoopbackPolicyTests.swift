import Foundation
import Importer
import LinkCheck
import PodiumTestSupport
import Testing

/// What a feed links to is fetched from this machine's loopback only when the feed came from this
/// machine: a feed from elsewhere must not make `podium import` read, store and later publish
/// what a local service answers.
@Suite struct LoopbackPolicyTests {
  @Test(arguments: [
    (ImportSource.file(path: "old.xml"), nil, true),
    (.remote(url: "http://127.0.0.1:8080/feed.xml"), nil, true),
    (.remote(url: "http://localhost:8080/feed.xml"), nil, true),
    (.remote(url: "http://[::1]:8080/feed.xml"), nil, true),
    (.remote(url: "https://podcasts.example/feed.xml"), nil, false),
    (.remote(url: "https://127.0.0.1.podcasts.example/feed.xml"), nil, false),
    (.remote(url: "https://podcasts.example/feed.xml"), "http://127.0.0.1:3128", true),
  ] as [(ImportSource, String?, Bool)])
  func loopbackOnlyForAFeedFromThisMachine(source: ImportSource, proxy: String?, allowed: Bool) {
    var options = ImportOptions(now: .parse("2030-01-01T00:00:00Z")!)
    options.network.proxy = proxy
    #expect(options.network(for: source).allowLoopback == allowed, "\(source)")
  }

  /// The configuration a feed from elsewhere gets really refuses a server on 127.0.0.1.
  @Test func aFeedFromElsewhereCannotReachThisMachine() throws {
    let server = try TestHTTPServer()
    server.route("/chapters.json", .text("{\"version\":\"1.2.0\",\"chapters\":[]}", type: "application/json+chapters"))
    let options = ImportOptions(now: .parse("2030-01-01T00:00:00Z")!)
    let local = options.network(for: .remote(url: server.url("/feed.xml")))
    #expect(try LinkChecker(configuration: local).fetch(server.url("/chapters.json"), maximumBytes: 1024).body.count > 0)
    let remote = options.network(for: .remote(url: "https://podcasts.example/feed.xml"))
    #expect(throws: LinkError.self) {
      try LinkChecker(configuration: remote).fetch(server.url("/chapters.json"), maximumBytes: 1024)
    }
  }
}
