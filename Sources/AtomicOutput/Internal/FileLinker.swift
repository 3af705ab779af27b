import Foundation

/// Reuses a file of the previous output when a build would write the same bytes again: a hard
/// link costs no data blocks, and removing the previous output then frees none. On a disk that
/// discards freed blocks, writing and removing 10,000 unchanged files is most of a rebuild.
struct FileLinker {
  /// The previous output folder with every symbolic link resolved; nil when there is none.
  private let realRoot: String?
  private let root: String

  init(previousOutput root: String) {
    self.root = root
    realRoot = Self.realPath(root)
  }

  /// Links the previous output's `path` at `target` if it is a regular file of ours, inside the
  /// previous output (no symbolic link on the way), linked nowhere else, holding exactly `data`
  /// and not changed while it was read. The link is made to the very file that was read.
  ///
  /// - Returns: whether `target` now names that file; `false` leaves `target` absent.
  func linkIfSame(_ path: String, at target: String, _ data: Data) -> Bool {
    guard let realRoot else { return false }
    let source = root + "/" + path
    let descriptor = open(source, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    var before = stat()
    guard fstat(descriptor, &before) == 0, (before.st_mode & S_IFMT) == S_IFREG, before.st_nlink == 1,
      before.st_uid == geteuid(), Int(before.st_size) == data.count,
      // A folder on the way that is a symbolic link would make this someone else's file.
      Self.realPath(source) == realRoot + "/" + path,
      Self.holds(descriptor, data)
    else { return false }
    var after = stat()
    guard fstat(descriptor, &after) == 0, Self.unchanged(before, after) else { return false }
    return Self.link(descriptor, source: source, at: target, expected: before)
  }

  /// Links the open file itself where the system allows it (Linux: through /proc), so a path
  /// swapped since it was read can't be linked instead; elsewhere links the path and checks that
  /// it is still the same file.
  private static func link(_ descriptor: Int32, source: String, at target: String, expected: stat) -> Bool {
    #if os(Linux)
      if linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", AT_FDCWD, target, AT_SYMLINK_FOLLOW) == 0 { return true }
    #endif
    guard Foundation.link(source, target) == 0 else { return false }
    var linked = stat()
    guard lstat(target, &linked) == 0, linked.st_ino == expected.st_ino, linked.st_dev == expected.st_dev else {
      unlink(target)
      return false
    }
    return true
  }

  /// Whether nothing wrote to the file between two looks at it.
  private static func unchanged(_ a: stat, _ b: stat) -> Bool {
    #if os(Linux)
      a.st_ino == b.st_ino && a.st_size == b.st_size && a.st_mtim.tv_sec == b.st_mtim.tv_sec
        && a.st_mtim.tv_nsec == b.st_mtim.tv_nsec && a.st_ctim.tv_sec == b.st_ctim.tv_sec
        && a.st_ctim.tv_nsec == b.st_ctim.tv_nsec
    #else
      a.st_ino == b.st_ino && a.st_size == b.st_size && a.st_mtimespec.tv_sec == b.st_mtimespec.tv_sec
        && a.st_mtimespec.tv_nsec == b.st_mtimespec.tv_nsec
    #endif
  }

  private static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
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
