import Foundation

/// Reuses a file of the previous output when a build would write the same bytes again: a hard
/// link costs no data blocks, and removing the previous output then frees none. On a disk that
/// discards freed blocks, writing and removing 10,000 unchanged files is most of a rebuild.
///
/// Files are opened folder by folder from the previous output's root, each step refusing a
/// symbolic link (``FolderChain``), so no path can lead outside it, even one swapped while the
/// build runs; the link is made from the open file into the staging folder's open folder, so
/// neither side's path is resolved again per file.
final class FileLinker {
  /// The previous output's folders, and the staging folder's the links are made in.
  private let previous: FolderChain
  private let staging: FolderChain
  /// One buffer for every comparison.
  private let piece = UnsafeMutableRawBufferPointer.allocate(byteCount: FileLinker.pieceSize, alignment: 16)
  private static let pieceSize = 64 * 1024

  init(previousOutput root: String, staging: String) {
    // The root itself may be reached through a symbolic link: it is the folder the user named.
    previous = FolderChain(root: root)
    self.staging = FolderChain(root: staging)
  }

  deinit { piece.deallocate() }

  /// Links the previous output's `path` at the same path in the staging folder if it is a
  /// regular file of ours, inside the previous output (no symbolic link on the way), linked
  /// nowhere else, holding exactly `data` and not changed while it was read. The link is made to
  /// the very file that was read.
  ///
  /// - Returns: whether the staged `path` now names that file; `false` leaves it absent.
  func linkIfSame(_ path: String, _ data: Data) -> Bool {
    link(path, as: path, size: data.count) { holds($0, data) }
  }

  /// Links the previous output's `path` into the staging folder if it passes the same checks as
  /// for ``linkIfSame(_:_:)`` and still has `stamp`, without reading it: the file a build cache
  /// recorded when an earlier build wrote it.
  ///
  /// Nothing is read, so the file is not opened: its name is looked at and linked, and the link
  /// made is looked at again, which is the file with `stamp` or is removed (three calls a file
  /// instead of five; a rebuild links every unchanged chapters file this way).
  func linkIfStamped(_ path: String, _ stamp: OutputFileStamp) -> Bool {
    let (folderPath, name) = previous.split(path)
    let folder = previous.descriptor(folderPath)
    guard folder >= 0 else { return false }
    var info = stat()
    guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0, Self.ours(info), OutputFileStamp(info) == stamp
    else { return false }
    let (targetPath, targetName) = staging.split(path)
    let target = staging.descriptor(targetPath)
    guard target >= 0 else { return false }
    // The link is held to the same checks as the name: the name may have been given another
    // file since it was looked at, and a freed inode's number is soon given again, so the stamp
    // alone could take another user's file (ours and the old output's name: two links).
    return Self.linkName(name, in: folder, into: target, as: targetName) {
      Self.ours($0, links: 2) && OutputFileStamp($0) == stamp
    }
  }

  /// Whether the previous output's `path` is a regular file of ours, inside the previous output
  /// (no symbolic link on the way), linked nowhere else, with `stamp`: the file a build cache
  /// recorded, which a build that keeps its folder in place leaves where it is. One look at its
  /// name; nothing is linked or read.
  ///
  /// - Parameter previous: the previous output's folders (no linker is needed to look).
  static func isStamped(_ path: String, _ stamp: OutputFileStamp, in previous: FolderChain) -> Bool {
    previous.withName(path) { folder, name in
      var info = stat()
      return folder >= 0 && fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 && ours(info)
        && OutputFileStamp(info) == stamp
    }
  }

  /// Removes the staged `path` (a link this linker made).
  func unlinkStaged(_ path: String) {
    let (folder, name) = staging.split(path)
    _ = unlinkat(staging.descriptor(folder), name, 0)
  }

  /// Replaces the staged `path`, a file the caller has written, with the previous output's file
  /// at that path when that passes the same checks and holds the same bytes: the link is made
  /// beside it and then takes its name, so the staged file is always one or the other, whole.
  ///
  /// - Returns: whether the staged `path` now names the previous output's file.
  func replaceIfSame(_ path: String) -> Bool {
    let (folder, name) = staging.split(path)
    let stagedFolder = staging.descriptor(folder)
    guard stagedFolder >= 0 else { return false }
    let written = openat(stagedFolder, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
    guard written >= 0 else { return false }
    defer { close(written) }
    var status = stat()
    guard fstat(written, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return false }
    let temporary = path + ".reuse-\(UUID().uuidString)"
    guard link(path, as: temporary, size: Int(status.st_size), holds: { holds($0, sameAs: written) }) else { return false }
    let temporaryName = staging.split(temporary).name
    guard renameat(stagedFolder, temporaryName, stagedFolder, name) == 0 else {
      unlinkat(stagedFolder, temporaryName, 0)
      return false
    }
    return true
  }

  private func link(_ path: String, as stagedPath: String, size: Int, holds: (Int32) -> Bool) -> Bool {
    let (folderPath, name) = previous.split(path)
    let folder = previous.descriptor(folderPath)
    guard folder >= 0 else { return false }
    let descriptor = openat(folder, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    var before = stat()
    guard fstat(descriptor, &before) == 0, Self.ours(before), Int(before.st_size) == size, holds(descriptor)
    else { return false }
    var after = stat()
    guard fstat(descriptor, &after) == 0, Self.unchanged(before, after) else { return false }
    let (targetPath, targetName) = staging.split(stagedPath)
    let target = staging.descriptor(targetPath)
    guard target >= 0 else { return false }
    return Self.link(descriptor, folder: folder, name: name, into: target, as: targetName, expected: before)
  }

  /// Links the open file itself where the system allows it (Linux: by the descriptor, or
  /// through /proc), so a name swapped since it was read can't be linked instead; elsewhere
  /// links the name and checks that it is still the same file.
  private static func link(
    _ descriptor: Int32, folder: Int32, name: String, into target: Int32, as targetName: String, expected: stat
  ) -> Bool {
    #if os(Linux)
      // AT_EMPTY_PATH links the descriptor's own file; it needs a capability, or a recent
      // kernel, and /proc is the way without either.
      if linkat(descriptor, "", target, targetName, atEmptyPath) == 0 { return true }
      if errno != EEXIST, linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", target, targetName, AT_SYMLINK_FOLLOW) == 0 {
        return true
      }
    #endif
    return linkName(name, in: folder, into: target, as: targetName) {
      $0.st_ino == expected.st_ino && $0.st_dev == expected.st_dev
    }
  }

  /// Links `name` of `folder` as `targetName` in `target`, and keeps the link only when the file
  /// it names is `expected` (the name may have been given another file since it was looked at).
  private static func linkName(
    _ name: String, in folder: Int32, into target: Int32, as targetName: String, expected: (stat) -> Bool
  ) -> Bool {
    guard linkat(folder, name, target, targetName, 0) == 0 else { return false }
    var linked = stat()
    guard fstatat(target, targetName, &linked, AT_SYMLINK_NOFOLLOW) == 0, (linked.st_mode & S_IFMT) == S_IFREG,
      expected(linked)
    else {
      unlinkat(target, targetName, 0)
      return false
    }
    return true
  }

  /// Whether a file of the previous output may be linked: a regular file of ours, linked
  /// nowhere else (`links` names: the old output's, and the staged one once it is made).
  private static func ours(_ info: stat, links: Int = 1) -> Bool {
    (info.st_mode & S_IFMT) == S_IFREG && info.st_nlink == links && info.st_uid == geteuid()
  }

  #if os(Linux)
    /// Linux's `AT_EMPTY_PATH` (fcntl.h declares it only for `_GNU_SOURCE`).
    private static let atEmptyPath: Int32 = 0x1000
  #endif

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
