/// Sends one request and keeps the answer: a notification to a WebSub hub or to Podping. No
/// redirect is followed: a notification names its target exactly.
final class MessageSend: TransferJob {
  let message: OutgoingMessage
  private let configuration: LinkCheckConfiguration
  private(set) var outcome: Result<(status: Int, body: [UInt8]), LinkError> = .failure(.other("not sent"))

  init(_ message: OutgoingMessage, configuration: LinkCheckConfiguration) {
    self.message = message
    self.configuration = configuration
  }

  func next(after response: TransferResponse?) -> TransferRequest? {
    guard let response else {
      guard URLScheme.isFetchable(message.url) else {
        outcome = .failure(.unsupportedScheme(URLScheme.of(message.url)))
        return nil
      }
      let now = ContinuousClock.now
      return TransferRequest(
        url: message.url, method: message.body == nil ? .get : .post, bodyLimit: 4096, headers: message.headers,
        body: message.body, started: now, deadline: now.advanced(by: .milliseconds(Int64(configuration.totalTimeout * 1000))))
    }
    switch response.outcome {
    case .failed(let error): outcome = .failure(error)
    case .complete, .truncated:
      if let status = response.status {
        outcome = .success((status, response.body))
      } else {
        outcome = .failure(.other("no HTTP answer"))
      }
    }
    return nil
  }
}
