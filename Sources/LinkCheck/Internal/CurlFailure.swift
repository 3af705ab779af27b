internal import CCurl
import CurlTransfer

/// Turns a libcurl failure into the `LinkError` a finding is made from.
enum CurlFailure {
  static func error(_ code: CURLcode, url: String, message: String, elapsed: Double) -> LinkError {
    switch CurlErrorKind(code: code.rawValue) {
    case .unresolvableHost: .unresolvableHost(URLScheme.host(of: url))
    case .connectionRefused: .connectionRefused
    case .timeout: .timeout(seconds: elapsed)
    case .unsupportedScheme: .unsupportedScheme(URLScheme.of(url))
    case .tls: .tls(message)
    case .uploadSource, .other: .other(message)
    }
  }
}
