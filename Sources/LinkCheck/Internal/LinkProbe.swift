/// Checks one URL: HEAD (following redirects), then `GET` with `Range: bytes=0-1` at the URL that
/// answered. HEAD refused with 405/501 is noted and the GET carries on alone. Any failure ends it.
final class LinkProbe: TransferJob {
  private enum Phase { case head, rangedGet }

  /// Body bytes a ranged GET may bring: the two asked for. More means the Range was ignored,
  /// and the transfer is cut off (the headers already say what is needed).
  static let rangeBodyLimit = 2

  let url: String
  private let configuration: LinkCheckConfiguration
  private var phase = Phase.head
  private var clock: (started: ContinuousClock.Instant, deadline: ContinuousClock.Instant)?
  /// Time spent in redirect hops so far, counted into the time to first byte.
  private var redirectTime = 0.0
  private(set) var facts: LinkResult

  init(url: String, configuration: LinkCheckConfiguration) {
    self.url = url
    self.configuration = configuration
    facts = LinkResult(request: LinkRequest(url: url, kind: .other), finalURL: url)
  }

  func next(after response: TransferResponse?) -> TransferRequest? {
    guard let response else { return start() }
    if case .failed(let error) = response.outcome {
      facts.status = response.status ?? facts.status
      return finish(error)
    }
    if let hop = response.redirect { return follow(hop, time: response.totalTime) }
    if facts.timeToFirstByte == nil, phase == .rangedGet || (200..<300).contains(response.status ?? 0) {
      facts.timeToFirstByte = redirectTime + response.startTransferTime
    }
    switch phase {
    case .head: return afterHead(response)
    case .rangedGet: return afterRangedGet(response)
    }
  }
}

extension LinkProbe {
  private func start() -> TransferRequest? {
    guard URLScheme.isFetchable(url) else { return finish(.unsupportedScheme(URLScheme.of(url))) }
    let now = ContinuousClock.now
    clock = (now, now.advanced(by: .milliseconds(Int64(configuration.totalTimeout * 1000))))
    return request()
  }

  private func follow(_ hop: Redirect, time: Double) -> TransferRequest? {
    switch RedirectPolicy.decide(hop, followed: facts.redirects.count, limit: configuration.maximumRedirects) {
    case .follow:
      facts.redirects.append(hop)
      facts.finalURL = hop.to
      redirectTime += time
      return request()
    case .refuse(let error):
      if case .tooManyRedirects = error {} else { facts.redirects.append(hop) }
      return finish(error)
    }
  }

  private func afterHead(_ response: TransferResponse) -> TransferRequest? {
    let status = response.status ?? 0
    facts.status = response.status
    if status == 405 || status == 501 {
      facts.headAllowed = false
    } else if (200..<300).contains(status) {
      facts.headAllowed = true
      facts.contentLength = response.contentLength
      facts.contentType = response.contentType
    } else {
      return finish(status == 0 ? .other("no HTTP answer") : .http(status: status))
    }
    phase = .rangedGet
    return request()
  }

  private func afterRangedGet(_ response: TransferResponse) -> TransferRequest? {
    let status = response.status ?? 0
    switch status {
    case 206, 416:
      facts.rangeSupported = true
      facts.contentLength = facts.contentLength ?? ContentRange.total(response.contentRange)
    case 200..<300:
      facts.rangeSupported = false
      facts.contentLength = facts.contentLength ?? response.contentLength
    default:
      facts.status = response.status
      return finish(status == 0 ? .other("no HTTP answer") : .http(status: status))
    }
    if facts.headAllowed == false { facts.status = response.status }
    facts.contentType = facts.contentType ?? response.contentType
    return nil
  }

  private func request() -> TransferRequest? {
    guard let clock else { return nil }
    return TransferRequest(
      url: facts.finalURL, method: phase == .head ? .head : .get, range: phase == .head ? nil : "0-1",
      bodyLimit: phase == .head ? 0 : Self.rangeBodyLimit, started: clock.started, deadline: clock.deadline)
  }

  private func finish(_ error: LinkError) -> TransferRequest? {
    facts.error = error
    return nil
  }
}
