import Foundation

/// Reuses a file of the previous output when a build would write the same bytes again: a hard
/// link costs no data blocks, and removing the previous output then frees none. On a disk that
/// discards freed blocks, writing and removing 10,000 unchanged files is most of a rebuild.
///
/// Files are opened folder by folder from the previous output's root, each step refusing a
/// symbolic link (`openat` with `O_NOFOLLOW`), so no path can lead outside it, even one
/// swapped while the build runs. Only the folders on the way to the last file are kept open:
/// paths come in sorted order, so a folder's files come together and each folder is opened
/// about once, while a video show's folder per episode never holds a descriptor per episode.
final class FileLinker {
  private let root: String
  /// The previous output's root folder; -1 when there is none.
  private let rootDescriptor: Int32
  /// The open folders from the root down to the last one used, by name; -1 for one that can't
  /// be used (then nothing below it is opened).
  private var chain: [(name: Substring, descriptor: Int32)] = []
  /// One buffer for every comparison.
  private let piece = UnsafeMutableRawBufferPointer.allocate(byteCount: FileLinker.pieceSize, alignment: 16)
  private static let pieceSize = 64 * 1024

  init(previousOutput root: String) {
    self.root = root
    // The root itself may be reached through a symbolic link: it is the folder the user named.
    rootDescriptor = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
  }

  deinit {
    for folder in chain where folder.descriptor >= 0 { close(folder.descriptor) }
    if rootDescriptor >= 0 { close(rootDescriptor) }
    piece.deallocate()
  }

  /// Links the previous output's `path` at `target` if it is a regular file of ours, inside the
  /// previous output (no symbolic link on the way), linked nowhere else, holding exactly `data`
  /// and not changed while it was read. The link is made to the very file that was read.
  ///
  /// - Returns: whether `target` now names that file; `false` leaves `target` absent.
  func linkIfSame(_ path: String, at target: String, _ data: Data) -> Bool {
    link(path, at: target, size: data.count) { holds($0, data) }
  }

  /// Links the previous output's `path` at `target` if it passes the same checks as for
  /// ``linkIfSame(_:at:_:)`` and still has `stamp`, without reading it: the file a build cache
  /// recorded when an earlier build wrote it.
  func linkIfStamped(_ path: String, at target: String, _ stamp: OutputFileStamp) -> Bool {
    link(path, at: target, size: Int(stamp.size)) { descriptor in
      var info = stat()
      return fstat(descriptor, &info) == 0 && OutputFileStamp(info) == stamp
    }
  }

  /// Replaces `target`, a file the caller has written, with the previous output's `path` when
  /// that passes the same checks and holds the same bytes: the link is made beside `target` and
  /// then takes its name, so `target` is always one file or the other, whole.
  ///
  /// - Returns: whether `target` now names the previous output's file.
  func replaceIfSame(_ path: String, writtenAt target: String) -> Bool {
    let written = open(target, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
    guard written >= 0 else { return false }
    defer { close(written) }
    var status = stat()
    guard fstat(written, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return false }
    let temporary = target + ".reuse-\(UUID().uuidString)"
    guard link(path, at: temporary, size: Int(status.st_size), holds: { holds($0, sameAs: written) }) else { return false }
    guard rename(temporary, target) == 0 else {
      unlink(temporary)
      return false
    }
    return true
  }

  private func link(_ path: String, at target: String, size: Int, holds: (Int32) -> Bool) -> Bool {
    let slash = path.lastIndex(of: "/")
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    let folder = folderDescriptor(slash.map { path[..<$0] } ?? "")
    guard folder >= 0 else { return false }
    let descriptor = openat(folder, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    var before = stat()
    guard fstat(descriptor, &before) == 0, (before.st_mode & S_IFMT) == S_IFREG, before.st_nlink == 1,
      before.st_uid == geteuid(), Int(before.st_size) == size, holds(descriptor)
    else { return false }
    var after = stat()
    guard fstat(descriptor, &after) == 0, Self.unchanged(before, after) else { return false }
    return Self.link(descriptor, folder: folder, name: name, at: target, expected: before)
  }

  /// The folder at `path` under the root, opened one component at a time without following a
  /// symbolic link.
  private func folderDescriptor(_ path: Substring) -> Int32 {
    guard rootDescriptor >= 0 else { return -1 }
    if path.isEmpty { return rootDescriptor }
    let names = path.split(separator: "/", omittingEmptySubsequences: false)
    // Keep the folders this one is in; close the others.
    var kept = 0
    while kept < min(chain.count, names.count), chain[kept].name == names[kept] { kept += 1 }
    while chain.count > kept {
      let folder = chain.removeLast()
      if folder.descriptor >= 0 { close(folder.descriptor) }
    }
    for name in names[kept...] {
      let parent = chain.last?.descriptor ?? rootDescriptor
      let descriptor = parent >= 0 ? openat(parent, String(name), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) : -1
      chain.append((name, descriptor))
    }
    return chain.last?.descriptor ?? rootDescriptor
  }

  /// Links the open file itself where the system allows it (Linux: through /proc), so a name
  /// swapped since it was read can't be linked instead; elsewhere links the name and checks that
  /// it is still the same file.
  private static func link(_ descriptor: Int32, folder: Int32, name: String, at target: String, expected: stat) -> Bool {
    #if os(Linux)
      if linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", AT_FDCWD, target, AT_SYMLINK_FOLLOW) == 0 { return true }
    #endif
    guard linkat(folder, name, AT_FDCWD, target, 0) == 0 else { return false }
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

  /// Whether the file's bytes are `data`, read a piece at a time so a changed file is
  /// usually told apart in its first piece.
  private func holds(_ descriptor: Int32, _ data: Data) -> Bool {
    data.withUnsafeBytes { (expected: UnsafeRawBufferPointer) -> Bool in
      var offset = 0
      while offset < expected.count {
        let count = read(descriptor, piece.baseAddress, min(Self.pieceSize, expected.count - offset))
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

  /// Whether the file's bytes are those of `other`, both read from where they are, a piece at
  /// a time.
  private func holds(_ descriptor: Int32, sameAs other: Int32) -> Bool {
    let theirs = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.pieceSize, alignment: 16)
    defer { theirs.deallocate() }
    guard let mine = piece.baseAddress, let base = theirs.baseAddress else { return false }
    while true {
      let count = read(other, base, Self.pieceSize)
      if count < 0, errno == EINTR { continue }
      guard count >= 0 else { return false }
      if count == 0 {
        var extra: UInt8 = 0
        return read(descriptor, &extra, 1) == 0
      }
      var offset = 0
      while offset < count {
        let got = read(descriptor, mine + offset, count - offset)
        if got < 0, errno == EINTR { continue }
        guard got > 0 else { return false }
        offset += got
      }
      guard memcmp(mine, base, count) == 0 else { return false }
    }
  }
}
