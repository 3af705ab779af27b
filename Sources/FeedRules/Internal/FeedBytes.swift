import Foundation

/// A feed's bytes, read a range at a time: from memory, or from a file with `pread`, so a
/// feed on disk is never in memory whole.
struct FeedBytes {
  private enum Origin {
    case data(Data)
    case file(Int32)
  }

  private let origin: Origin
  let count: Int

  init(_ data: Data) {
    origin = .data(data)
    count = data.count
  }

  /// The open file `descriptor`, of `size` bytes; the caller closes it.
  init(descriptor: Int32, size: Int) {
    origin = .file(descriptor)
    count = size
  }

  /// Calls `body` with the bytes in `range`, read into `buffer` from a file; `nil` when they can't be read.
  func read<T>(_ range: Range<Int>, buffer: inout [UInt8], _ body: (UnsafeRawBufferPointer) -> T) -> T? {
    guard range.lowerBound >= 0, range.upperBound <= count else { return nil }
    switch origin {
    case .data(let data):
      return data.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[range])) }
    case .file(let descriptor):
      if buffer.count < range.count { buffer = [UInt8](repeating: 0, count: range.count) }
      return buffer.withUnsafeMutableBytes { target -> T? in
        var done = 0
        while done < range.count {
          let got = pread(descriptor, target.baseAddress! + done, range.count - done, off_t(range.lowerBound + done))
          if got < 0, errno == EINTR { continue }
          guard got > 0 else { return nil }
          done += got
        }
        return body(UnsafeRawBufferPointer(rebasing: target[..<range.count]))
      }
    }
  }
}
