package import CCurl

/// The one place an option is set on a libcurl handle and its result turned into an error, for
/// this module's requests and for the link checks that drive the handle themselves.
extension CurlEasy {
  package func set(_ option: CURLoption, _ value: Int) throws(CurlSetupError) {
    try check(ccurl_easy_setopt_long(raw, option, value), "option \(option.rawValue)")
  }

  package func set(_ option: CURLoption, _ value: String) throws(CurlSetupError) {
    try check(ccurl_easy_setopt_string(raw, option, value), "option \(option.rawValue)")
  }

  package func set(_ option: CURLoption, _ value: UnsafeMutableRawPointer) throws(CurlSetupError) {
    try check(ccurl_easy_setopt_pointer(raw, option, value), "option \(option.rawValue)")
  }

  /// Turns a libcurl result into an error naming what was being set.
  package func check(_ code: CURLcode, _ what: String) throws(CurlSetupError) {
    guard code == CURLE_OK else { throw CurlSetupError(what: what, reason: String(cString: curl_easy_strerror(code))) }
  }
}
