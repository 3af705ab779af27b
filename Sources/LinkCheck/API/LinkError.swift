/// Why a URL could not be checked or fetched. A closed set: each case maps to one rule.
public enum LinkError: Error, Sendable, Hashable, CustomStringConvertible {
  /// DNS has no address for the host.
  case unresolvableHost(String)
  /// Nothing accepted the connection (refused, or no route to the host).
  case connectionRefused
  /// The URL's time budget ran out, or the transfer stalled.
  case timeout(seconds: Double)
  /// More redirects than allowed; `count` is the number followed.
  case tooManyRedirects(count: Int)
  /// A redirect from https to http, refused before it was followed.
  case insecureRedirect(from: String, to: String)
  /// Not http or https; nothing was requested.
  case unsupportedScheme(String)
  /// The TLS handshake or the certificate check failed.
  case tls(String)
  /// The host's address is link-local or a cloud metadata service's; no connection was made.
  case refusedAddress(String, reason: String)
  /// The server answered with an error status.
  case http(status: Int)
  /// The body is larger than the caller allowed; the transfer was aborted.
  case tooLarge(limit: Int)
  case other(String)

  public var description: String {
    switch self {
    case .unresolvableHost(let host): "could not resolve host \(host)"
    case .connectionRefused: "connection refused"
    case .timeout(let seconds): "no complete answer within \(Seconds.format(seconds))"
    case .tooManyRedirects(let count): "more than \(count) redirects"
    case .insecureRedirect(let from, let to): "redirect from \(from) to \(to) leaves https for http"
    case .unsupportedScheme(let scheme): scheme.isEmpty ? "no URL scheme" : "unsupported scheme \(scheme):"
    case .tls(let message): "TLS failed: \(message)"
    case .refusedAddress(let address, let reason):
      "refused to connect to \(address), \(reason); Podium connects only to public addresses (and loopback)"
    case .http(let status): "HTTP \(HTTPStatus.describe(status))"
    case .tooLarge(let limit): "larger than \(limit) bytes"
    case .other(let message): message
    }
  }
}
