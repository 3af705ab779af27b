import Foundation

/// The folders under one root on the way to the last file used, kept open, each opened from the
/// one above it without following a symbolic link (`openat` with `O_NOFOLLOW`), so no path leads
/// outside the root, even one swapped while a build runs. Paths come in sorted order, so a
/// folder's files come together: each folder is opened about once, the next file of the same
/// folder costs no system call to find it, and a video show's folder per episode never holds a
/// descriptor per episode.
final class FolderChain {
  /// The root, reached as the caller named it (through a link, if it is one); -1 when it can't be opened.
  private let root: Int32
  /// The open folders from the root down to the last one used, by name; -1 for one that can't
  /// be used (then nothing below it is opened).
  private var chain: [(name: Substring, descriptor: Int32)] = []
  /// The folder path the chain ends at.
  private var last: Substring = ""

  init(root: String) {
    self.root = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
  }

  deinit {
    for folder in chain where folder.descriptor >= 0 { close(folder.descriptor) }
    if root >= 0 { close(root) }
  }

  /// A path relative to the root, as its folder's path and its name.
  func split(_ path: String) -> (folder: Substring, name: String) {
    guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return ("", path) }
    return (path[..<slash], String(path[path.utf8.index(after: slash)...]))
  }

  /// Calls `body` with the open folder of `path` (relative to the root; -1 when it can't be
  /// opened) and the path's last name, NUL-terminated, read where the path holds it: a name
  /// looked at per file of 200,000 costs no string of its own.
  func withName<R>(_ path: String, _ body: (Int32, UnsafePointer<CChar>) -> R) -> R {
    path.withCString { base in
      guard let slash = strrchr(base, Int32(UInt8(ascii: "/"))) else { return body(descriptor(""), base) }
      let end = path.utf8.index(path.utf8.startIndex, offsetBy: base.distance(to: slash))
      return body(descriptor(path[..<end]), slash + 1)
    }
  }

  /// The folder at `path` under the root (`""`: the root); -1 when it can't be opened.
  func descriptor(_ path: Substring) -> Int32 {
    guard root >= 0 else { return -1 }
    if path.isEmpty { return root }
    if path == last, let end = chain.last { return end.descriptor }
    let names = path.split(separator: "/", omittingEmptySubsequences: false)
    // Keep the folders this one is in; close the others.
    var kept = 0
    while kept < min(chain.count, names.count), chain[kept].name == names[kept] { kept += 1 }
    while chain.count > kept {
      let folder = chain.removeLast()
      if folder.descriptor >= 0 { close(folder.descriptor) }
    }
    for name in names[kept...] {
      let parent = chain.last?.descriptor ?? root
      let descriptor = parent >= 0 ? openat(parent, String(name), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) : -1
      chain.append((name, descriptor))
    }
    last = path
    return chain.last?.descriptor ?? root
  }
}
