internal import CCurl

/// What kind of failure a libcurl result code is, so that each caller can say it in its own terms
/// (a link check's finding, a publish's error) from one classification.
public enum CurlErrorKind: Sendable, Hashable {
  case unresolvableHost
  case connectionRefused
  case timeout
  case tls
  case unsupportedScheme
  /// The upload's own source failed: the local file could not be read, or ended early.
  case uploadSource
  case other

  private static let tlsCodes: Set<CURLcode> = [
    CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
    CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
    CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CRL_BADFILE, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED,
    CURLE_SSL_ENGINE_INITFAILED, CURLE_USE_SSL_FAILED,
  ]

  /// The kind of libcurl's result `code` (a `CURLcode`'s raw value).
  public init(code: UInt32) {
    let code = CURLcode(code)
    switch code {
    case CURLE_COULDNT_RESOLVE_HOST: self = .unresolvableHost
    case CURLE_COULDNT_CONNECT: self = .connectionRefused
    case CURLE_OPERATION_TIMEDOUT: self = .timeout
    case CURLE_UNSUPPORTED_PROTOCOL: self = .unsupportedScheme
    case CURLE_READ_ERROR, CURLE_ABORTED_BY_CALLBACK: self = .uploadSource
    case _ where Self.tlsCodes.contains(code): self = .tls
    default: self = .other
    }
  }
}
