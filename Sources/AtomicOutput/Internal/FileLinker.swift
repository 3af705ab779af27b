import Foundation

/// Reuses a file of the previous output when a build would write the same bytes again: a hard
/// link costs no data blocks, and removing the previous output then frees none. On a disk that
/// discards freed blocks, writing and removing 10,000 unchanged files is most of a rebuild.
enum FileLinker {
  /// Links `source` at `target` if `source` is a regular file of ours, linked nowhere else,
  /// holding exactly `data`.
  ///
  /// - Returns: whether `target` now names that file; `false` leaves `target` absent.
  static func linkIfSame(_ source: String, at target: String, _ data: Data) -> Bool {
    let descriptor = open(source, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_nlink == 1,
      info.st_uid == geteuid(), Int(info.st_size) == data.count, holds(descriptor, data)
    else { return false }
    guard link(source, target) == 0 else { return false }
    // The path may have been replaced since it was checked: keep the link only if it is the
    // file that was read.
    var linked = stat()
    guard lstat(target, &linked) == 0, linked.st_ino == info.st_ino, linked.st_dev == info.st_dev else {
      unlink(target)
      return false
    }
    return true
  }

  /// Whether the file's bytes are `data`, read a piece at a time so a changed file is
  /// usually told apart in its first piece.
  private static func holds(_ descriptor: Int32, _ data: Data) -> Bool {
    let pieceSize = 64 * 1024
    let piece = UnsafeMutableRawBufferPointer.allocate(byteCount: pieceSize, alignment: 16)
    defer { piece.deallocate() }
    return data.withUnsafeBytes { (expected: UnsafeRawBufferPointer) -> Bool in
      var offset = 0
      while offset < expected.count {
        let count = read(descriptor, piece.baseAddress, min(pieceSize, expected.count - offset))
        if count < 0, errno == EINTR { continue }
        guard count > 0, let want = expected.baseAddress, let got = piece.baseAddress,
          memcmp(want + offset, got, count) == 0
        else { return false }
        offset += count
      }
      var extra: UInt8 = 0
      return read(descriptor, &extra, 1) == 0
    }
  }
}
