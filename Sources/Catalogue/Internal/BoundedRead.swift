import Foundation
import MediaProbe

/// Reads a whole file with POSIX calls, refusing files over a limit before reading them, so a
/// stray video named `.md` costs one `fstat`, not its size in memory.
enum BoundedRead {
  enum Problem: Error {
    /// The system's reason (`Permission denied`).
    case unreadable(String)
    /// What the path is instead of a file (`a folder`).
    case notAFile(String)
    /// The file's size, over the limit.
    case tooLarge(Int64)
  }

  static func bytes(atPath path: String, limit: Int) throws(Problem) -> [UInt8] {
    // Without blocking: a FIFO with no writer would hold the open for ever; fstat refuses it next.
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else { throw .unreadable(String(cString: strerror(errno))) }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { throw .unreadable(String(cString: strerror(errno))) }
    guard (info.st_mode & S_IFMT) == S_IFREG else { throw .notAFile(FileType.name(of: info.st_mode)) }
    guard info.st_size <= limit else { throw .tooLarge(Int64(info.st_size)) }
    var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
    var count = 0
    let ok = bytes.withUnsafeMutableBytes { buffer -> Bool in
      guard let base = buffer.baseAddress else { return true }
      while count < buffer.count {
        let read = Foundation.read(descriptor, base + count, buffer.count - count)
        if read < 0, errno == EINTR { continue }
        guard read > 0 else { return read == 0 }
        count += read
      }
      return true
    }
    guard ok else { throw .unreadable(String(cString: strerror(errno))) }
    return count == bytes.count ? bytes : Array(bytes[..<count])
  }
}
