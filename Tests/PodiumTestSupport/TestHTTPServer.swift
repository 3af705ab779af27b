import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A real HTTP/1.1 server on 127.0.0.1 for tests of remote checks: it serves files with HEAD and
/// byte ranges, and misbehaves on request (lying lengths, ignored ranges, refused HEAD, redirects,
/// error statuses, answers that never finish), and serves real folders from disk for browser tests.
/// One thread per connection, `Connection: close`. Every thread ends soon after `stop()`, which
/// `deinit` calls too.
public final class TestHTTPServer: @unchecked Sendable {
  /// How a path answers.
  public enum Route: Sendable, Hashable {
    /// `bytes` bytes of a fixed pattern, with HEAD, `Accept-Ranges` and 206 for a Range.
    case file(bytes: Int, type: String)
    /// Like `file`, but Content-Length and the Content-Range total say `claimed`.
    case lyingLength(bytes: Int, claimed: Int, type: String)
    /// The bytes of the file at this path, with ranges, but a Content-Length and Content-Range
    /// total that say `claimed`: a real media file behind a server that lies about its size.
    case claimedFile(path: String, claimed: Int, type: String)
    /// Like `file`, but a Range is ignored: always 200 with the whole body.
    case ignoresRange(bytes: Int, type: String)
    /// Like `file`, but a Range is answered from the first byte, as many bytes as asked, with a
    /// Content-Range that says so: a server that ignores where a range starts.
    case rangesFromStart(bytes: Int, type: String)
    /// Like `file`, but with no Content-Length and no ranges: the body ends when the connection closes.
    case unsizedFile(bytes: Int, type: String)
    /// Like `file`, but HEAD gets 405 Method Not Allowed.
    case headNotAllowed(bytes: Int, type: String)
    /// `status` (301, 302, 307, 308…) with `Location: to`, a path or an absolute URL.
    case redirect(status: Int, to: String)
    /// Only this status, with a short text body.
    case status(Int)
    /// This text, whole, with this Content-Type.
    case text(String, type: String)
    /// Headers for a 1 MB file at once, then one body byte a second, never finishing.
    case trickle
    /// Reads the request and never answers.
    case silent
    /// Waits `seconds`, then answers as `route`: a slow origin.
    indirect case delayed(seconds: Double, Route)
    /// The files of the folder at this file-system path, for every path under the routed prefix:
    /// GET and HEAD, Content-Type by extension, byte ranges, `index.html` for paths ending in `/`,
    /// a redirect to `prefix/` for the bare prefix or a folder, 404 for anything missing, `..`, or a
    /// symlink leading out of the folder. Exact routes win over it; the longest prefix wins.
    case directory(String)
  }

  /// A request as the server parsed it.
  public struct Request: Sendable, Hashable {
    public var method: String
    public var path: String
    public var range: String?
    /// The query, without `?`; empty when there is none.
    public var query: String = ""
    /// Every header, by lower-cased name.
    public var headers: [String: String] = [:]
    /// The body, as far as Content-Length says (at most 64 KB), for requests that send one.
    public var body: [UInt8] = []
  }

  public let port: UInt16
  /// The state the threads share. They hold it, not the server, so dropping the server stops them.
  private let core: Core

  /// Binds 127.0.0.1 on a free port and starts accepting.
  public init() throws {
    let (listener, port) = try Core.openListener()
    self.port = port
    core = Core(listener: listener)
    core.start()
  }

  deinit { core.stop() }

  /// `http://127.0.0.1:<port>`.
  public var baseURL: String { "http://127.0.0.1:\(port)" }

  /// The absolute URL of `path` on this server.
  public func url(_ path: String) -> String { baseURL + path }

  /// Makes `path` (without query) answer as `route`; unrouted paths get 404. For `.directory`, `path`
  /// is a prefix: `/site` and `/site/` both serve `/site/…`; `/` serves everything.
  public func route(_ path: String, _ route: Route) {
    core.lock.withLock { core.routes[path] = route }
  }

  /// Serves the files of `directory` under `prefix`: `.directory(directory.path)` routed at `prefix`.
  public func serve(directory: URL, at prefix: String = "/") {
    route(prefix, .directory(directory.path))
  }

  /// Headers added to every answer, such as `Access-Control-Allow-Origin: *`; a route's own header of
  /// the same name wins.
  public var extraHeaders: [String: String] {
    get { core.lock.withLock { core.extraHeaders } }
    set { core.lock.withLock { core.extraHeaders = newValue } }
  }

  /// Requests received so far, in arrival order.
  public var requests: [Request] { core.lock.withLock { core.log } }

  /// Connections accepted so far, including ones that never sent a valid request.
  public var connectionCount: Int { core.lock.withLock { core.connections } }

  /// The most requests handled at once so far, counted from a parsed request until its answer
  /// starts. A client is still waiting for each of them, so this never exceeds its concurrency.
  public var peakConcurrentRequests: Int { core.lock.withLock { core.peak } }

  /// Closes the listening socket and ends every connection thread; returns when they have ended.
  public func stop() { core.stop() }

  /// A port on 127.0.0.1 with nothing listening, for "connection refused".
  public static func unusedPort() throws -> UInt16 {
    let (socket, port) = try Core.openListener()
    close(socket)
    return port
  }

  /// The byte at `offset` of every served file, so tests can check what they got.
  public static func patternByte(_ offset: Int) -> UInt8 { UInt8(truncatingIfNeeded: offset % 251) }
}

extension TestHTTPServer {
  final class Core: @unchecked Sendable {
    let listener: Int32
    let lock = NSLock()
    let threads = DispatchGroup()
    var routes: [String: Route] = [:]
    var extraHeaders: [String: String] = [:]
    var log: [Request] = []
    var connections = 0
    var handling = 0
    var peak = 0
    private var stopped = false
    private var closed = false

    init(listener: Int32) { self.listener = listener }

    func start() {
      threads.enter()
      Thread { [self] in
        acceptLoop()
        threads.leave()
      }.start()
    }

    func stop() {
      let first = lock.withLock {
        defer { stopped = true }
        return !stopped
      }
      guard first else { return }
      _ = threads.wait(timeout: .now() + 5)
      lock.withLock {
        if !closed { close(listener) }
        closed = true
      }
    }

    var isStopped: Bool { lock.withLock { stopped } }
  }
}

// MARK: - Sockets

extension TestHTTPServer.Core {
  struct SocketError: Error, CustomStringConvertible {
    var call: String
    var code: Int32
    var description: String { "\(call) failed: \(String(cString: strerror(code)))" }
  }

  static func openListener() throws -> (Int32, UInt16) {
    #if canImport(Glibc)
      let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    #else
      let fd = socket(AF_INET, SOCK_STREAM, 0)
    #endif
    guard fd >= 0 else { throw SocketError(call: "socket", code: errno) }
    var yes: Int32 = 1
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = in_addr_t(0x7F00_0001).bigEndian
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
        bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
      }
    }
    guard bound, listen(fd, 128) == 0 else {
      let code = errno
      close(fd)
      throw SocketError(call: "bind/listen", code: code)
    }
    return (fd, UInt16(bigEndian: address.sin_port))
  }

  /// Waits up to 100 ms for `fd` to become readable (or closed); false on timeout.
  private static func readable(_ fd: Int32) -> Bool {
    var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
    return poll(&entry, 1, 100) > 0
  }

  private func acceptLoop() {
    while !isStopped {
      guard Self.readable(listener) else { continue }
      let client = accept(listener, nil, nil)
      guard client >= 0 else { continue }
      #if canImport(Darwin)
        var yes: Int32 = 1
        setsockopt(client, SOL_SOCKET, SO_NOSIGPIPE, &yes, socklen_t(MemoryLayout<Int32>.size))
      #endif
      lock.withLock { connections += 1 }
      threads.enter()
      Thread { [self] in
        serve(client)
        close(client)
        threads.leave()
      }.start()
    }
  }

  /// Sends all of `bytes`; false once the peer is gone.
  @discardableResult
  private func transmit(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
    var offset = 0
    #if canImport(Glibc)
      let flags = Int32(MSG_NOSIGNAL)
    #else
      let flags: Int32 = 0
    #endif
    while offset < bytes.count {
      let sent = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, flags) }
      guard sent > 0 else { return false }
      offset += sent
    }
    return true
  }

  /// Reads up to the end of the headers. nil when the peer went away, the server stopped, or the
  /// bytes cannot be HTTP (a TLS ClientHello, say), which gets a 400 at once instead of a wait.
  /// The body after the head: what came with it, then more until `length` (at most 64 KB).
  private func readBody(_ fd: Int32, have: [UInt8], length: Int) -> [UInt8] {
    let wanted = min(max(0, length), 65536)
    var body = Array(have.prefix(wanted))
    var chunk = [UInt8](repeating: 0, count: 4096)
    while body.count < wanted, !isStopped {
      guard Self.readable(fd) else { continue }
      let count = recv(fd, &chunk, min(chunk.count, wanted - body.count), 0)
      guard count > 0 else { break }
      body += chunk[0..<count]
    }
    return body
  }

  private func readHead(_ fd: Int32) -> ([UInt8], [UInt8])? {
    var head: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while !isStopped, head.count < 65536 {
      guard Self.readable(fd) else { continue }
      let count = recv(fd, &chunk, chunk.count, 0)
      guard count > 0 else { return nil }
      head += chunk[0..<count]
      guard let first = head.first, (65...90).contains(first) else {
        transmit(fd, Array("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8))
        return nil
      }
      if let end = head.firstRange(of: [13, 10, 13, 10]) {
        return (Array(head[..<end.upperBound]), Array(head[end.upperBound...]))
      }
    }
    return nil
  }

  /// Waits until the peer closes or the server stops, reading and dropping anything sent.
  private func waitForClose(_ fd: Int32) {
    var chunk = [UInt8](repeating: 0, count: 1024)
    while !isStopped {
      if Self.readable(fd), recv(fd, &chunk, chunk.count, 0) <= 0 { return }
    }
  }
}

// MARK: - HTTP

extension TestHTTPServer.Core {
  typealias Route = TestHTTPServer.Route
  typealias Request = TestHTTPServer.Request

  private func serve(_ fd: Int32) {
    guard let (head, extra) = readHead(fd), var request = Self.parse(head) else { return }
    request.body = readBody(fd, have: extra, length: request.headers["content-length"].flatMap { Int($0) } ?? 0)
    let (prefix, routed) = lock.withLock {
      log.append(request)
      handling += 1
      peak = max(peak, handling)
      return routes[request.path].map { (request.path, $0) } ?? directoryRoute(for: request.path) ?? ("", .status(404))
    }
    var route = routed
    while case .delayed(let seconds, let next) = route, !isStopped {
      Thread.sleep(forTimeInterval: seconds)
      route = next
    }
    lock.withLock { handling -= 1 }
    answer(fd, request, route, prefix: prefix)
    shutdown(fd, Int32(SHUT_WR))
  }

  /// The directory route with the longest prefix that `path` is under, with that prefix. Call under `lock`.
  private func directoryRoute(for path: String) -> (String, Route)? {
    func isDirectory(_ route: Route) -> Bool {
      switch route {
      case .directory: true
      case .delayed(_, let next): isDirectory(next)
      default: false
      }
    }
    return routes.filter { prefix, route in
      let base = prefix.hasSuffix("/") ? String(prefix.dropLast()) : prefix
      return isDirectory(route) && (path == base || path.hasPrefix(base + "/"))
    }.max { $0.key.count < $1.key.count }.map { ($0.key, $0.value) }
  }

  private static func parse(_ head: [UInt8]) -> Request? {
    let lines = String(decoding: head, as: UTF8.self).split(separator: "\r\n", omittingEmptySubsequences: true)
    guard let requestLine = lines.first else { return nil }
    let parts = requestLine.split(separator: " ")
    guard parts.count == 3 else { return nil }
    let target = parts[1].prefix { $0 != "#" }
    let path = String(target.prefix { $0 != "?" })
    let query = target.firstIndex(of: "?").map { String(target[target.index(after: $0)...]) } ?? ""
    var headers: [String: String] = [:]
    for line in lines.dropFirst() {
      guard let colon = line.firstIndex(of: ":") else { continue }
      headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    return Request(method: String(parts[0]), path: path, range: headers["range"], query: query, headers: headers)
  }

  private func answer(_ fd: Int32, _ request: Request, _ route: Route, prefix: String) {
    let isHead = request.method == "HEAD"
    switch route {
    case .file(let bytes, let type):
      serveFile(fd, request, bytes: bytes, claimed: bytes, type: type, ranges: true)
    case .lyingLength(let bytes, let claimed, let type):
      serveFile(fd, request, bytes: bytes, claimed: claimed, type: type, ranges: true)
    case .claimedFile(let path, let claimed, let type):
      serveClaimed(fd, request, path: path, claimed: claimed, type: type)
    case .ignoresRange(let bytes, let type):
      serveFile(fd, request, bytes: bytes, claimed: bytes, type: type, ranges: false)
    case .rangesFromStart(let bytes, let type):
      serveFile(fd, request, bytes: bytes, claimed: bytes, type: type, ranges: true, fromStart: true)
    case .unsizedFile(let bytes, let type):
      stream(fd, 200, ["Content-Type": type], from: 0, count: bytes, head: isHead)
    case .headNotAllowed(let bytes, let type):
      if isHead {
        respond(fd, 405, ["Allow": "GET", "Content-Length": "0"], body: [], head: true)
      } else {
        serveFile(fd, request, bytes: bytes, claimed: bytes, type: type, ranges: true)
      }
    case .redirect(let status, let location):
      let body = Array("Moved to \(location)\n".utf8)
      respond(fd, status, ["Location": location, "Content-Type": "text/plain"], body: body, head: isHead)
    case .status(let status):
      let body = Array("Status \(status)\n".utf8)
      respond(fd, status, ["Content-Type": "text/plain"], body: body, head: isHead)
    case .text(let text, let type):
      respond(fd, 200, ["Content-Type": type], body: Array(text.utf8), head: isHead)
    case .trickle:
      trickle(fd, head: isHead)
    case .directory(let folder):
      serveDirectory(fd, request, folder: folder, prefix: prefix)
    case .silent, .delayed:
      waitForClose(fd)
    }
  }

  private func serveFile(
    _ fd: Int32, _ request: Request, bytes: Int, claimed: Int, type: String, ranges: Bool, fromStart: Bool = false
  ) {
    var headers = ["Content-Type": type]
    if ranges { headers["Accept-Ranges"] = "bytes" }
    let isHead = request.method == "HEAD"
    guard ranges, let range = request.range, let (asked, end) = Self.parseRange(range, size: bytes) else {
      headers["Content-Length"] = String(claimed)
      return stream(fd, 200, headers, from: 0, count: bytes, head: isHead)
    }
    guard asked <= end else {
      headers["Content-Range"] = "bytes */\(claimed)"
      return respond(fd, 416, headers, body: [], head: isHead)
    }
    let (first, last) = fromStart ? (0, end - asked) : (asked, end)
    headers["Content-Range"] = "bytes \(first)-\(last)/\(claimed)"
    headers["Content-Length"] = String(last - first + 1)
    stream(fd, 206, headers, from: first, count: last - first + 1, head: isHead)
  }

  /// The file's bytes where the file has them, zeros past its end up to `claimed` (a range of at
  /// most 4 MiB there): what a server whose file is that size would send of a silent rest.
  private func serveClaimed(_ fd: Int32, _ request: Request, path: String, claimed: Int, type: String) {
    let isHead = request.method == "HEAD"
    let file = open(path, O_RDONLY)
    guard file >= 0 else { return respond(fd, 404, [:], body: [], head: isHead) }
    defer { close(file) }
    var info = stat()
    guard fstat(file, &info) == 0 else { return respond(fd, 500, [:], body: [], head: isHead) }
    let size = Int(info.st_size)
    var headers = ["Content-Type": type, "Accept-Ranges": "bytes"]
    guard let range = request.range, let (first, end) = Self.parseRange(range, size: claimed) else {
      headers["Content-Length"] = String(claimed)
      return streamFile(fd, 200, headers, file: file, from: 0, count: size, head: isHead)
    }
    let last = min(end, first + 4 * 1024 * 1024 - 1)
    guard first <= last else {
      headers["Content-Range"] = "bytes */\(claimed)"
      return respond(fd, 416, headers, body: [], head: isHead)
    }
    let count = last - first + 1
    var body = [UInt8](repeating: 0, count: count)
    if first < size {
      _ = body.withUnsafeMutableBytes { pread(file, $0.baseAddress, min(count, size - first), off_t(first)) }
    }
    headers["Content-Range"] = "bytes \(first)-\(last)/\(claimed)"
    respond(fd, 206, headers, body: body, head: isHead)
  }

  /// `bytes=a-b`, `bytes=a-` or `bytes=-n` clamped to the file; first > last when unsatisfiable.
  private static func parseRange(_ header: String, size: Int) -> (Int, Int)? {
    guard header.hasPrefix("bytes="), !header.contains(",") else { return nil }
    let spec = header.dropFirst(6).split(separator: "-", omittingEmptySubsequences: false)
    guard spec.count == 2 else { return nil }
    if spec[0].isEmpty, let suffix = Int(spec[1]) { return (max(0, size - suffix), size - 1) }
    guard let first = Int(spec[0]) else { return nil }
    let last = Int(spec[1]).map { min($0, size - 1) } ?? size - 1
    return first < size ? (first, last) : (1, 0)
  }

  private func respond(_ fd: Int32, _ status: Int, _ headers: [String: String], body: [UInt8], head: Bool) {
    var headers = headers
    if headers["Content-Length"] == nil { headers["Content-Length"] = String(body.count) }
    guard transmit(fd, headerBytes(status, headers)), !head else { return }
    transmit(fd, body)
  }

  /// Sends `count` bytes of the file pattern from `offset`, in chunks, so 50 MB needs no 50 MB buffer.
  private func stream(_ fd: Int32, _ status: Int, _ headers: [String: String], from offset: Int, count: Int, head: Bool) {
    guard transmit(fd, headerBytes(status, headers)), !head else { return }
    var position = offset
    while position < offset + count, !isStopped {
      let size = min(65536, offset + count - position)
      let start = position % 251
      let chunk = Array(Self.pattern[start..<(start + size)])
      guard transmit(fd, chunk) else { return }
      position += size
    }
  }

  private func trickle(_ fd: Int32, head: Bool) {
    let headers = ["Content-Type": "audio/mpeg", "Content-Length": "1000000"]
    guard transmit(fd, headerBytes(200, headers)), !head else { return }
    var ticks = 0
    while !isStopped {
      Thread.sleep(forTimeInterval: 0.1)
      ticks += 1
      if ticks % 10 == 0, !transmit(fd, [TestHTTPServer.patternByte(ticks / 10)]) { return }
    }
  }

  /// Sends the header, then `count` bytes of the open `file` from `offset`, in 64 KB chunks.
  private func streamFile(
    _ fd: Int32, _ status: Int, _ headers: [String: String], file: Int32, from offset: Int, count: Int, head: Bool
  ) {
    guard transmit(fd, headerBytes(status, headers)), !head else { return }
    var buffer = [UInt8](repeating: 0, count: 65536)
    var position = offset
    while position < offset + count, !isStopped {
      let size = min(buffer.count, offset + count - position)
      let read = buffer.withUnsafeMutableBytes { pread(file, $0.baseAddress, size, off_t(position)) }
      guard read > 0, transmit(fd, Array(buffer[0..<read])) else { return }
      position += read
    }
  }

  /// The file pattern, long enough for any 64 KB chunk to be one slice of it.
  static let pattern: [UInt8] = (0..<(65536 + 251)).map(TestHTTPServer.patternByte)

  private func headerBytes(_ status: Int, _ headers: [String: String]) -> [UInt8] {
    let headers = headers.merging(lock.withLock { extraHeaders }) { own, _ in own }
    var text = "HTTP/1.1 \(status) \(Self.reason(status))\r\n"
    for (name, value) in headers.sorted(by: { $0.key < $1.key }) { text += "\(name): \(value)\r\n" }
    text += "Connection: close\r\n\r\n"
    return Array(text.utf8)
  }

  private static func reason(_ status: Int) -> String {
    let phrases = [
      200: "OK", 206: "Partial Content", 301: "Moved Permanently", 302: "Found", 303: "See Other",
      307: "Temporary Redirect", 308: "Permanent Redirect", 404: "Not Found", 405: "Method Not Allowed",
      416: "Range Not Satisfiable", 500: "Internal Server Error",
    ]
    return phrases[status] ?? "Status"
  }
}

// MARK: - Folders

extension TestHTTPServer.Core {
  /// What a path under a directory route names on disk.
  private enum DiskEntry {
    /// A regular file, by its real path, with the name whose extension gives its type.
    case file(path: String, name: String)
    /// A folder asked for without the trailing slash.
    case folder
  }

  private func serveDirectory(_ fd: Int32, _ request: Request, folder: String, prefix: String) {
    let isHead = request.method == "HEAD"
    guard request.method == "GET" || isHead else {
      let body = Array("Method Not Allowed\n".utf8)
      return respond(fd, 405, ["Allow": "GET, HEAD", "Content-Type": "text/plain"], body: body, head: false)
    }
    let base = prefix.hasSuffix("/") ? String(prefix.dropLast()) : prefix
    switch Self.resolve(String(request.path.dropFirst(base.count)), in: folder) {
    case .folder:
      let location = request.path + "/"
      respond(fd, 301, ["Location": location, "Content-Type": "text/plain"], body: Array("Moved to \(location)\n".utf8), head: isHead)
    case .file(let path, let name):
      let file = open(path, O_RDONLY)
      guard file >= 0 else { return respond(fd, 404, ["Content-Type": "text/plain"], body: Array("Status 404\n".utf8), head: isHead) }
      defer { close(file) }
      var info = stat()
      guard fstat(file, &info) == 0 else { return respond(fd, 500, [:], body: [], head: isHead) }
      let size = Int(info.st_size)
      var headers = ["Content-Type": Self.contentType(name), "Accept-Ranges": "bytes"]
      guard size > 0, let range = request.range, let (first, last) = Self.parseRange(range, size: size) else {
        headers["Content-Length"] = String(size)
        return streamFile(fd, 200, headers, file: file, from: 0, count: size, head: isHead)
      }
      guard first <= last else {
        headers["Content-Range"] = "bytes */\(size)"
        return respond(fd, 416, headers, body: [], head: isHead)
      }
      headers["Content-Range"] = "bytes \(first)-\(last)/\(size)"
      headers["Content-Length"] = String(last - first + 1)
      streamFile(fd, 206, headers, file: file, from: first, count: last - first + 1, head: isHead)
    case nil:
      respond(fd, 404, ["Content-Type": "text/plain"], body: Array("Status 404\n".utf8), head: isHead)
    }
  }

  /// The entry `relative` (the percent-encoded rest of the URL path after the prefix: empty or
  /// starting with `/`) names in `folder`; nil when missing, not a regular file or folder, or outside
  /// the folder through `..` or a symlink.
  private static func resolve(_ relative: String, in folder: String) -> DiskEntry? {
    guard let decoded = relative.removingPercentEncoding, !decoded.contains("\0"),
      let root = realPath(folder)
    else { return nil }
    let segments = decoded.split(separator: "/")
    guard !segments.contains(where: { $0 == ".." || $0 == "." }) else { return nil }
    func inside(_ path: String) -> Bool { path == root || path.hasPrefix(root == "/" ? "/" : root + "/") }
    guard let real = realPath(([root] + segments.map(String.init)).joined(separator: "/")), inside(real) else {
      return nil
    }
    switch fileType(real) {
    case S_IFREG:
      return decoded.hasSuffix("/") ? nil : .file(path: real, name: String(segments.last ?? ""))
    case S_IFDIR:
      guard decoded.hasSuffix("/") else { return .folder }
      guard let index = realPath(real + "/index.html"), inside(index), fileType(index) == S_IFREG else { return nil }
      return .file(path: index, name: "index.html")
    default:
      return nil
    }
  }

  private static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  private static func fileType(_ path: String) -> mode_t {
    var info = stat()
    return stat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
  }

  /// The Content-Type for a file name, by extension; `application/octet-stream` when unknown.
  static func contentType(_ name: String) -> String {
    let types = [
      "html": "text/html; charset=utf-8", "htm": "text/html; charset=utf-8",
      "js": "text/javascript; charset=utf-8", "mjs": "text/javascript; charset=utf-8",
      "css": "text/css; charset=utf-8", "json": "application/json", "xml": "application/xml",
      "txt": "text/plain; charset=utf-8", "vtt": "text/vtt; charset=utf-8", "svg": "image/svg+xml",
      "jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "webp": "image/webp", "gif": "image/gif",
      "ico": "image/x-icon", "mp4": "video/mp4", "m4v": "video/x-m4v", "webm": "video/webm",
      "mp3": "audio/mpeg", "m4a": "audio/mp4", "woff2": "font/woff2",
    ]
    let ext = name.split(separator: ".", omittingEmptySubsequences: false).dropFirst().last.map { $0.lowercased() }
    return ext.flatMap { types[$0] } ?? "application/octet-stream"
  }
}
