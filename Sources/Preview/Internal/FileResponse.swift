import FlyingFox
import Foundation

/// The answer to a GET or HEAD of one file, as podcast apps and browsers need it: `ETag` and
/// `Last-Modified` with 304 for `If-None-Match` (a list, or `*`) and `If-Modified-Since`
/// (https://www.rfc-editor.org/rfc/rfc9110#section-13.2.2), and one byte range (`a-b`, `a-`, `-n`)
/// as 206 with `Content-Range`, or 416 when it starts past the end
/// (https://www.rfc-editor.org/rfc/rfc9110#section-14). FlyingFox's own file handler compares the
/// condition headers as plain strings, knows no suffix range and answers HEAD without a length,
/// so only its response and file streaming are used here.
struct FileResponse {
  /// The bytes to send: a file, streamed from disk, or a page changed for the preview.
  enum Body {
    case file(URL)
    case data(Data)
  }

  let body: Body
  let size: Int
  let modified: Date
  let etag: String
  let contentType: String

  /// A file on disk, its validators from its size and modification time (as nginx and Apache make
  /// them): cheap, and new whenever a rebuild writes the file again.
  init(file: URL, contentType: String) throws {
    let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
    size = (attributes[.size] as? NSNumber)?.intValue ?? 0
    modified = attributes[.modificationDate] as? Date ?? Date(timeIntervalSince1970: 0)
    let micros = Int64((modified.timeIntervalSince1970 * 1_000_000).rounded())
    etag = "\"\(String(size, radix: 16))-\(String(micros, radix: 16))\""
    body = .file(file)
    self.contentType = contentType
  }

  /// Bytes made from a file: the file's validators, marked so they never match the file's own.
  init(data: Data, from file: FileResponse, mark: String) {
    body = .data(data)
    size = data.count
    modified = file.modified
    etag = String(file.etag.dropLast()) + "-\(mark)\""
    contentType = file.contentType
  }

  func response(to request: HTTPRequest, headers extra: HTTPHeaders) throws -> HTTPResponse {
    var headers = extra
    headers[.contentType] = contentType
    headers[.acceptRanges] = "bytes"
    headers[.eTag] = etag
    headers[.lastModified] = HTTPDate.string(modified)
    if notModified(request.headers) {
      // The length a 200 would have had (RFC 9110 §8.6): FlyingFox would otherwise say 0.
      headers[.contentLength] = String(size)
      return HTTPResponse(statusCode: .notModified, headers: headers)
    }
    var range: Range<Int>?
    if request.method == .GET, let header = request.headers[.range], ifRangeHolds(request.headers) {
      switch Self.byteRange(header, size: size) {
      case .none: break
      case .unsatisfiable:
        headers[.contentRange] = "bytes */\(size)"
        return HTTPResponse(statusCode: .rangeNotSatisfiable, headers: headers)
      case .range(let bytes):
        range = bytes
        headers[.contentRange] = "bytes \(bytes.lowerBound)-\(bytes.upperBound - 1)/\(size)"
      }
    }
    let status: HTTPStatusCode = range == nil ? .ok : .partialContent
    if request.method == .HEAD {
      headers[.contentLength] = String(size)
      return HTTPResponse(statusCode: status, headers: headers)
    }
    switch body {
    case .file(let url):
      return HTTPResponse(statusCode: status, headers: headers, body: try HTTPBodySequence(file: url, range: range))
    case .data(let data):
      let bytes = range.map { data.subdata(in: $0) } ?? data
      return HTTPResponse(statusCode: status, headers: headers, body: bytes)
    }
  }

  /// RFC 9110 §13.2.2: `If-None-Match` decides when present, and `If-Modified-Since` only without it.
  private func notModified(_ headers: HTTPHeaders) -> Bool {
    if let match = headers[.ifNoneMatch] {
      return Self.list(match).contains { $0 == "*" || Self.weakEqual($0, etag) }
    }
    if let since = headers[.ifModifiedSince], let date = HTTPDate.parse(since) {
      return modified.timeIntervalSince1970.rounded(.down) <= date.timeIntervalSince1970
    }
    return false
  }

  /// `If-Range`: the range applies only to the representation the client already has part of.
  private func ifRangeHolds(_ headers: HTTPHeaders) -> Bool {
    guard let value = headers[HTTPHeader("If-Range")]?.trimmingCharacters(in: .whitespaces) else { return true }
    if value.hasPrefix("\"") { return value == etag }
    guard let date = HTTPDate.parse(value) else { return false }
    return modified.timeIntervalSince1970.rounded(.down) == date.timeIntervalSince1970
  }

  enum ByteRange: Equatable {
    /// No usable range: the whole file is sent (a malformed or multi-range header may be ignored).
    case none
    case unsatisfiable
    case range(Range<Int>)
  }

  static func byteRange(_ header: String, size: Int) -> ByteRange {
    let value = header.trimmingCharacters(in: .whitespaces)
    guard value.lowercased().hasPrefix("bytes="), !value.contains(",") else { return .none }
    let spec = value.dropFirst("bytes=".count).trimmingCharacters(in: .whitespaces)
    let parts = spec.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
    guard parts.count == 2 else { return .none }
    let first = parts[0].trimmingCharacters(in: .whitespaces), last = parts[1].trimmingCharacters(in: .whitespaces)
    guard first.allSatisfy(\.isASCIIDigit), last.allSatisfy(\.isASCIIDigit), !(first.isEmpty && last.isEmpty) else {
      return .none
    }
    if first.isEmpty {
      // A suffix: the last n bytes.
      guard let count = Int(last) else { return .range(0..<size) }  // more digits than Int: the whole file
      guard count > 0, size > 0 else { return .unsatisfiable }
      return .range(max(0, size - count)..<size)
    }
    guard let start = Int(first) else { return .unsatisfiable }
    let end = last.isEmpty ? size - 1 : min(Int(last) ?? Int.max, size - 1)
    guard last.isEmpty || Int(last).map({ $0 >= start }) ?? true else { return .none }
    guard start < size else { return .unsatisfiable }
    return .range(start..<(end + 1))
  }

  private static func list(_ header: String) -> [String] {
    header.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }

  /// Weak comparison (https://www.rfc-editor.org/rfc/rfc9110#section-8.8.3.2), as `If-None-Match` uses.
  private static func weakEqual(_ a: String, _ b: String) -> Bool {
    func opaque(_ tag: String) -> String { tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag }
    return opaque(a) == opaque(b)
  }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
