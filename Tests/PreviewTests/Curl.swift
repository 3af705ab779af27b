import CCurl
import Foundation

/// Real HTTP requests through libcurl, with `CURLOPT_PATH_AS_IS` so a test can send `/../` and
/// `%2e%2e` exactly as an attacker would (a client normally tidies them first).
struct Curl {
  struct Response {
    var status: Int
    /// By lower-cased name.
    var headers: [String: String]
    var body: Data
    var text: String { String(decoding: body, as: UTF8.self) }
    subscript(header: String) -> String? { headers[header.lowercased()] }
  }

  static func get(_ url: String, method: String = "GET", headers: [String: String] = [:]) async throws -> Response {
    try await blocking { try run(url, method: method, headers: headers) }
  }

  private static let initialised = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK

  /// Bytes libcurl hands over, headers first (`CURLOPT_HEADER`), then the body.
  private final class Received {
    var data = Data()
  }

  private static func run(_ url: String, method: String, headers: [String: String]) throws -> Response {
    guard initialised, let handle = curl_easy_init() else { throw Failure(message: "libcurl could not start") }
    defer { curl_easy_cleanup(handle) }
    var list: UnsafeMutablePointer<curl_slist>?
    for (name, value) in headers.sorted(by: { $0.key < $1.key }) { list = curl_slist_append(list, "\(name): \(value)") }
    defer { curl_slist_free_all(list) }
    let received = Received()
    let box = Unmanaged.passRetained(received)
    defer { box.release() }
    _ = ccurl_easy_setopt_string(handle, CURLOPT_URL, url)
    _ = ccurl_easy_setopt_long(handle, CURLOPT_PATH_AS_IS, 1)
    _ = ccurl_easy_setopt_long(handle, CURLOPT_HEADER, 1)
    _ = ccurl_easy_setopt_long(handle, CURLOPT_TIMEOUT, 30)
    _ = ccurl_easy_setopt_long(handle, CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_1_1)
    if method == "HEAD" {
      _ = ccurl_easy_setopt_long(handle, CURLOPT_NOBODY, 1)
    } else if method != "GET" {
      _ = ccurl_easy_setopt_string(handle, CURLOPT_CUSTOMREQUEST, method)
    }
    _ = ccurl_easy_setopt_pointer(handle, CURLOPT_HTTPHEADER, UnsafeMutableRawPointer(list))
    _ = ccurl_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, box.toOpaque())
    _ = ccurl_easy_setopt_write_callback(handle, CURLOPT_WRITEFUNCTION) { bytes, size, count, context in
      guard let bytes, let context else { return 0 }
      Unmanaged<Received>.fromOpaque(context).takeUnretainedValue().data.append(
        UnsafeRawPointer(bytes).assumingMemoryBound(to: UInt8.self), count: size * count)
      return size * count
    }
    let code = curl_easy_perform(handle)
    guard code == CURLE_OK else {
      throw Failure(message: "\(url): \(String(cString: curl_easy_strerror(code)))")
    }
    let data = received.data
    let split = data.range(of: Data("\r\n\r\n".utf8))?.lowerBound ?? data.endIndex
    let head = String(decoding: data[..<split], as: UTF8.self).components(separatedBy: "\r\n")
    let status = Int(head.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
    var fields: [String: String] = [:]
    for line in head.dropFirst() {
      guard let colon = line.firstIndex(of: ":") else { continue }
      fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    let body = split == data.endIndex ? Data() : Data(data[(split + 4)...])
    return Response(status: status, headers: fields, body: body)
  }

  struct Failure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
  }
}
