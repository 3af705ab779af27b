import Foundation
import Parallel

/// Removes a folder and everything in it as `rm -rf` does, with the system calls alone: each
/// folder opened by descriptor (`O_NOFOLLOW`), its entries read with their kind
/// (``FolderEntries``) and removed relative to it (`unlinkat`), so a symbolic link is removed
/// itself, never followed, and no path is built or resolved per file. The files of a large
/// folder, and the folders of a large tree, are removed on every core.
enum TreeRemoval {
  /// Removes the folder at `path`.
  ///
  /// - Returns: whether it is gone.
  @discardableResult static func remove(_ path: String) -> Bool {
    let parentPath = (path as NSString).deletingLastPathComponent
    let name = (path as NSString).lastPathComponent
    let parent = open(parentPath.isEmpty ? "." : parentPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard parent >= 0 else { return false }
    defer { close(parent) }
    return remove(name, in: parent)
  }

  /// Removes the folder `name` in the open folder `parent`, and everything in it.
  static func remove(_ name: String, in parent: Int32) -> Bool {
    let folder = FolderEntries.open(name, in: parent)
    guard folder >= 0 else {
      // Not a folder (or a link to one): removed as the entry it is.
      return unlinkat(parent, name, 0) == 0 || errno == ENOENT
    }
    emptyFolder(folder)
    close(folder)
    return unlinkat(parent, name, AT_REMOVEDIR) == 0
  }

  /// The files of a folder at least this large are unlinked on every core.
  private static let parallelFiles = 2048

  /// Removes everything in the open folder.
  private static func emptyFolder(_ folder: Int32) {
    var files = Names()
    var folders: [String] = []
    _ = FolderEntries.forEach(in: folder) { name, kind in
      if kind == .folder {
        folders.append(String(cString: name))
      } else {
        files.append(name)
      }
    }
    let fileRuns = files.count >= parallelFiles ? 8 : 1
    // Folders and runs of files are independent: one map over both.
    let tasks = (0..<fileRuns).map { Task.files($0, of: fileRuns) } + folders.map { Task.folder($0) }
    let work = { (task: Task) in
      switch task {
      case .files(let run, let runs):
        files.forEach(run: run, of: runs) { unlinkat(folder, $0, 0) }
      case .folder(let name):
        _ = remove(name, in: folder)
      }
    }
    if tasks.count > 1 {
      _ = ParallelMap.map(tasks, work)
    } else {
      tasks.forEach(work)
    }
  }

  private enum Task {
    case files(Int, of: Int)
    case folder(String)
  }

  /// Names kept in one buffer, each NUL-terminated: a folder of 20,000 files makes one
  /// allocation, not one a name.
  private struct Names {
    private var bytes: [CChar] = []
    private var starts: [Int] = []
    var count: Int { starts.count }

    mutating func append(_ name: UnsafePointer<CChar>) {
      starts.append(bytes.count)
      var index = 0
      while name[index] != 0 {
        bytes.append(name[index])
        index += 1
      }
      bytes.append(0)
    }

    /// Calls `body` with every `runs`-th name from the `run`-th, in one contiguous stretch.
    func forEach(run: Int, of runs: Int, _ body: (UnsafePointer<CChar>) -> Void) {
      let size = (count + runs - 1) / runs
      let range = min(count, run * size)..<min(count, (run + 1) * size)
      bytes.withUnsafeBufferPointer { buffer in
        for index in range { body(buffer.baseAddress! + starts[index]) }
      }
    }
  }
}
