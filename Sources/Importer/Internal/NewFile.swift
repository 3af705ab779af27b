import Foundation

/// Writes a file that must not exist yet, in the show folder being made. Foundation's
/// `.withoutOverwriting` writes also flush each file to the disk, which made that most of a
/// 5,000-episode import's time; the show folder is renamed into place only once it is whole.
enum NewFile {
  static func write(_ text: String, toPath path: String) throws {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw failure(path, errno) }
    defer { close(descriptor) }
    var text = text
    try text.withUTF8 { bytes in
      var offset = 0
      while offset < bytes.count {
        let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          throw failure(path, errno)
        }
        offset += written
      }
    }
  }

  private static func failure(_ path: String, _ code: Int32) -> CocoaError {
    CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: String(cString: strerror(code))])
  }
}
