import Foundation
import PodiumTestSupport
import Testing

@testable import ObjectStore

/// A server that fails or never answers: every request ends, tried again where that can help,
/// with an error that names the object and says what the server did.
struct S3StoreServerFailureTests {
  let keys = S3Credentials(accessKey: "AKIAEXAMPLE", secretKey: "very-secret-value")

  func store(_ server: TestHTTPServer, limits: S3Store.Limits) throws(ObjectStoreError) -> S3Store {
    try S3Store(bucket: "podcast", endpoint: server.baseURL, credentials: keys, limits: limits)
  }

  @Test func aFailingServerIsTriedAgainThenReported() throws {
    let server = try TestHTTPServer()
    server.route("/podcast/feed.xml", .status(503))
    do {
      _ = try store(server, limits: .init(attempts: 3, backoff: 0.01)).head("feed.xml")
      Issue.record("a 503 was taken for an answer")
    } catch {
      #expect(error.kind == .server)
      #expect(error.status == 503)
      #expect(error.key == "feed.xml")
      #expect(error.message.contains("feed.xml") && error.message.contains("503"))
    }
    #expect(server.requests.filter { $0.path == "/podcast/feed.xml" }.count == 3)
  }

  @Test func aServerThatNeverAnswersEndsInANetworkError() throws {
    let server = try TestHTTPServer()
    server.route("/podcast", .silent)
    do {
      _ = try store(server, limits: .init(attempts: 1, requestTimeout: 1)).list()
      Issue.record("a silent server was taken for an answer")
    } catch {
      #expect(error.kind == .network)
      #expect(!error.message.contains("very-secret-value"))
    }
  }

  @Test(arguments: [501, 403])
  func aServiceThatWillNotSetCrossOriginRulesGetsInstructions(status: Int) throws {
    let server = try TestHTTPServer()
    server.route("/podcast", .status(status))
    let outcome = try store(server, limits: .init(attempts: 1)).allowCrossOriginReads()
    guard case .notPossible(let instructions) = outcome else {
      Issue.record("configured by a server that answered \(status)")
      return
    }
    #expect(instructions.contains("GET") && instructions.contains("HEAD") && instructions.contains("any origin"))
    #expect(instructions.contains("put-bucket-cors") && instructions.contains("--bucket podcast"))
    #expect(instructions.contains(server.baseURL))
    #expect(!instructions.contains("very-secret-value"))
  }

  @Test func aListingThatNeverEndsIsRefused() throws {
    let server = try TestHTTPServer()
    let page = """
      <ListBucketResult><IsTruncated>true</IsTruncated><NextContinuationToken>again</NextContinuationToken>\
      <Contents><Key>a.mp3</Key><Size>1</Size></Contents></ListBucketResult>
      """
    server.route("/podcast", .text(page, type: "application/xml"))
    do {
      _ = try store(server, limits: .init(attempts: 1)).list()
      Issue.record("an endless listing ended")
    } catch {
      #expect(error.kind == .server)
      #expect(error.message.contains("does not end"))
    }
  }

  @Test func anObjectUnderAKeyLibcurlWouldRewriteIsListedAsItIs() throws {
    let server = try TestHTTPServer()
    let page = """
      <ListBucketResult><IsTruncated>false</IsTruncated>\
      <Contents><Key>odd//name.txt</Key><Size>1</Size><ETag>"x"</ETag></Contents></ListBucketResult>
      """
    server.route("/podcast", .text(page, type: "application/xml"))
    let listed = try store(server, limits: .init(attempts: 1)).list()
    #expect(listed["odd//name.txt"] == StoredObject(key: "odd//name.txt", size: 1, sha256: nil, etag: "x"))
    #expect(!server.requests.contains { $0.method == "HEAD" })
  }

  @Test func anAnswerThatIsNotAListingIsRefused() throws {
    let server = try TestHTTPServer()
    server.route("/podcast", .text("<html>a login page</html>", type: "text/html"))
    #expect(throws: ObjectStoreError.self) { _ = try store(server, limits: .init(attempts: 1)).list() }
  }
}
