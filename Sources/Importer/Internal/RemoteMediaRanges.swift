import LinkCheck
import MediaProbe

/// An enclosure on its server, read by the probe in ranges: each read is one ranged GET through
/// LinkCheck, as MediaDownload's are (its address policy at each connection, its redirect
/// rules, its proxy), given at most the import's time left for the network. A server that
/// answers anything but the bytes asked for (a whole body, a short one, another range) fails the read, and
/// a body larger than asked is cut off, never downloaded.
struct RemoteMediaRanges: MediaRanges {
  let url: String
  let size: Int64
  let configuration: LinkCheckConfiguration
  let budget: FetchBudget

  struct Refused: Error, CustomStringConvertible {
    var description: String
  }

  func read(at offset: Int64, count: Int) throws -> [UInt8] {
    let range = "\(offset)-\(offset + Int64(count) - 1)"
    if let spent = budget.timeSpent { throw Refused(description: spent) }
    let response: FetchedDocument
    do {
      response = try LinkChecker(configuration: budget.configuration(configuration)).fetch(url, maximumBytes: count, range: range)
    } catch {
      throw Refused(description: "bytes \(range): \(error.description)")
    }
    // A whole body is the bytes asked for only when they are the whole file; a part, when its
    // Content-Range says it is those bytes (a server that ignores where a range starts sends others).
    let whole = response.status == 200 && offset == 0 && Int64(count) == size
    let asked = offset...(offset + Int64(count) - 1)
    guard (response.status == 206 && response.byteRange == asked) || whole, response.body.count == count else {
      let part = response.contentRange.map { " (Content-Range: \($0))" } ?? ""
      throw Refused(
        description: "the server answered \(response.status)\(part) with \(response.body.count) bytes to a request for bytes \(range)")
    }
    return response.body
  }
}
