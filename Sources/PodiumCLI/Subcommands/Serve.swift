import ArgumentParser
import Dispatch
import Foundation
import Preview
import Publisher

extension Podium {
  struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Preview the whole publication on a local web server, rebuilt as you edit the catalogue.",
      discussion: """
        The catalogue is built into a private temporary folder with its addresses pointed at this server: \
        subscribe to the printed feed URLs in a podcast app on this machine (or, with --host 0.0.0.0, on your \
        network) and open the video index in a browser; it reloads after each rebuild. The catalogue and feeds/ \
        are not written. A build that fails keeps the last good one served and shows its findings. Ctrl-C stops.
        """)

    @Option(name: .customLong("catalogue"), help: "The catalogue folder.")
    var catalogue = "episodes"

    @Option(help: "The address to listen on: 127.0.0.1 is this machine only, 0.0.0.0 every network.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port).")
    var port: UInt16 = 8080

    func run() throws {
      let catalogueURL = URL(fileURLWithPath: catalogue)
      let (host, port) = (self.host, self.port)
      let finished = DispatchSemaphore(value: 0)
      let outcome = Outcome()
      let stopper = Stopper()
      // Handled from the start: Ctrl-C during the first build stops the server once it is up.
      let signals = Self.onInterrupt { stopper.request() }
      Task {
        do {
          let server = try await PreviewServer.start(catalogue: catalogueURL, host: host, port: port) {
            BuildOptions(now: CatalogueOptions.clock())
          }
          stopper.attach(server)
          ServeOutput().started(server)
          for await build in server.events { ServeOutput().rebuilt(build) }
          ServeOutput().show("Stopped; the preview's temporary folder is removed.")
        } catch {
          outcome.error = error
        }
        finished.signal()
      }
      finished.wait()
      withExtendedLifetime(signals) {}
      if let error = outcome.error {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        throw ExitCode.failure
      }
    }

    /// Ctrl-C (and SIGTERM) stop the server cleanly instead of ending the process mid-write.
    private static func onInterrupt(_ stop: @escaping @Sendable () -> Void) -> [any DispatchSourceSignal] {
      [SIGINT, SIGTERM].map { number in
        signal(number, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
        source.setEventHandler(handler: stop)
        source.resume()
        return source
      }
    }

    private final class Outcome: @unchecked Sendable {
      var error: (any Error)?
    }

    /// Stops the server when asked, or as soon as there is one.
    private final class Stopper: @unchecked Sendable {
      private let lock = NSLock()
      private var server: PreviewServer?
      private var requested = false

      func request() {
        let server = lock.withLock {
          requested = true
          return self.server
        }
        if let server { Task { await server.stop() } }
      }

      func attach(_ server: PreviewServer) {
        let requested = lock.withLock {
          self.server = server
          return self.requested
        }
        if requested { Task { await server.stop() } }
      }
    }
  }
}
