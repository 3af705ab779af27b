import FlyingFox
import Foundation

/// The WebSocket every served page opens (`/_podium/reload?build=N`): after each rebuild, good or
/// failed, it tells them to load again, so an open video index shows the new build or the error
/// page. A page whose build is already replaced when its socket opens is told at once.
final class ReloadHub: @unchecked Sendable {
  static let path = "/_podium/reload"
  static let message = "reload"

  private let lock = NSLock()
  private var clients: [UUID: AsyncStream<WSMessage>.Continuation] = [:]

  /// One page's socket.
  struct Client: WSMessageHandler {
    let hub: ReloadHub
    /// The build the page was served from, and the one served now.
    let seen: Int?
    let current: @Sendable () -> Int

    func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
      hub.connect(client, stale: { seen != current() })
    }
  }

  private func connect(_ client: AsyncStream<WSMessage>, stale: () -> Bool) -> AsyncStream<WSMessage> {
    let (messages, continuation) = AsyncStream<WSMessage>.makeStream()
    let id = UUID()
    lock.withLock { clients[id] = continuation }
    if stale() { continuation.yield(.text(Self.message)) }
    Task { [weak self] in
      for await _ in client {}  // the page sends nothing; this ends when it goes away
      self?.remove(id)
    }
    return messages
  }

  /// Tells every open page to reload.
  func reload() {
    for client in lock.withLock({ Array(clients.values) }) { client.yield(.text(Self.message)) }
  }

  /// Closes every page's socket, when the server stops.
  func closeAll() {
    let all = lock.withLock { () -> [AsyncStream<WSMessage>.Continuation] in
      defer { clients = [:] }
      return Array(clients.values)
    }
    for client in all {
      client.yield(.close(.goingAway))
      client.finish()
    }
  }

  var count: Int { lock.withLock { clients.count } }

  private func remove(_ id: UUID) {
    lock.withLock { clients.removeValue(forKey: id) }?.finish()
  }
}
