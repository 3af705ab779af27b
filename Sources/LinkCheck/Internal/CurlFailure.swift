internal import CCurl

/// Turns a libcurl failure into the `LinkError` a finding is made from.
enum CurlFailure {
  static let tlsCodes: Set<CURLcode> = [
    CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
    CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
    CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CRL_BADFILE, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED,
    CURLE_SSL_ENGINE_INITFAILED, CURLE_USE_SSL_FAILED,
  ]

  static func error(_ code: CURLcode, url: String, message: String, elapsed: Double) -> LinkError {
    switch code {
    case CURLE_COULDNT_RESOLVE_HOST: .unresolvableHost(URLScheme.host(of: url))
    case CURLE_COULDNT_CONNECT: .connectionRefused
    case CURLE_OPERATION_TIMEDOUT: .timeout(seconds: elapsed)
    case CURLE_UNSUPPORTED_PROTOCOL: .unsupportedScheme(URLScheme.of(url))
    case _ where tlsCodes.contains(code): .tls(message)
    default: .other(message)
    }
  }
}
