import Foundation

/// Creates one new file with plain POSIX calls: a build writes thousands of small chapter files,
/// and Foundation's `Data.write` costs several extra system calls for each.
enum FileWriter {
  static func create(_ path: String, _ data: Data) throws {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw failure(path) }
    defer { close(descriptor) }
    try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
      guard let base = buffer.baseAddress else { return }
      var offset = 0
      while offset < buffer.count {
        let written = Foundation.write(descriptor, base + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          throw failure(path)
        }
        offset += written
      }
    }
  }

  private static func failure(_ path: String) -> OutputError {
    OutputError(.io(path: path, detail: String(cString: strerror(errno))))
  }
}
