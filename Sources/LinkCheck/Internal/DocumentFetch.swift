/// Fetches one document with GET, following redirects (never from https to http) and keeping at
/// most `maximumBytes` of body: a larger one is aborted, not buffered.
final class DocumentFetch: TransferJob {
  let url: String
  private let maximumBytes: Int
  private let range: String?
  private let configuration: LinkCheckConfiguration
  private var clock: (started: ContinuousClock.Instant, deadline: ContinuousClock.Instant)?
  private var current: String
  private var redirects: [Redirect] = []
  private(set) var outcome: Result<FetchedDocument, LinkError> = .failure(.other("not fetched"))

  init(url: String, maximumBytes: Int, range: String? = nil, configuration: LinkCheckConfiguration) {
    self.url = url
    self.maximumBytes = maximumBytes
    self.range = range
    self.configuration = configuration
    current = url
  }

  func next(after response: TransferResponse?) -> TransferRequest? {
    guard let response else { return start() }
    switch response.outcome {
    case .failed(let error): return finish(error)
    case .truncated: return finish(.tooLarge(limit: maximumBytes))
    case .complete: break
    }
    if let hop = response.redirect { return follow(hop) }
    return deliver(response)
  }
}

extension DocumentFetch {
  private func start() -> TransferRequest? {
    guard URLScheme.isFetchable(url) else { return finish(.unsupportedScheme(URLScheme.of(url))) }
    let now = ContinuousClock.now
    clock = (now, now.advanced(by: .milliseconds(Int64(configuration.totalTimeout * 1000))))
    return request()
  }

  private func follow(_ hop: Redirect) -> TransferRequest? {
    switch RedirectPolicy.decide(hop, followed: redirects.count, limit: configuration.maximumRedirects) {
    case .follow:
      redirects.append(hop)
      current = hop.to
      return request()
    case .refuse(let error):
      return finish(error)
    }
  }

  private func deliver(_ response: TransferResponse) -> TransferRequest? {
    guard let status = response.status, (200..<300).contains(status) else {
      return finish(response.status.map { .http(status: $0) } ?? .other("no HTTP answer"))
    }
    outcome = .success(
      FetchedDocument(
        requestedURL: url, finalURL: current, status: status, contentType: response.contentType,
        redirects: redirects, body: response.body, contentRange: response.contentRange))
    return nil
  }

  private func request() -> TransferRequest? {
    guard let clock else { return nil }
    return TransferRequest(
      url: current, method: .get, range: range, bodyLimit: maximumBytes, refuseLargerBody: true, acceptEncoding: range == nil,
      started: clock.started, deadline: clock.deadline)
  }

  private func finish(_ error: LinkError) -> TransferRequest? {
    outcome = .failure(error)
    return nil
  }
}
