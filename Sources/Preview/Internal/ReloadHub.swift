import FlyingFox
import Foundation

/// The WebSocket every served page opens (`/_podium/reload`): after each rebuild, good or failed,
/// it tells them to load again, so an open video index shows the new build or the error page.
final class ReloadHub: WSMessageHandler, @unchecked Sendable {
  static let path = "/_podium/reload"
  static let message = "reload"

  private let lock = NSLock()
  private var clients: [UUID: AsyncStream<WSMessage>.Continuation] = [:]

  func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
    let (messages, continuation) = AsyncStream<WSMessage>.makeStream()
    let id = UUID()
    lock.withLock { clients[id] = continuation }
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
