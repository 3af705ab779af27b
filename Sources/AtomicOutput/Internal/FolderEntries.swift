import Foundation

/// A folder's entries read from an open descriptor with `readdir`, each with the kind the
/// directory entry itself gives (`d_type`), so a walk of 200,000 files costs the `getdents` that
/// list them and no `stat` a file; a file system that gives no kind gets one `fstatat` for it.
/// Names are the entry's bytes, never a path: every step below a folder is taken relative to
/// its descriptor (`openat`, `unlinkat`), so no name is resolved through a symbolic link.
enum FolderEntries {
  /// Opens the folder `name` in the folder `parent` (`AT_FDCWD` with a path for the root),
  /// refusing a symbolic link at the last step; -1 when it can't be opened.
  static func open(_ name: UnsafePointer<CChar>, in parent: Int32, followingLink: Bool = false) -> Int32 {
    openat(parent, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC | (followingLink ? 0 : O_NOFOLLOW))
  }

  /// Calls `body` with each entry's name (NUL-terminated, without `.` and `..`) and kind, in the
  /// order the system lists them. The descriptor stays the caller's.
  ///
  /// - Returns: `false` when the folder can't be read.
  static func forEach(
    in descriptor: Int32, _ body: (UnsafePointer<CChar>, FolderListing.Kind) -> Void
  ) -> Bool {
    let own = dup(descriptor)
    guard own >= 0 else { return false }
    guard let directory = fdopendir(own) else {
      close(own)
      return false
    }
    defer { closedir(directory) }
    // fdopendir shares the offset with the descriptor it was given: start from the beginning.
    rewinddir(directory)
    while let entry = readdir(directory) {
      let type = entry.pointee.d_type
      withUnsafePointer(to: &entry.pointee.d_name) { tuple in
        tuple.withMemoryRebound(to: CChar.self, capacity: 256) { name in
          if name[0] == 0x2E, name[1] == 0 || (name[1] == 0x2E && name[2] == 0) { return }
          body(name, kind(type, name, in: descriptor))
        }
      }
    }
    return true
  }

  /// The kind `d_type` says, or what `fstatat` says when the file system did not say.
  private static func kind(_ type: UInt8, _ name: UnsafePointer<CChar>, in folder: Int32) -> FolderListing.Kind {
    switch Int32(type) {
    case Int32(DT_REG): return .file
    case Int32(DT_DIR): return .folder
    case Int32(DT_LNK): return .link
    case Int32(DT_UNKNOWN):
      var info = stat()
      guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return .other }
      switch info.st_mode & S_IFMT {
      case S_IFREG: return .file
      case S_IFDIR: return .folder
      case S_IFLNK: return .link
      default: return .other
      }
    default: return .other
    }
  }
}
