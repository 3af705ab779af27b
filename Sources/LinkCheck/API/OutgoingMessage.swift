/// One request Podium sends to tell a service something (a WebSub hub, Podping), as opposed to
/// the checks, which only look.
public struct OutgoingMessage: Sendable, Hashable {
  public var url: String
  /// Extra headers, `Name: value`.
  public var headers: [String]
  /// A form body (`application/x-www-form-urlencoded`) sent with POST; nil sends GET.
  public var body: [UInt8]?

  public init(url: String, headers: [String] = [], body: [UInt8]? = nil) {
    self.url = url
    self.headers = headers
    self.body = body
  }
}

extension LinkChecker {
  /// Sends `message` and returns the server's status and the start of its answer (up to 4 KB).
  /// The same address policy and time limits as the checks apply.
  ///
  /// - Throws: `LinkError` when no answer came, or `.http` for a status outside 2xx.
  public func send(_ message: OutgoingMessage) throws(LinkError) -> (status: Int, body: [UInt8]) {
    let job = MessageSend(message, configuration: configuration)
    guard let pool = TransferPool(configuration, jobs: [job], finished: { _ in }) else {
      throw .other("libcurl could not start")
    }
    pool.run()
    let answer = try job.outcome.get()
    guard (200..<300).contains(answer.status) else { throw .http(status: answer.status) }
    return answer
  }
}
