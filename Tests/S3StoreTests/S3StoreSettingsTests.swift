import Foundation
import Testing

@testable import ObjectStore

/// What needs no server: settings refused up front, canonical URLs, hostile answers, secrets kept out of text.
struct S3StoreSettingsTests {
  let keys = S3Credentials(accessKey: "AKIAEXAMPLE", secretKey: "very-secret-value")

  @Test(arguments: [
    ("Podcast", "http://127.0.0.1:9000", "InvalidBucketName"),
    ("pc", "http://127.0.0.1:9000", "InvalidBucketName"),
    ("podcast", "ftp://127.0.0.1", "InvalidEndpoint"),
    ("podcast", "127.0.0.1:9000", "InvalidEndpoint"),
    ("podcast", "https://key:secret@s3.example.com", "InvalidEndpoint"),
    ("podcast", "https://s3.example.com/?x=1", "InvalidEndpoint"),
    ("podcast", "http://s3.example.com", "InvalidEndpoint"), ("podcast", "http://169.254.169.254", "InvalidEndpoint"),
    ("podcast", "http://127.0.0.1.example.com", "InvalidEndpoint"), ("podcast", "http://[fe80::1]:9000", "InvalidEndpoint"),
  ])
  func refusesSettingsThatCannotWork(bucket: String, endpoint: String, code: String) {
    do {
      _ = try S3Store(bucket: bucket, endpoint: endpoint, credentials: keys)
      Issue.record("accepted \(bucket) at \(endpoint)")
    } catch {
      #expect(error.code == code)
      #expect(!error.message.contains("secret@"))
    }
  }

  /// Plain http:// only reaches a server on this machine.
  @Test(arguments: ["http://127.0.0.1:9000", "http://localhost:9000", "http://[::1]:9000", "HTTP://127.0.0.2"])
  func plainHTTPReachesThisMachine(endpoint: String) throws {
    _ = try S3Store(bucket: "podcast", endpoint: endpoint, credentials: keys)
  }

  @Test func buildsCanonicalURLsForBothAddressings() throws {
    let path = try S3Store(bucket: "podcast", prefix: "/shows/", endpoint: "https://s3.example.com/", credentials: keys)
    #expect(path.location == "s3://podcast/shows")
    #expect(
      path.client.endpoint.url(key: "shows/a b/é+.mp3") == "https://s3.example.com/podcast/shows/a%20b/%C3%A9%2B.mp3")
    let hosted = try S3Store(
      bucket: "podcast", endpoint: "https://s3.eu-west-1.amazonaws.com", region: "eu-west-1",
      addressing: .virtualHosted,
      credentials: keys)
    #expect(
      hosted.client.endpoint.url(key: nil, query: [("prefix", "a/"), ("list-type", "2"), ("uploads", "")])
        == "https://podcast.s3.eu-west-1.amazonaws.com/?list-type=2&prefix=a%2F&uploads=")
  }

  @Test func partSizesStayWithinS3sLimits() throws {
    let store = try S3Store(
      bucket: "podcast", endpoint: "https://s3.example.com", credentials: keys, limits: .init(partSize: 1024))
    #expect(store.partSize(for: 100 << 20) == S3Store.Limits.minimumPartSize)
    let huge: Int64 = 200 << 30
    #expect(store.partSize(for: huge) * 10_000 >= huge)
  }

  @Test func credentialsComeOnlyFromTheEnvironmentAndAreNeverShown() throws {
    let credentials = try S3Credentials.fromEnvironment([
      "AWS_ACCESS_KEY_ID": "AKIAEXAMPLE", "AWS_SECRET_ACCESS_KEY": "very-secret-value",
      "AWS_SESSION_TOKEN": "token-value",
    ])
    #expect(credentials.sessionToken == "token-value")
    for text in [
      "\(credentials)", String(reflecting: credentials),
      {
        var s = ""
        dump(credentials, to: &s)
        return s
      }(),
    ] {
      #expect(!text.contains("very-secret-value") && !text.contains("token-value") && !text.contains("AKIAEXAMPLE"))
    }
    do {
      _ = try S3Credentials.fromEnvironment(["AWS_ACCESS_KEY_ID": "AKIAEXAMPLE"])
      Issue.record("accepted a missing secret")
    } catch {
      #expect(error.kind == .accessDenied)
      #expect(error.message.contains("AWS_SECRET_ACCESS_KEY"))
    }
  }

  @Test(arguments: [
    "", "<ListBucketResult>", "<!DOCTYPE x [<!ENTITY a \"aaaa\">]><ListBucketResult>&a;</ListBucketResult>",
    "<ListBucketResult><Contents><Key>a</Key><Size>many</Size></Contents></ListBucketResult>",
    "<Error><Code>NoSuchBucket</Code></Error>",
  ])
  func hostileListingsAreNotBelieved(body: String) {
    let page = ListObjectsPage(Array(body.utf8))
    #expect(page == nil || page?.entries.isEmpty == true)
  }

  @Test func aListingPageIsRead() throws {
    let body = """
      <?xml version="1.0" encoding="UTF-8"?>
      <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><IsTruncated>true</IsTruncated>\
      <Contents><Key>show/a &amp; b.mp3</Key><ETag>&quot;abc&quot;</ETag><Size>12</Size></Contents>\
      <NextContinuationToken>next/token=</NextContinuationToken></ListBucketResult>
      """
    let page = try #require(ListObjectsPage(Array(body.utf8)))
    #expect(page.entries.map(\.key) == ["show/a & b.mp3"])
    #expect(page.entries.first?.etag == "abc")
    #expect(page.entries.first?.size == 12)
    #expect(page.continuationToken == "next/token=")
  }

  @Test func keysLibcurlWouldRewriteAreRefused() throws {
    let store = try S3Store(bucket: "podcast", endpoint: "https://s3.example.com", credentials: keys)
    for key in ["", "a/../b", "./a", "a//b", "/a", ".podium/s3-digests.json", "a\nb"] {
      #expect(throws: ObjectStoreError.self, "\(key)") { _ = try store.head(key) }
    }
  }
}
