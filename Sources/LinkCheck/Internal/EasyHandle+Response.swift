internal import CCurl

extension EasyHandle {
  /// The answer to the request just finished with `code`, copied out of the handle.
  func response(_ code: CURLcode, for request: TransferRequest) -> TransferResponse {
    var response = TransferResponse(url: request.url, outcome: outcome(code, request))
    let status = long(CURLINFO_RESPONSE_CODE)
    response.status = status > 0 ? status : nil
    response.redirectURL = string(CURLINFO_REDIRECT_URL)
    response.contentType = string(CURLINFO_CONTENT_TYPE)
    response.contentLength = header("Content-Length").flatMap { Int64($0.trimmingSpaces()) }
    response.contentRange = header("Content-Range")
    response.startTransferTime = double(CURLINFO_STARTTRANSFER_TIME)
    response.totalTime = double(CURLINFO_TOTAL_TIME)
    response.body = body
    return response
  }

  private func outcome(_ code: CURLcode, _ request: TransferRequest) -> TransferResponse.Outcome {
    switch code {
    case CURLE_OK: return .complete
    case CURLE_WRITE_ERROR where overflowed, CURLE_FILESIZE_EXCEEDED: return .truncated
    default:
      // The open-socket callback refused the address: libcurl only says it could not connect.
      if let refused = refusedAddress {
        return .failed(.refusedAddress(refused.address, reason: refused.refusal.description))
      }
      let elapsed = request.started.duration(to: .now)
      let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
      return .failed(CurlFailure.error(code, url: request.url, message: errorMessage(code), elapsed: seconds))
    }
  }

  private func long(_ info: CURLINFO) -> Int {
    var value = 0
    return ccurl_easy_getinfo_long(raw, info, &value) == CURLE_OK ? value : 0
  }

  private func double(_ info: CURLINFO) -> Double {
    var value = 0.0
    return ccurl_easy_getinfo_double(raw, info, &value) == CURLE_OK ? value : 0
  }

  private func string(_ info: CURLINFO) -> String? {
    var value: UnsafePointer<CChar>?
    guard ccurl_easy_getinfo_string(raw, info, &value) == CURLE_OK, let value else { return nil }
    return String(cString: value)
  }

  private func header(_ name: String) -> String? { curl.header(name) }
}
