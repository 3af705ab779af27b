internal import CCurl

/// One libcurl easy handle, reused for request after request (its connections stay in the multi
/// handle's cache). Cleaned up in `deinit`, so no path can leak it.
final class EasyHandle {
  let raw: UnsafeMutableRawPointer
  /// libcurl writes its detailed message here; it must outlive every transfer.
  private let errorBuffer: UnsafeMutablePointer<CChar>
  private(set) var body: [UInt8] = []
  private var bodyLimit = 0
  private(set) var overflowed = false
  /// The address the last transfer was refused, and why; set by the open-socket callback.
  private(set) var refusedAddress: (address: String, refusal: AddressPolicy.Refusal)?
  private var allowLoopback = true
  /// The extra headers of the current request; libcurl reads them until the transfer ends.
  private var headerList: UnsafeMutablePointer<curl_slist>?

  init?() {
    guard CurlGlobal.isReady, let raw = curl_easy_init() else { return nil }
    self.raw = raw
    errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
    errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
  }

  deinit {
    curl_easy_cleanup(raw)
    curl_slist_free_all(headerList)
    errorBuffer.deallocate()
  }

  /// Sets every option for `request`, after clearing those of the last one.
  func prepare(_ request: TransferRequest, _ configuration: LinkCheckConfiguration) throws(LinkError) {
    curl_easy_reset(raw)
    curl_slist_free_all(headerList)
    headerList = nil
    body.removeAll(keepingCapacity: true)
    bodyLimit = request.bodyLimit
    overflowed = false
    refusedAddress = nil
    allowLoopback = configuration.allowLoopback
    errorBuffer[0] = 0
    try applyCommonOptions(configuration)
    try applyLimits(request, configuration)
    try applyRequest(request)
  }

  /// Keeps body bytes up to the limit; returning less than offered makes libcurl abort the transfer.
  func receive(_ data: UnsafeMutablePointer<CChar>?, _ length: Int) -> Int {
    guard body.count + length <= bodyLimit else {
      overflowed = true
      return 0
    }
    if let data, length > 0 {
      body.append(contentsOf: UnsafeRawBufferPointer(start: data, count: length))
    }
    return length
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
  func errorMessage(_ code: CURLcode) -> String {
    let detail = String(cString: errorBuffer)
    return detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
  }
}

extension EasyHandle {
  private func applyCommonOptions(_ configuration: LinkCheckConfiguration) throws(LinkError) {
    try set(CURLOPT_ERRORBUFFER, UnsafeMutableRawPointer(errorBuffer))
    try set(CURLOPT_PROTOCOLS_STR, "http,https")
    try set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
    try set(CURLOPT_FOLLOWLOCATION, 0)  // Jobs follow redirects themselves, hop by hop.
    try set(CURLOPT_NOSIGNAL, 1)  // No SIGALRM for DNS timeouts: unsafe with threads.
    try set(CURLOPT_NETRC, Int(CURL_NETRC_IGNORED.rawValue))
    try set(CURLOPT_PROXY, configuration.proxy ?? "")  // "" also ignores http_proxy & co.
    try set(CURLOPT_USERAGENT, configuration.userAgent)
    try set(CURLOPT_WRITEDATA, Unmanaged.passUnretained(self).toOpaque())
    let code = ccurl_easy_setopt_write_callback(raw, CURLOPT_WRITEFUNCTION) { data, size, count, context in
      guard let context else { return 0 }
      return Unmanaged<EasyHandle>.fromOpaque(context).takeUnretainedValue().receive(data, size * count)
    }
    try check(code, "write callback")
    try set(CURLOPT_OPENSOCKETDATA, Unmanaged.passUnretained(self).toOpaque())
    let open = ccurl_easy_setopt_opensocket_callback(raw, CURLOPT_OPENSOCKETFUNCTION) { context, _, address in
      guard let context, let address else { return CURL_SOCKET_BAD }
      return Unmanaged<EasyHandle>.fromOpaque(context).takeUnretainedValue().openSocket(address)
    }
    try check(open, "open-socket callback")
  }

  private func applyLimits(_ request: TransferRequest, _ configuration: LinkCheckConfiguration) throws(LinkError) {
    let remaining = max(1, milliseconds(ContinuousClock.now.duration(to: request.deadline)))
    try set(CURLOPT_TIMEOUT_MS, remaining)
    try set(CURLOPT_CONNECTTIMEOUT_MS, min(remaining, max(1, Int(configuration.connectTimeout * 1000))))
    // Belt and braces: libcurl's own stall check (under a byte a second) over the same budget.
    try set(CURLOPT_LOW_SPEED_LIMIT, 1)
    try set(CURLOPT_LOW_SPEED_TIME, max(1, Int(configuration.totalTimeout.rounded(.up))))
    if request.refuseLargerBody {
      try check(ccurl_easy_setopt_off_t(raw, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(request.bodyLimit)), "size limit")
    }
  }

  private func applyRequest(_ request: TransferRequest) throws(LinkError) {
    try set(CURLOPT_URL, request.url)
    switch request.method {
    case .head: try set(CURLOPT_NOBODY, 1)
    case .get: try set(CURLOPT_HTTPGET, 1)
    case .post:
      let body = request.body ?? []
      try set(CURLOPT_POSTFIELDSIZE, body.count)
      // Copied by libcurl, so the bytes need not outlive this call.
      let code =
        body.isEmpty
        ? ccurl_easy_setopt_string(raw, CURLOPT_COPYPOSTFIELDS, "")
        : body.withUnsafeBytes {
          ccurl_easy_setopt_pointer(raw, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: $0.baseAddress))
        }
      try check(code, "the request body")
    }
    for header in request.headers { headerList = curl_slist_append(headerList, header) }
    if let headerList { try set(CURLOPT_HTTPHEADER, UnsafeMutableRawPointer(headerList)) }
    if let range = request.range { try set(CURLOPT_RANGE, range) }
    if request.acceptEncoding { try set(CURLOPT_ACCEPT_ENCODING, "") }
  }

  private func set(_ option: CURLoption, _ value: Int) throws(LinkError) {
    try check(ccurl_easy_setopt_long(raw, option, value), "option \(option.rawValue)")
  }

  private func set(_ option: CURLoption, _ value: String) throws(LinkError) {
    try check(ccurl_easy_setopt_string(raw, option, value), "option \(option.rawValue)")
  }

  private func set(_ option: CURLoption, _ value: UnsafeMutableRawPointer) throws(LinkError) {
    try check(ccurl_easy_setopt_pointer(raw, option, value), "option \(option.rawValue)")
  }

  private func check(_ code: CURLcode, _ what: String) throws(LinkError) {
    guard code == CURLE_OK else {
      throw .other("libcurl refused \(what): \(String(cString: curl_easy_strerror(code)))")
    }
  }

  private func milliseconds(_ duration: Duration) -> Int {
    let (seconds, attoseconds) = duration.components
    return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
  }
}
