internal import CCurl
import CurlTransfer

/// Runs jobs through one libcurl multi handle, with at most `maximumConcurrent` transfers in flight,
/// on the calling thread until every job is done. Used by one call at a time; not shared.
final class TransferPool {
  private struct Active {
    var handle: EasyHandle
    var job: Int
    var request: TransferRequest
  }

  private let multi: UnsafeMutableRawPointer
  private let configuration: LinkCheckConfiguration
  private let jobs: [any TransferJob]
  private let finished: (Int) -> Void
  private var nextJob = 0
  private var active: [UnsafeMutableRawPointer: Active] = [:]
  private var spare: [EasyHandle] = []
  /// Set when the multi handle fails; every request from then on fails with this message.
  private var broken: String?

  /// - Parameter finished: Called with a job's index when it has no more requests.
  init?(_ configuration: LinkCheckConfiguration, jobs: [any TransferJob], finished: @escaping (Int) -> Void) {
    guard CurlGlobal.isReady, let multi = curl_multi_init() else { return nil }
    self.multi = multi
    self.configuration = configuration
    self.jobs = jobs
    self.finished = finished
    _ = ccurl_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, max(1, configuration.maximumConcurrent))
  }

  deinit {
    for raw in active.keys { curl_multi_remove_handle(multi, raw) }
    active.removeAll()  // Easy handles are cleaned up here, before the multi handle they were in.
    spare.removeAll()
    curl_multi_cleanup(multi)
  }

  func run() {
    fill()
    while !active.isEmpty {
      var running: Int32 = 0
      let code = curl_multi_perform(multi, &running)
      guard code == CURLM_OK else { return failAll("libcurl multi: \(String(cString: curl_multi_strerror(code)))") }
      for (entry, code) in completed() {
        advance(entry.job, after: entry.handle.response(code, for: entry.request), handle: entry.handle)
      }
      fill()
      if !active.isEmpty { _ = curl_multi_poll(multi, nil, 0, 200, nil) }
    }
  }
}

extension TransferPool {
  /// Starts jobs until the concurrency limit is reached.
  private func fill() {
    while active.count < max(1, configuration.maximumConcurrent), nextJob < jobs.count {
      nextJob += 1
      advance(nextJob - 1, after: nil, handle: nil)
    }
  }

  /// Hands `response` to the job and starts its next request on `handle` (or a spare one).
  /// A request that cannot start becomes a failed response, so the job always moves on.
  private func advance(_ job: Int, after response: TransferResponse?, handle: EasyHandle?) {
    var response = response
    var handle = handle
    while let request = jobs[job].next(after: response) {
      guard ContinuousClock.now < request.deadline else {
        response = .failure(request.url, .timeout(seconds: configuration.totalTimeout))
        continue
      }
      guard let easy = handle ?? spare.popLast() ?? EasyHandle() else {
        response = .failure(request.url, .other("libcurl could not create a transfer"))
        continue
      }
      handle = easy
      response = start(request, on: easy, job: job)
      if response == nil { return }
    }
    if let handle { spare.append(handle) }
    finished(job)
  }

  /// Adds the transfer to the multi handle; returns a failure if that is impossible.
  private func start(_ request: TransferRequest, on easy: EasyHandle, job: Int) -> TransferResponse? {
    if let broken { return .failure(request.url, .other(broken)) }
    do {
      try easy.prepare(request, configuration)
    } catch {
      return .failure(request.url, error)
    }
    let code = curl_multi_add_handle(multi, easy.raw)
    guard code == CURLM_OK else {
      return .failure(request.url, .other("libcurl multi: \(String(cString: curl_multi_strerror(code)))"))
    }
    active[easy.raw] = Active(handle: easy, job: job, request: request)
    return nil
  }

  /// Finished transfers, removed from the multi handle, with their result codes.
  private func completed() -> [(Active, CURLcode)] {
    var done: [(Active, CURLcode)] = []
    var left: Int32 = 0
    while let message = curl_multi_info_read(multi, &left) {
      guard message.pointee.msg == CURLMSG_DONE, let raw = message.pointee.easy_handle,
        let entry = active.removeValue(forKey: raw)
      else { continue }
      done.append((entry, message.pointee.data.result))
      curl_multi_remove_handle(multi, raw)
    }
    return done
  }

  /// Ends every transfer with `message` when the multi handle itself breaks.
  private func failAll(_ message: String) {
    broken = message
    let entries = Array(active.values)
    for entry in entries {
      curl_multi_remove_handle(multi, entry.handle.raw)
      active[entry.handle.raw] = nil
      advance(entry.job, after: .failure(entry.request.url, .other(message)), handle: entry.handle)
    }
    fill()
  }
}
