internal import CCurl

extension CurlEasy {
  /// Makes `request` on this handle and waits for the answer. Only http and https; no redirect
  /// is followed, no proxy or `.netrc` is used, so the request goes exactly where the URL says.
  ///
  /// - Throws: `CurlTransferError` when no HTTP answer came (any status is an answer).
  public func perform(_ request: CurlRequest, progress: ((Int64) -> Void)? = nil) throws(CurlTransferError)
    -> CurlResponse
  {
    var headerList: UnsafeMutablePointer<curl_slist>?
    defer {
      curl_slist_free_all(headerList)
      endUpload()
    }
    do {
      try reset(bodyLimit: request.bodyLimit)
      try setOptions(request)
      for (name, value) in request.headers {
        // "Name;" is how libcurl sends a header with an empty value; "Name:" would remove it, but
        // libcurl 7.88 still signs a removed header (as empty), so the signature would not match:
        // never remove one (not even `Expect`) from a signed request.
        let line = value.isEmpty ? "\(name);" : "\(name): \(value)"
        guard let appended = curl_slist_append(headerList, line) else {
          throw CurlSetupError(what: "header \(name)", reason: "out of memory")
        }
        headerList = appended
      }
      if let headerList { try set(CURLOPT_HTTPHEADER, UnsafeMutableRawPointer(headerList)) }
      switch request.body {
      case .none: break
      case .bytes(let bytes): try setUpload(UploadSource(bytes: bytes), progress: progress)
      case .file(let path, let offset, let length):
        try setUpload(try UploadSource(path: path, offset: offset, length: length), progress: progress)
      }
    } catch let error as CurlSetupError {
      throw CurlTransferError(kind: .other, message: error.description)
    } catch let error as CurlTransferError {
      throw error
    } catch {
      throw CurlTransferError(kind: .other, message: "\(error)")
    }
    let code = curl_easy_perform(raw)
    if let failure = uploadFailure {
      throw CurlTransferError(kind: .uploadSource, message: failure)
    }
    guard code == CURLE_OK || (code == CURLE_WRITE_ERROR && overflowed) else {
      throw CurlTransferError(kind: CurlErrorKind(code: code.rawValue), message: errorMessage(code: code.rawValue))
    }
    var status = 0
    _ = ccurl_easy_getinfo_long(raw, CURLINFO_RESPONSE_CODE, &status)
    var headers: [String: String] = [:]
    for name in request.responseHeaders {
      if let value = header(name) { headers[name] = value }
    }
    return CurlResponse(status: status, headers: headers, body: body, overflowed: overflowed)
  }

  private func setOptions(_ request: CurlRequest) throws(CurlSetupError) {
    try set(CURLOPT_URL, request.url)
    try set(CURLOPT_PROTOCOLS_STR, "http,https")
    try set(CURLOPT_FOLLOWLOCATION, 0)
    try set(CURLOPT_NOSIGNAL, 1)  // No SIGALRM for DNS timeouts: unsafe with threads.
    try set(CURLOPT_NETRC, Int(CURL_NETRC_IGNORED.rawValue))
    try set(CURLOPT_PROXY, "")  // Also ignores http_proxy & co: the request goes where the URL says.
    try set(CURLOPT_USERAGENT, request.userAgent)
    try set(CURLOPT_CONNECTTIMEOUT_MS, max(1, Int(request.connectTimeout * 1000)))
    try set(CURLOPT_LOW_SPEED_LIMIT, 1024)
    try set(CURLOPT_LOW_SPEED_TIME, max(1, Int(request.stallTimeout.rounded(.up))))
    if let total = request.totalTimeout { try set(CURLOPT_TIMEOUT_MS, max(1, Int(total * 1000))) }
    switch request.method {
    case .get: try set(CURLOPT_HTTPGET, 1)
    case .head: try set(CURLOPT_NOBODY, 1)
    case .put: break  // An upload is a PUT; a PUT without body gets an empty upload below.
    case .post, .delete: try set(CURLOPT_CUSTOMREQUEST, request.method.rawValue)
    }
    if request.method == .put, case .none = request.body {
      try set(CURLOPT_UPLOAD, 1)
      try check(ccurl_easy_setopt_off_t(raw, CURLOPT_INFILESIZE_LARGE, 0), "upload size")
    }
    if let signature = request.signature {
      try set(CURLOPT_AWS_SIGV4, "aws:amz:\(signature.region):\(signature.service)")
      // Separate name and password, so a colon in either is not read as the separator.
      try set(CURLOPT_USERNAME, signature.accessKey)
      try set(CURLOPT_PASSWORD, signature.secretKey)
    }
  }
}
