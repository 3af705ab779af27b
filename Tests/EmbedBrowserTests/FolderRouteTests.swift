import Foundation
import PodiumTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `TestHTTPServer` serving a real folder: types, ranges, index pages, and no way out of the folder.
@Suite struct FolderRouteTests {
  let folder: TemporaryFolder
  let server: TestHTTPServer
  let outside: TemporaryFolder

  init() throws {
    folder = try TemporaryFolder("podium-site")
    outside = try TemporaryFolder("podium-outside")
    server = try TestHTTPServer()
    try folder.write("index.html", "<!doctype html><title>Home</title>")
    try folder.write("media/clip.mp4", Data((0..<1000).map { UInt8($0 % 251) }))
    try folder.write("media/index.html", "media index")
    try folder.write("notes/readme.txt", "no index here")
    try folder.write("a file.vtt", "WEBVTT\n")
    try outside.write("secret.txt", "secret")
    try FileManager.default.createSymbolicLink(
      at: folder.url.appendingPathComponent("escape.txt"), withDestinationURL: outside.url.appendingPathComponent("secret.txt"))
    try FileManager.default.createSymbolicLink(at: folder.url.appendingPathComponent("escape"), withDestinationURL: outside.url)
    try FileManager.default.createSymbolicLink(
      at: folder.url.appendingPathComponent("alias.mp4"), withDestinationURL: folder.url.appendingPathComponent("media/clip.mp4"))
    server.serve(directory: folder.url, at: "/site")
  }

  @Test func servesFilesWithTypesAndIndexPages() throws {
    let page = try HTTPExchange.send(server.port, "GET /site/ HTTP/1.1")
    #expect(page.status == 200)
    #expect(page.headers["content-type"] == "text/html; charset=utf-8")
    #expect(page.body == Data("<!doctype html><title>Home</title>".utf8))
    #expect(try HTTPExchange.send(server.port, "GET /site/media/ HTTP/1.1").text == "media index")
    let bare = try HTTPExchange.send(server.port, "GET /site HTTP/1.1")
    #expect(bare.status == 301 && bare.headers["location"] == "/site/")
    #expect(try HTTPExchange.send(server.port, "GET /site/media HTTP/1.1").headers["location"] == "/site/media/")
    #expect(try HTTPExchange.send(server.port, "GET /site/notes/ HTTP/1.1").status == 404)
    #expect(try HTTPExchange.send(server.port, "GET /site/missing.html HTTP/1.1").status == 404)
    #expect(try HTTPExchange.send(server.port, "GET /elsewhere/index.html HTTP/1.1").status == 404)
    let spaced = try HTTPExchange.send(server.port, "GET /site/a%20file.vtt?x=1 HTTP/1.1")
    #expect(spaced.headers["content-type"] == "text/vtt; charset=utf-8" && spaced.text == "WEBVTT\n")
    #expect(try HTTPExchange.send(server.port, "GET /site/alias.mp4 HTTP/1.1").headers["content-type"] == "video/mp4")
    #expect(try HTTPExchange.send(server.port, "POST /site/index.html HTTP/1.1").status == 405)
    #expect(server.requests.map(\.path).prefix(2) == ["/site/", "/site/media/"])
  }

  @Test func answersHeadAndRanges() throws {
    let head = try HTTPExchange.send(server.port, "HEAD /site/media/clip.mp4 HTTP/1.1")
    #expect(head.status == 200 && head.headers["content-length"] == "1000" && head.body.isEmpty)
    #expect(head.headers["accept-ranges"] == "bytes")
    let all = try HTTPExchange.send(server.port, "GET /site/media/clip.mp4 HTTP/1.1\r\nRange: bytes=0-")
    #expect(all.status == 206 && all.headers["content-range"] == "bytes 0-999/1000" && all.body.count == 1000)
    let middle = try HTTPExchange.send(server.port, "GET /site/media/clip.mp4 HTTP/1.1\r\nRange: bytes=300-303")
    #expect(middle.status == 206 && middle.body == Data([49, 50, 51, 52]))
    let tail = try HTTPExchange.send(server.port, "GET /site/media/clip.mp4 HTTP/1.1\r\nRange: bytes=-2")
    #expect(tail.headers["content-range"] == "bytes 998-999/1000" && tail.body == Data([998 % 251, 999 % 251].map(UInt8.init)))
    let beyond = try HTTPExchange.send(server.port, "GET /site/media/clip.mp4 HTTP/1.1\r\nRange: bytes=1000-")
    #expect(beyond.status == 416 && beyond.headers["content-range"] == "bytes */1000")
    #expect(server.requests.last?.range == "bytes=1000-")
  }

  @Test func refusesPathsOutOfTheFolder() throws {
    for path in [
      "/site/../secret.txt", "/site/%2e%2e/secret.txt", "/site/media/..%2f..%2fsecret.txt", "/site/./index.html",
      "/site/escape.txt", "/site/escape/secret.txt", "/site/index.html%00.png",
    ] {
      let answer = try HTTPExchange.send(server.port, "GET \(path) HTTP/1.1")
      #expect(answer.status == 404, "\(path)")
      #expect(!answer.text.contains("secret"), "\(path)")
    }
  }

  @Test func keepsExactRoutesAndAddsExtraHeaders() throws {
    server.route("/site/generated.mp3", .file(bytes: 10, type: "audio/mpeg"))
    server.route("/site/media", .directory(outside.url.path))
    server.extraHeaders = ["Access-Control-Allow-Origin": "*"]
    let generated = try HTTPExchange.send(server.port, "GET /site/generated.mp3 HTTP/1.1")
    #expect(generated.body == Data((0..<10).map(TestHTTPServer.patternByte)))
    #expect(generated.headers["access-control-allow-origin"] == "*")
    // The longer prefix wins.
    #expect(try HTTPExchange.send(server.port, "GET /site/media/secret.txt HTTP/1.1").text == "secret")
    let missing = try HTTPExchange.send(server.port, "GET /nothing HTTP/1.1")
    #expect(missing.status == 404 && missing.headers["access-control-allow-origin"] == "*")
    server.extraHeaders = [:]
    #expect(try HTTPExchange.send(server.port, "GET /site/ HTTP/1.1").headers["access-control-allow-origin"] == nil)
  }

  @Test func typesByExtension() throws {
    let expected = [
      "html": "text/html; charset=utf-8", "js": "text/javascript; charset=utf-8", "css": "text/css; charset=utf-8",
      "json": "application/json", "xml": "application/xml", "jpg": "image/jpeg", "jpeg": "image/jpeg",
      "png": "image/png", "webp": "image/webp", "mp4": "video/mp4", "m4v": "video/x-m4v", "webm": "video/webm",
      "vtt": "text/vtt; charset=utf-8", "mp3": "audio/mpeg", "m4a": "audio/mp4", "svg": "image/svg+xml",
      "bin": "application/octet-stream",
    ]
    for (ext, type) in expected {
      try folder.write("types/file.\(ext)", "x")
      #expect(try HTTPExchange.send(server.port, "HEAD /site/types/file.\(ext) HTTP/1.1").headers["content-type"] == type, "\(ext)")
    }
    try folder.write("types/PHOTO.JPG", "x")
    #expect(try HTTPExchange.send(server.port, "HEAD /site/types/PHOTO.JPG HTTP/1.1").headers["content-type"] == "image/jpeg")
  }
}

/// One raw HTTP exchange, so tests can send paths that URL libraries would normalize.
struct HTTPExchange {
  var status: Int
  var headers: [String: String]
  var body: Data
  var text: String { String(decoding: body, as: UTF8.self) }

  /// Sends `requestLine` (plus any header lines after `\r\n`), then `Host` and `Connection: close`.
  static func send(_ port: UInt16, _ requestLine: String) throws -> HTTPExchange {
    #if canImport(Glibc)
      let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    #else
      let fd = socket(AF_INET, SOCK_STREAM, 0)
    #endif
    defer { close(fd) }
    var timeout = timeval(tv_sec: 5, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = in_addr_t(0x7F00_0001).bigEndian
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    try #require(connected == 0)
    let request = Array("\(requestLine)\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
    #if canImport(Glibc)
      let sent = request.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, 0) }
    #else
      let sent = request.withUnsafeBytes { Darwin.send(fd, $0.baseAddress, $0.count, 0) }
    #endif
    try #require(sent == request.count)
    var answer: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = recv(fd, &chunk, chunk.count, 0)
      guard count > 0 else { break }
      answer += chunk[0..<count]
    }
    let end = try #require(answer.firstRange(of: [13, 10, 13, 10]))
    let lines = String(decoding: answer[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
    var headers: [String: String] = [:]
    for line in lines.dropFirst() {
      let parts = line.split(separator: ":", maxSplits: 1)
      if parts.count == 2 { headers[parts[0].lowercased()] = parts[1].trimmingCharacters(in: .whitespaces) }
    }
    let status = Int(lines[0].split(separator: " ")[1]) ?? 0
    return HTTPExchange(status: status, headers: headers, body: Data(answer[end.upperBound...]))
  }
}
