import Foundation
import ObjectStore

/// Uploads items a few at a time. After the first failure no new upload starts; those already
/// running finish, so no object is left half-sent by Podium's choice.
struct UploadRun {
  let store: any ObjectStore
  let options: PublishOptions
  let progress: Publisher.PublishProgress?
  let total: Int64
  private let state = State()

  init(store: any ObjectStore, options: PublishOptions, progress: Publisher.PublishProgress?, total: Int64) {
    self.store = store
    self.options = options
    self.progress = progress
    self.total = total
  }

  struct Outcome {
    var uploaded: [String]
    var failure: PublishReport.Failure?
  }

  /// Shared by the workers of every phase: the bytes sent count across phases.
  private final class State: @unchecked Sendable {
    let lock = NSLock()
    var next = 0
    var sent: Int64 = 0
    var uploaded: [String] = []
    var failure: PublishReport.Failure?

    /// The next item to upload, unless all are taken or one failed.
    func claim(below count: Int) -> Int? {
      lock.withLock {
        guard failure == nil, next < count else { return nil }
        defer { next += 1 }
        return next
      }
    }
  }

  func run(_ items: [PublishItem]) -> Outcome {
    let state = self.state
    state.lock.withLock {
      state.next = 0
      state.uploaded = []
      state.failure = nil
    }
    let workers = max(1, min(options.concurrentUploads, items.count))
    let group = DispatchGroup()
    // Threads of their own, not the CPU-wide pool: uploads wait on the network, and a 2-core
    // machine should still keep several in flight.
    for _ in 0..<workers {
      group.enter()
      Thread { [self] in
        defer { group.leave() }
        while let index = state.claim(below: items.count) { upload(items[index]) }
      }.start()
    }
    group.wait()
    return state.lock.withLock { Outcome(uploaded: state.uploaded, failure: state.failure) }
  }

  private func upload(_ item: PublishItem) {
    let upload = ObjectUpload(
      key: item.key, file: item.file, size: item.size, sha256: item.sha256, contentType: item.contentType,
      cacheControl: item.cacheControl)
    let counted = LockedCounter()
    do throws(ObjectStoreError) {
      try store.put(upload) { [state, progress, total] sent in
        let delta = counted.advance(to: sent)
        let done = state.lock.withLock {
          state.sent += delta
          return state.sent
        }
        progress?(done, total)
      }
      // A store that reported less than the whole file still sent it all.
      let rest = item.size - counted.value
      let done = state.lock.withLock {
        state.sent += rest
        state.uploaded.append(item.key)
        return state.sent
      }
      if rest != 0 { progress?(done, total) }
    } catch {
      state.lock.withLock {
        if state.failure == nil {
          state.failure = PublishReport.Failure(
            error, key: item.key, doing: "uploading \(item.key) to \(store.location)", location: store.location)
        }
      }
    }
  }
}

/// The bytes of one upload reported so far, to turn the store's running totals into increments.
private final class LockedCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var sent: Int64 = 0

  var value: Int64 { lock.withLock { sent } }

  func advance(to total: Int64) -> Int64 {
    lock.withLock {
      defer { sent = max(sent, total) }
      return max(0, total - sent)
    }
  }
}
