import Diagnostics
import Foundation
import LinkCheck
import PodiumTestSupport
import Testing

@Suite("A well-served URL passes")
struct GoodLinkTests {
  @Test(arguments: [
    ("audio/mpeg", "audio/mpeg", LinkRequest.Kind.enclosure),
    ("audio/x-m4a", "audio/mp4", .enclosure),
    ("audio/mp4", "audio/x-m4a", .enclosure),
    ("image/jpeg", "image/jpg", .artwork),
    ("application/json; charset=utf-8", "application/json+chapters", .chapters),
    ("text/vtt", "text/vtt", .transcript),
  ])
  func noFindings(served: String, declared: String, kind: LinkRequest.Kind) throws {
    let host = try LocalHost()
    host.server.route("/file", .file(bytes: 1000, type: served))

    let result = host.check(host.server.url("/file"), kind: kind, length: 1000, type: declared)

    #expect(result.findings == [])
    #expect(result.error == nil)
    #expect(result.status == 200)
    #expect(result.headAllowed == true)
    #expect(result.rangeSupported == true)
    #expect(result.contentLength == 1000)
    #expect(result.contentType == served)
    #expect(result.redirects == [])
    #expect((result.timeToFirstByte ?? -1) >= 0)
  }

  @Test func headThenRangedGet() throws {
    let host = try LocalHost()
    host.server.route("/a.mp3", .file(bytes: 1000, type: "audio/mpeg"))

    _ = host.check(host.server.url("/a.mp3"))

    let requests = host.server.requests
    #expect(requests.map(\.method) == ["HEAD", "GET"])
    #expect(requests.last?.range == "bytes=0-1")
  }

  @Test func lengthFromContentRangeWhenHeadIsRefused() throws {
    let host = try LocalHost()
    host.server.route("/a.mp3", .headNotAllowed(bytes: 4321, type: "audio/mpeg"))

    let result = host.check(host.server.url("/a.mp3"), length: 4321)

    #expect(result.headAllowed == false)
    #expect(result.status == 206)
    #expect(result.contentLength == 4321)
    #expect(result.findings.map(\.ruleID) == ["APPLE-HEAD-RANGE"])
  }

  @Test func headAndRangeApplyOnlyToMediaAndArtwork() throws {
    let host = try LocalHost()
    host.server.route("/t.vtt", .ignoresRange(bytes: 100, type: "text/vtt"))

    let result = host.check(host.server.url("/t.vtt"), kind: .transcript, length: nil, type: "text/vtt")

    #expect(result.rangeSupported == false)
    #expect(result.findings == [])
  }

  @Test func findingsWithoutLocationPointAtTheURL() throws {
    let host = try LocalHost()
    let url = host.server.url("/missing")

    let result = host.check(url)

    #expect(result.findings.map(\.location) == [SourceLocation(file: url)])
  }

  @Test func manyURLsWithBoundedConcurrency() throws {
    let host = try LocalHost(maximumConcurrent: 16)
    let requests = (0..<200).map { index in
      // A short delay keeps requests in flight long enough to see the concurrency bound.
      host.server.route("/episode-\(index).mp3", .delayed(seconds: 0.01, .file(bytes: 1000 + index, type: "audio/mpeg")))
      return LinkRequest(
        url: host.server.url("/episode-\(index).mp3"), kind: .enclosure, expectedLength: Int64(1000 + index),
        expectedType: "audio/mpeg")
    }
    let progress = Recorder<Int>()

    let results = host.checker.check(requests) { done, total in
      #expect(total == 200)
      progress.append(done)
    }

    #expect(results.map(\.request) == requests)
    #expect(results.allSatisfy { $0.findings.isEmpty && $0.status == 200 && $0.rangeSupported == true })
    #expect(progress.values == Array(1...200))
    #expect(host.server.requests.count == 400)
    #expect(host.server.peakConcurrentRequests <= 16)
    #expect(host.server.peakConcurrentRequests > 1, "transfers ran side by side")
  }

  @Test func aURLNamedTwiceIsRequestedOnce() throws {
    let host = try LocalHost()
    host.server.route("/art.jpg", .file(bytes: 500, type: "image/jpeg"))
    let url = host.server.url("/art.jpg")
    let requests = [
      LinkRequest(url: url, kind: .artwork, expectedLength: 500, location: SourceLocation(file: "show.yaml")),
      LinkRequest(url: url, kind: .artwork, expectedLength: 400, location: SourceLocation(file: "ep1.md")),
    ]
    let progress = Recorder<Int>()

    let results = host.checker.check(requests) { done, _ in progress.append(done) }

    #expect(results.map(\.request) == requests)
    #expect(results[0].findings.isEmpty)
    #expect(results[1].findings.map(\.ruleID) == ["REMOTE-LENGTH"])
    #expect(host.server.requests.count == 2)
    #expect(progress.values == [2])
  }

  @Test func concurrentCallsFromSeveralThreads() throws {
    let host = try LocalHost(maximumConcurrent: 4)
    for index in 0..<20 { host.server.route("/\(index).mp3", .file(bytes: 100, type: "audio/mpeg")) }
    let failures = Recorder<Int>()

    DispatchQueue.concurrentPerform(iterations: 4) { call in
      let requests = (0..<20).map { LinkRequest(url: host.server.url("/\($0).mp3"), kind: .enclosure, expectedLength: 100) }
      let results = host.checker.check(requests)
      if results.map(\.request) != requests || results.contains(where: { !$0.findings.isEmpty }) { failures.append(call) }
    }

    #expect(failures.values == [])
    #expect(host.server.requests.count == 4 * 20 * 2)
  }
}
