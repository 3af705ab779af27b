internal import CCurl
import CurlTransfer

/// One libcurl easy handle for link checks, reused for request after request (its connections
/// stay in the multi handle's cache). `CurlEasy` owns the handle, its error buffer and the body;
/// this adds what checks need on top: the address policy and the options of a `TransferRequest`.
final class EasyHandle {
  let curl: CurlEasy
  var raw: UnsafeMutableRawPointer { curl.raw }
  var body: [UInt8] { curl.body }
  var overflowed: Bool { curl.overflowed }
  /// The address the last transfer was refused, and why; set by the open-socket callback.
  private(set) var refusedAddress: (address: String, refusal: AddressPolicy.Refusal)?
  private var allowLoopback = true
  /// The extra headers of the current request; libcurl reads them until the transfer ends.
  private var headerList: UnsafeMutablePointer<curl_slist>?

  init?() {
    guard let curl = CurlEasy() else { return nil }
    self.curl = curl
  }

  deinit {
    curl_slist_free_all(headerList)
  }

  /// Sets every option for `request`, after clearing those of the last one.
  func prepare(_ request: TransferRequest, _ configuration: LinkCheckConfiguration) throws(LinkError) {
    refusedAddress = nil
    allowLoopback = configuration.allowLoopback
    do throws(CurlSetupError) {
      try curl.reset(bodyLimit: request.bodyLimit)
      // Only now that the handle no longer points at them.
      curl_slist_free_all(headerList)
      headerList = nil
      try applyCommonOptions(configuration)
      try applyLimits(request, configuration)
      try applyRequest(request)
    } catch {
      throw .other(error.description)
    }
  }

  /// Opens the socket libcurl asks for, unless the address is one `AddressPolicy` refuses: then
  /// no socket is made, so not one packet goes there, and libcurl fails the connection.
  func openSocket(_ address: UnsafeMutablePointer<curl_sockaddr>) -> curl_socket_t {
    let refused = withUnsafeMutablePointer(to: &address.pointee.addr) { pointer in
      AddressPolicy.refusal(pointer) ?? (allowLoopback ? nil : AddressPolicy.loopbackRefusal(pointer))
    }
    if let refused {
      if refusedAddress == nil { refusedAddress = refused }
      return CURL_SOCKET_BAD
    }
    return socket(address.pointee.family, address.pointee.socktype, address.pointee.protocol)
  }

  /// libcurl's own description of the last failure.
  func errorMessage(_ code: CURLcode) -> String { curl.errorMessage(code: code.rawValue) }
}

extension EasyHandle {
  private func applyCommonOptions(_ configuration: LinkCheckConfiguration) throws(CurlSetupError) {
    try curl.set(CURLOPT_PROTOCOLS_STR, "http,https")
    try curl.set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
    try curl.set(CURLOPT_FOLLOWLOCATION, 0)  // Jobs follow redirects themselves, hop by hop.
    try curl.set(CURLOPT_NOSIGNAL, 1)  // No SIGALRM for DNS timeouts: unsafe with threads.
    try curl.set(CURLOPT_NETRC, Int(CURL_NETRC_IGNORED.rawValue))
    try curl.set(CURLOPT_PROXY, configuration.proxy ?? "")  // "" also ignores http_proxy & co.
    try curl.set(CURLOPT_USERAGENT, configuration.userAgent)
    try curl.set(CURLOPT_OPENSOCKETDATA, Unmanaged.passUnretained(self).toOpaque())
    let open = ccurl_easy_setopt_opensocket_callback(raw, CURLOPT_OPENSOCKETFUNCTION) { context, _, address in
      guard let context, let address else { return CURL_SOCKET_BAD }
      return Unmanaged<EasyHandle>.fromOpaque(context).takeUnretainedValue().openSocket(address)
    }
    try curl.check(open, "open-socket callback")
  }

  private func applyLimits(_ request: TransferRequest, _ configuration: LinkCheckConfiguration) throws(CurlSetupError) {
    let remaining = max(1, milliseconds(ContinuousClock.now.duration(to: request.deadline)))
    try curl.set(CURLOPT_TIMEOUT_MS, remaining)
    try curl.set(CURLOPT_CONNECTTIMEOUT_MS, min(remaining, max(1, Int(configuration.connectTimeout * 1000))))
    // Belt and braces: libcurl's own stall check (under a byte a second) over the same budget.
    try curl.set(CURLOPT_LOW_SPEED_LIMIT, 1)
    try curl.set(CURLOPT_LOW_SPEED_TIME, max(1, Int(configuration.totalTimeout.rounded(.up))))
    if request.refuseLargerBody {
      try curl.check(ccurl_easy_setopt_off_t(raw, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(request.bodyLimit)), "size limit")
    }
  }

  private func applyRequest(_ request: TransferRequest) throws(CurlSetupError) {
    try curl.set(CURLOPT_URL, request.url)
    switch request.method {
    case .head: try curl.set(CURLOPT_NOBODY, 1)
    case .get: try curl.set(CURLOPT_HTTPGET, 1)
    case .post:
      let body = request.body ?? []
      try curl.set(CURLOPT_POSTFIELDSIZE, body.count)
      // Copied by libcurl, so the bytes need not outlive this call.
      let code =
        body.isEmpty
        ? ccurl_easy_setopt_string(raw, CURLOPT_COPYPOSTFIELDS, "")
        : body.withUnsafeBytes {
          ccurl_easy_setopt_pointer(raw, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: $0.baseAddress))
        }
      try curl.check(code, "the request body")
    }
    for header in request.headers { headerList = curl_slist_append(headerList, header) }
    if let headerList { try curl.set(CURLOPT_HTTPHEADER, UnsafeMutableRawPointer(headerList)) }
    if let range = request.range { try curl.set(CURLOPT_RANGE, range) }
    if request.acceptEncoding { try curl.set(CURLOPT_ACCEPT_ENCODING, "") }
  }

  private func milliseconds(_ duration: Duration) -> Int {
    let (seconds, attoseconds) = duration.components
    return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
  }
}
