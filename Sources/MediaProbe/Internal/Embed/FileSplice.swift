import Foundation

/// A file rewritten with one range of its bytes replaced, streamed into a new file beside it and
/// renamed over it (POSIX rename is atomic within a folder); on any failure the new file is removed
/// and the old one is left as it was.
///
/// The old file is opened once, without following a symbolic link and without waiting on a pipe,
/// and read only through that descriptor, so a name swapped after the check can't be read instead.
/// Just before the rename the open file and the name are looked at again: if the file grew,
/// shrank, was written or replaced meanwhile, the new file would lose those bytes, so nothing is
/// renamed. The new file gets the old one's owner, group and mode; when this user can't give it
/// that owner (not root, the file someone else's), it is refused rather than quietly changed.
enum FileSplice {
  /// Replace `range` of the source with `pieces`, in order.
  struct Edit {
    var range: Range<Int64>
    var pieces: [Piece]

    init(range: Range<Int64>, pieces: [Piece]) {
      self.range = range
      self.pieces = pieces
    }

    init(range: Range<Int64>, bytes: [UInt8]) { self.init(range: range, pieces: [.bytes(bytes)]) }
  }

  /// New bytes, or a range of the source copied as it is (kept tag frames), so a large kept part
  /// is never held in memory.
  enum Piece {
    case bytes([UInt8])
    case source(Range<Int64>)
  }

  /// The file being rewritten, open for reading.
  final class Source {
    let path: String
    let descriptor: Int32
    /// What `fstat` said when it was opened.
    let status: stat
    var size: Int64 { Int64(status.st_size) }

    init(path: String) throws(ChapterEmbedder.Refusal) {
      self.path = path
      // O_NONBLOCK: a pipe put in the file's place would otherwise block the open until a writer came.
      let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
      guard descriptor >= 0 else {
        let reason = errno == ELOOP
          ? "is a symbolic link; name the file itself, since the new file would replace the link"
          : "can't be opened (\(String(cString: strerror(errno))))"
        throw ChapterEmbedder.Refusal("'\(path)' \(reason)")
      }
      var info = stat()
      guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
        close(descriptor)
        throw ChapterEmbedder.Refusal("'\(path)' is not a plain file (a folder, a pipe or a device); name the media file itself")
      }
      // The swap replaces the file whatever its mode says; a file no one may write was made so on
      // purpose (root could, and a rename asks only the folder), so it is left alone.
      guard info.st_mode & 0o222 != 0 else {
        close(descriptor)
        throw ChapterEmbedder.Refusal("'\(path)' is read-only; make it writable (chmod u+w) if its chapters should be written into it")
      }
      _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
      self.descriptor = descriptor
      status = info
    }

    deinit { close(descriptor) }

    /// Up to `count` bytes at `offset` (fewer at the end of the file).
    func read(at offset: Int64, count: Int) throws(ChapterEmbedder.Refusal) -> [UInt8] {
      var bytes = [UInt8](repeating: 0, count: max(0, count))
      var done = 0
      while done < bytes.count {
        let read = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + done, $0.count - done, off_t(offset) + off_t(done)) }
        if read < 0, errno == EINTR { continue }
        guard read >= 0 else { throw ChapterEmbedder.Refusal("'\(path)' could not be read: \(String(cString: strerror(errno)))") }
        if read == 0 { break }
        done += read
      }
      return Array(bytes.prefix(done))
    }

    /// Whether the open file and the file the path names are still the one that was opened, with
    /// the same size and modification time: otherwise someone wrote to it, or replaced it.
    var unchanged: Bool {
      var opened = stat()
      var named = stat()
      guard fstat(descriptor, &opened) == 0, lstat(path, &named) == 0 else { return false }
      return [opened, named].allSatisfy { info in
        info.st_dev == status.st_dev && info.st_ino == status.st_ino && info.st_size == status.st_size
          && Self.modified(info) == Self.modified(status)
      }
    }

    private static func modified(_ info: stat) -> [Int] {
      #if os(Linux)
        [Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec)]
      #else
        [Int(info.st_mtimespec.tv_sec), Int(info.st_mtimespec.tv_nsec)]
      #endif
    }
  }

  /// Writes the new file and renames it over the source; `beforeSwap` runs between the two (tests
  /// change the source there, as another program could).
  static func apply(_ edit: Edit, to source: Source, beforeSwap: (() -> Void)? = nil) throws(ChapterEmbedder.Refusal) -> Int64 {
    let url = URL(fileURLWithPath: source.path)
    let folder = url.deletingLastPathComponent().path
    removeStaleTemporaries(of: url.lastPathComponent, in: folder)
    let temporary = "\(folder)/\(temporaryPrefix(url.lastPathComponent))\(getpid())-\(String(UInt64.random(in: 0...UInt64.max), radix: 16))"
    let output = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
    guard output >= 0 else {
      throw ChapterEmbedder.Refusal(
        "can't create a new file beside '\(source.path)' (\(String(cString: strerror(errno)))); is the folder writable?")
    }
    var renamed = false
    defer {
      close(output)
      if !renamed { unlink(temporary) }
    }
    var size: Int64 = 0
    try copy(source, 0..<edit.range.lowerBound, to: output, written: &size)
    for piece in edit.pieces {
      switch piece {
      case .bytes(let bytes): try append(bytes, to: output, written: &size, source: source)
      case .source(let range): try copy(source, range, to: output, written: &size)
      }
    }
    try copy(source, edit.range.upperBound..<source.size, to: output, written: &size)
    try keepOwnerAndMode(of: source, on: output)
    guard fsync(output) == 0 else {
      throw ChapterEmbedder.Refusal("writing the new '\(source.path)' failed (\(String(cString: strerror(errno))))")
    }
    beforeSwap?()
    guard source.unchanged else {
      throw ChapterEmbedder.Refusal(
        "'\(source.path)' changed while Podium rewrote it (another program wrote to it or replaced it); "
          + "try again when nothing else is writing it")
    }
    guard rename(temporary, source.path) == 0 else {
      throw ChapterEmbedder.Refusal("can't put the new file in place of '\(source.path)': \(String(cString: strerror(errno)))")
    }
    renamed = true
    // The rename itself reaches the disk only with the folder.
    let directory = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if directory >= 0 {
      fsync(directory)
      close(directory)
    }
    return size
  }

  /// `.NAME.podium-`: what a new file for NAME is called, followed by the writer's process ID and a
  /// random number (before, the process ID alone).
  static func temporaryPrefix(_ name: String) -> String { ".\(name).podium-" }

  /// Removes new files for `name` that an earlier run left when it was killed: only plain files of
  /// this user, named as this writer names them, whose process no longer runs. Another run's file
  /// that is still being written, and anything else, is left alone.
  static func removeStaleTemporaries(of name: String, in folder: String) {
    let prefix = temporaryPrefix(name)
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
    for entry in entries where entry.hasPrefix(prefix) {
      let parts = entry.dropFirst(prefix.count).split(separator: "-", omittingEmptySubsequences: false)
      guard parts.count == 1 || (parts.count == 2 && (1...16).contains(parts[1].count) && parts[1].allSatisfy({ $0.isASCII && $0.isHexDigit })),
        parts[0].allSatisfy({ $0.isASCII && $0.isNumber }), let pid = pid_t(parts[0]), pid > 0, pid != getpid(),
        kill(pid, 0) != 0, errno == ESRCH
      else { continue }
      var info = stat()
      let path = "\(folder)/\(entry)"
      guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_uid == geteuid() else { continue }
      unlink(path)
    }
  }

  /// Gives the new file the old one's owner, group and mode (in that order: changing the owner
  /// clears set-user-ID bits). A file this user can't give its owner to is refused, not changed.
  private static func keepOwnerAndMode(of source: Source, on output: Int32) throws(ChapterEmbedder.Refusal) {
    var made = stat()
    guard fstat(output, &made) == 0 else {
      throw ChapterEmbedder.Refusal("the new file beside '\(source.path)' can't be read back: \(String(cString: strerror(errno)))")
    }
    if made.st_uid != source.status.st_uid || made.st_gid != source.status.st_gid {
      guard fchown(output, source.status.st_uid, source.status.st_gid) == 0 else {
        throw ChapterEmbedder.Refusal(
          "'\(source.path)' belongs to user \(source.status.st_uid), group \(source.status.st_gid), and Podium, running as user "
            + "\(geteuid()), can't give the new file that owner; run podium as the file's owner")
      }
    }
    guard fchmod(output, source.status.st_mode & 0o7777) == 0 else {
      throw ChapterEmbedder.Refusal("can't give the new file the permissions of '\(source.path)': \(String(cString: strerror(errno)))")
    }
  }

  private static func append(_ bytes: [UInt8], to output: Int32, written: inout Int64, source: Source) throws(ChapterEmbedder.Refusal) {
    var done = 0
    while done < bytes.count {
      let count = bytes.withUnsafeBytes { write(output, $0.baseAddress! + done, $0.count - done) }
      if count < 0, errno == EINTR { continue }
      guard count > 0 else {
        throw ChapterEmbedder.Refusal(
          "writing the new '\(source.path)' failed (\(String(cString: strerror(errno))))")
      }
      done += count
    }
    written += Int64(bytes.count)
  }

  /// Copies a range of the source a megabyte at a time, so a long episode is never all in memory.
  private static func copy(_ source: Source, _ range: Range<Int64>, to output: Int32, written: inout Int64)
    throws(ChapterEmbedder.Refusal)
  {
    var offset = range.lowerBound
    while offset < range.upperBound {
      let chunk = try source.read(at: offset, count: Int(min(1 << 20, range.upperBound - offset)))
      guard !chunk.isEmpty else {
        throw ChapterEmbedder.Refusal("'\(source.path)' changed while Podium rewrote it (it is shorter now)")
      }
      try append(chunk, to: output, written: &written, source: source)
      offset += Int64(chunk.count)
    }
  }
}
