import Catalogue
import FlyingFox
import FlyingSocks
import Foundation
import Publisher
import VideoSite

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `podium serve` as a library call: builds the catalogue with its addresses pointed at a local
/// HTTP server (``PreviewAddresses``) into a private temporary folder, serves that build and the
/// catalogue's media, and builds again whenever a catalogue file changes. The catalogue and its
/// `feeds/` are never written; the temporary folder is removed by ``stop()``.
///
/// Served paths: `/feeds/<show>/…` (the build: feeds, artwork, transcripts, chapters, the video
/// index and its posters), `/media/<show>/…` (the catalogue's media files that build names, read
/// in place; a draft's are not), `/` (a page listing every feed). A build that fails leaves the last good one served; its findings
/// go to ``events`` and, in place of every HTML page, to an error page.
public actor PreviewServer {
  /// `http://host:port`, as the feeds name it.
  public nonisolated let address: String
  /// Whether the server listens on a loopback address only.
  public nonisolated let isLoopback: Bool
  /// The first build, made before `start` returns.
  public nonisolated let firstBuild: PreviewBuild
  /// Every build after the first, as it finishes; ends when the server stops.
  public nonisolated let events: AsyncStream<PreviewBuild>

  private let http: HTTPServer
  private let serving: Task<Void, any Error>
  private let state: ServedState
  private let hub: ReloadHub
  private let builder: Builder
  private let eventSink: AsyncStream<PreviewBuild>.Continuation
  private var watching: Task<Void, Never>?
  private var stopped = false

  /// Binds, builds once, then watches the catalogue.
  ///
  /// - Parameters:
  ///   - catalogue: the catalogue folder.
  ///   - host: an IP address to listen on (`localhost` is 127.0.0.1); 0.0.0.0 or `::` listens on every interface.
  ///   - port: the port, or 0 for any free one.
  ///   - workspace: the folder the private temporary folder is made in (the system's by default).
  ///   - pollInterval: how often the catalogue is looked at; a change is built once two looks agree.
  ///   - options: the build's options, asked again for each build (so `now` moves on).
  public static func start(
    catalogue: URL, host: String = "127.0.0.1", port: UInt16 = 8080, workspace: URL? = nil,
    pollInterval: Duration = .milliseconds(500), options: @escaping @Sendable () -> BuildOptions
  ) async throws -> PreviewServer {
    let (address, urlHost, loopback) = try Self.socketAddress(host: host, port: port)
    let folder = try Self.makePrivateFolder(in: workspace ?? FileManager.default.temporaryDirectory)
    let state = ServedState(), hub = ReloadHub()
    let http = HTTPServer(
      address: address, timeout: 30, logger: .disabled,
      handler: PreviewHandler(state: state, catalogue: catalogue, hub: hub))
    let failure = StartFailure()
    let serving = Task {
      do { try await http.run() } catch {
        failure.record(error)
        throw error
      }
    }
    do {
      let bound = try await Self.waitForPort(http, failure, asked: port, host: host)
      let base = "http://\(urlHost):\(bound)"
      let builder = Builder(
        catalogue: catalogue, folder: folder, options: options, state: state,
        addresses: PreviewAddresses(
          baseURL: "\(base)/\(PreviewHandler.feedsPrefix)/", mediaBaseURL: "\(base)/\(PreviewHandler.mediaPrefix)/"))
      let watcher = CatalogueWatcher(root: catalogue)
      let seen = watcher.fingerprint()
      let first = await builder.build()
      return PreviewServer(
        address: base, isLoopback: loopback, first: first, http: http, serving: serving, state: state, hub: hub,
        builder: builder, watcher: watcher, seen: seen, pollInterval: pollInterval)
    } catch {
      serving.cancel()
      await http.stop()
      try? FileManager.default.removeItem(at: folder)
      throw error
    }
  }

  private init(
    address: String, isLoopback: Bool, first: PreviewBuild, http: HTTPServer, serving: Task<Void, any Error>,
    state: ServedState, hub: ReloadHub, builder: Builder, watcher: CatalogueWatcher, seen: Int, pollInterval: Duration
  ) {
    self.address = address
    self.isLoopback = isLoopback
    self.firstBuild = first
    self.http = http
    self.serving = serving
    self.state = state
    self.hub = hub
    self.builder = builder
    (events, eventSink) = AsyncStream<PreviewBuild>.makeStream()
    let sink = eventSink
    watching = Task {
      var seen = seen
      while !Task.isCancelled {
        try? await Task.sleep(for: pollInterval)
        var now = watcher.fingerprint()
        guard now != seen, !Task.isCancelled else { continue }
        // Wait for the editor (or git) to finish writing: build once two looks agree.
        while !Task.isCancelled {
          try? await Task.sleep(for: pollInterval)
          let again = watcher.fingerprint()
          if again == now { break }
          now = again
        }
        guard !Task.isCancelled else { break }
        seen = now
        let build = await builder.build()
        hub.reload()
        sink.yield(build)
      }
    }
  }

  /// The build that finished last (the first until the catalogue changes).
  public nonisolated var latestBuild: PreviewBuild { builder.latest ?? firstBuild }

  /// The private folder the builds go into.
  public nonisolated var workspace: URL { builder.folder }

  /// Stops listening, closes the pages' sockets, waits for a running build and removes the
  /// temporary folder. Calling it again does nothing.
  public func stop() async {
    guard !stopped else { return }
    stopped = true
    watching?.cancel()
    await watching?.value
    hub.closeAll()
    await http.stop(timeout: 1)
    serving.cancel()
    try? FileManager.default.removeItem(at: builder.folder)
    eventSink.finish()
  }

  /// The number of pages listening for reloads, for tests.
  public nonisolated var reloadListeners: Int { hub.count }

  // MARK: - Starting

  private static func socketAddress(host: String, port: UInt16) throws -> (any SocketAddress, String, Bool) {
    let name = host == "localhost" ? "127.0.0.1" : host
    do {
      if name.contains(":") {
        let address = try sockaddr_in6.inet6(ip6: name, port: port)
        let urlHost = name == "::" ? ProcessInfo.processInfo.hostName : "[\(name)]"
        return (address, urlHost, name == "::1")
      }
      let address = try sockaddr_in.inet(ip4: name, port: port)
      let urlHost = name == "0.0.0.0" ? ProcessInfo.processInfo.hostName : name
      return (address, urlHost, name.hasPrefix("127."))
    } catch {
      throw PreviewError("--host '\(host)' is not an IP address; give one such as 127.0.0.1 (this machine only) or 0.0.0.0 (every network)")
    }
  }

  /// `mkdtemp`: a new folder only this user can read, whose name no one could have taken first.
  private static func makePrivateFolder(in parent: URL) throws -> URL {
    var template = Array(parent.appendingPathComponent("podium-serve-XXXXXX").path.utf8CString)
    let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    guard made != nil else {
      throw PreviewError("can't make a temporary folder in \(parent.path): \(String(cString: strerror(errno)))")
    }
    return URL(fileURLWithPath: String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
  }

  private static func waitForPort(_ http: HTTPServer, _ failure: StartFailure, asked: UInt16, host: String)
    async throws -> UInt16
  {
    for _ in 0..<500 {
      if let bound = await http.listeningAddress {
        switch bound {
        case .ip4(_, let port), .ip6(_, let port): return port
        case .unix: break
        }
      }
      if let error = failure.error {
        throw PreviewError("can't listen on \(host) port \(asked) (\(error)); is another server using it? Pass another --port")
      }
      try await Task.sleep(for: .milliseconds(10))
    }
    throw PreviewError("the server did not start listening on \(host) port \(asked)")
  }
}

/// The error that ended the server before it listened, such as a port in use.
private final class StartFailure: @unchecked Sendable {
  private let lock = NSLock()
  private var recorded: (any Error)?
  var error: (any Error)? { lock.withLock { recorded } }
  func record(_ error: any Error) { lock.withLock { recorded = error } }
}
