internal import CCurl

/// One libcurl easy handle, reused for request after request so its connections stay open.
/// It owns what every transfer needs whatever its purpose: the error buffer, the body received
/// (up to a limit), the body sent (from a file range or bytes, through a read callback), and the
/// response's headers. Callers set their own options on `raw` after `reset`. Cleaned up in
/// `deinit`, so no path can leak it. One transfer at a time; not shared between threads.
public final class CurlEasy {
  /// The `CURL *` handle, for options and for adding it to a multi handle.
  public let raw: UnsafeMutableRawPointer
  /// libcurl writes its detailed message here; it must outlive every transfer.
  private let errorBuffer: UnsafeMutablePointer<CChar>
  /// Body bytes received by the last transfer, up to `bodyLimit`.
  public private(set) var body: [UInt8] = []
  private var bodyLimit = 0
  /// Whether more body than `bodyLimit` arrived, so the transfer was aborted.
  public private(set) var overflowed = false
  /// What the read callback sends; nil when the request has no body.
  private var upload: UploadSource?
  private var progress: ((Int64) -> Void)?

  public init?() {
    guard CurlGlobal.isReady, let raw = curl_easy_init() else { return nil }
    self.raw = raw
    errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
    errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
  }

  deinit {
    curl_easy_cleanup(raw)
    errorBuffer.deallocate()
  }

  /// Clears every option and the last transfer's state, then sets the error buffer and the
  /// write callback again, keeping at most `bodyLimit` body bytes.
  public func reset(bodyLimit: Int) throws(CurlSetupError) {
    curl_easy_reset(raw)
    body.removeAll(keepingCapacity: true)
    self.bodyLimit = bodyLimit
    overflowed = false
    upload = nil
    progress = nil
    errorBuffer[0] = 0
    try check(ccurl_easy_setopt_pointer(raw, CURLOPT_ERRORBUFFER, UnsafeMutableRawPointer(errorBuffer)), "error buffer")
    try check(
      ccurl_easy_setopt_pointer(raw, CURLOPT_WRITEDATA, Unmanaged.passUnretained(self).toOpaque()), "write data")
    let code = ccurl_easy_setopt_write_callback(raw, CURLOPT_WRITEFUNCTION) { data, size, count, context in
      guard let context else { return 0 }
      return Unmanaged<CurlEasy>.fromOpaque(context).takeUnretainedValue().receive(data, size * count)
    }
    try check(code, "write callback")
  }

  /// Sends `source` as the request body (`CURLOPT_UPLOAD`, with its size declared up front), and
  /// calls `progress` with the bytes handed to libcurl so far. An upload rather than POST data:
  /// with libcurl 7.88 (Debian 12), a SigV4-signed PUT whose body was binary POST data was
  /// answered "signature mismatch", and the same PUT as an upload was accepted.
  func setUpload(_ source: UploadSource, progress: ((Int64) -> Void)?) throws(CurlSetupError) {
    upload = source
    self.progress = progress
    try check(ccurl_easy_setopt_long(raw, CURLOPT_UPLOAD, 1), "upload")
    try check(ccurl_easy_setopt_off_t(raw, CURLOPT_INFILESIZE_LARGE, curl_off_t(source.length)), "upload size")
    try check(ccurl_easy_setopt_pointer(raw, CURLOPT_READDATA, Unmanaged.passUnretained(self).toOpaque()), "read data")
    let code = ccurl_easy_setopt_read_callback(raw, CURLOPT_READFUNCTION) { buffer, size, count, context in
      guard let context, let buffer else { return Int(CURL_READFUNC_ABORT) }
      return Unmanaged<CurlEasy>.fromOpaque(context).takeUnretainedValue().send(buffer, size * count)
    }
    try check(code, "read callback")
  }

  /// Lets go of the upload's source (closing its file) and of the progress callback, so the
  /// handle keeps neither once the request is done.
  func endUpload() {
    upload = nil
    progress = nil
  }

  /// Why the upload's source failed, if it did: the file could not be read or ended early.
  var uploadFailure: String? { upload?.failure }

  /// Keeps body bytes up to the limit; returning less than offered makes libcurl abort the transfer.
  private func receive(_ data: UnsafeMutablePointer<CChar>?, _ length: Int) -> Int {
    guard body.count + length <= bodyLimit else {
      overflowed = true
      return 0
    }
    if let data, length > 0 {
      body.append(contentsOf: UnsafeRawBufferPointer(start: data, count: length))
    }
    return length
  }

  /// Fills libcurl's buffer from the upload source; a failed read aborts the transfer.
  private func send(_ buffer: UnsafeMutablePointer<CChar>, _ capacity: Int) -> Int {
    guard let upload else { return Int(CURL_READFUNC_ABORT) }
    guard let count = upload.read(into: UnsafeMutableRawPointer(buffer), capacity: capacity) else {
      return Int(CURL_READFUNC_ABORT)
    }
    progress?(upload.sent)
    return count
  }

  /// libcurl's own description of the failure `code` (a `CURLcode`'s raw value).
  public func errorMessage(code: UInt32) -> String {
    let detail = String(cString: errorBuffer)
    return detail.isEmpty ? String(cString: curl_easy_strerror(CURLcode(code))) : detail
  }

  /// The value of the last response's header `name` (any case), or nil.
  public func header(_ name: String) -> String? {
    ccurl_easy_header_value(raw, name).map { String(cString: $0) }
  }
}
