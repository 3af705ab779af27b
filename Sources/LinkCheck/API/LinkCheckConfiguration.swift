/// Limits for remote checks. Every transfer is bounded, so a check always ends.
public struct LinkCheckConfiguration: Sendable, Hashable {
  /// Transfers in flight at once; also the number of connections opened at once.
  public var maximumConcurrent: Int
  /// Seconds to open a connection (DNS, TCP and TLS).
  public var connectTimeout: Double
  /// Seconds for everything done for one URL, all its requests and redirects together, so a
  /// server that never answers or trickles bytes is cut off. libcurl's low-speed limit (under a
  /// byte a second for this long) backs it up.
  public var totalTimeout: Double
  /// Redirects followed before giving up; a loop ends here.
  public var maximumRedirects: Int
  public var userAgent: String
  /// A proxy URL, or nil for none. The `http_proxy` family of environment variables is ignored
  /// on purpose: a check must reach the host the feed names, the same way on every machine.
  public var proxy: String?
  /// Whether this machine's loopback addresses may be connected to. Off for a check of a public
  /// URL, so a host name that resolves to 127.0.0.1 is not taken for the public server.
  public var allowLoopback = true

  public init(
    maximumConcurrent: Int = 16, connectTimeout: Double = 10, totalTimeout: Double = 20,
    maximumRedirects: Int = 5, userAgent: String = "Podium/0.1 (+podcast feed checker)", proxy: String? = nil
  ) {
    self.maximumConcurrent = maximumConcurrent
    self.connectTimeout = connectTimeout
    self.totalTimeout = totalTimeout
    self.maximumRedirects = maximumRedirects
    self.userAgent = userAgent
    self.proxy = proxy
  }
}
