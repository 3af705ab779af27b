#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The body of an upload: bytes in memory, or a range of a file read as libcurl asks for it, so a
/// large file is never in memory. A file that cannot be read, or ends before the declared length,
/// fails the transfer with the reason in `failure` instead of sending short or padded data.
final class UploadSource {
  private enum Origin {
    case bytes([UInt8])
    case file(descriptor: Int32, offset: Int64)
  }

  private let origin: Origin
  let length: Int64
  private(set) var sent: Int64 = 0
  private(set) var failure: String?

  init(bytes: [UInt8]) {
    origin = .bytes(bytes)
    length = Int64(bytes.count)
  }

  /// Opens `path` for reading `length` bytes from `offset`.
  init(path: String, offset: Int64, length: Int64) throws(CurlTransferError) {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw CurlTransferError(kind: .uploadSource, message: "cannot open \(path): \(String(cString: strerror(errno)))")
    }
    origin = .file(descriptor: descriptor, offset: offset)
    self.length = length
  }

  deinit {
    if case .file(let descriptor, _) = origin { close(descriptor) }
  }

  /// Copies the next bytes into `buffer`; 0 at the end, nil on failure.
  func read(into buffer: UnsafeMutableRawPointer, capacity: Int) -> Int? {
    let wanted = Int(min(Int64(capacity), length - sent))
    guard wanted > 0 else { return 0 }
    switch origin {
    case .bytes(let bytes):
      bytes.withUnsafeBytes { all in
        buffer.copyMemory(from: all.baseAddress! + Int(sent), byteCount: wanted)
      }
      sent += Int64(wanted)
      return wanted
    case .file(let descriptor, let offset):
      var count: Int
      repeat { count = pread(descriptor, buffer, wanted, off_t(offset + sent)) } while count < 0 && errno == EINTR
      if count < 0 {
        failure = "reading the file failed: \(String(cString: strerror(errno)))"
        return nil
      }
      if count == 0 {
        failure = "the file ended after \(sent) of \(length) bytes; it changed while it was uploaded"
        return nil
      }
      sent += Int64(count)
      return count
    }
  }
}
