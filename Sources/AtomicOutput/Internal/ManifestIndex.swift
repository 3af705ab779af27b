import Foundation
import Parallel

/// The files an output's manifest lists (``OutputManifest``) and the folders that hold them: what
/// the ownership check (``OutputFolder/checkOwnership(legacyMarker:legacyOwns:)``) takes as Podium's.
///
/// A build looks at its output just before the swap and at the old output just after it, with
/// the same manifest: the first check may keep its index, with the manifest's bytes, for the
/// next, which takes it when its manifest has exactly those bytes. It is kept for one check
/// only, so no index of 200,000 paths stays in memory through a build.
final class ManifestIndex: Sendable {
  let files: Set<String>
  let folders: Set<String>

  private init(_ files: Set<String>) {
    self.files = files
    var folders: Set<String> = [""]
    // The folder of the file before: a folder's files come together, so most files are in it.
    var last: Substring = ""
    for file in files {
      guard let slash = file.utf8.lastIndex(of: UInt8(ascii: "/")) else { continue }
      if file[..<slash] == last { continue }
      last = file[..<slash]
      var path = last
      // A folder already in holds its own folders too.
      while folders.insert(String(path)).inserted, let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) {
        path = path[..<slash]
      }
    }
    self.folders = folders
  }

  /// The index of the manifest `data`; `nil` when it can't be read as one.
  ///
  /// - Parameter keeping: whether to keep it for the next call.
  static func of(_ data: Data, keeping: Bool) -> ManifestIndex? {
    let kept = self.kept.withLock { kept in
      defer { kept = nil }
      return kept.flatMap { $0.data == data ? $0.index : nil }
    }
    guard let index = kept ?? OutputManifest.decode(data).map(ManifestIndex.init) else { return nil }
    if keeping { self.kept.withLock { $0 = (data, index) } }
    return index
  }

  private static let kept = Locked<(data: Data, index: ManifestIndex)?>(nil)

  /// Whether the folder at `root` (a real path) holds nothing but the folders and regular files
  /// listed: read by descriptors, each folder below the root opened without following a link,
  /// entries told apart by the kind their directory entry gives. A link, a device, a name that
  /// is not UTF-8 or a folder that can't be read is not listed.
  ///
  /// - Returns: when it does, how many files each folder at the top holds, all the way down (a
  ///   show's folder: what a build keeps in place must hold no more than its record names).
  func listedFiles(_ root: String) -> [String: Int]? {
    let descriptor = FolderEntries.open(root, in: AT_FDCWD, followingLink: true)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    return walk(descriptor, prefix: "")?.folders
  }

  /// The files of a folder at least this large are looked up on every core.
  private static let parallelFiles = 4096

  /// The files below the folder, and below each of its folders by name; `nil` when it holds one
  /// not listed.
  private func walk(_ folder: Int32, prefix: String) -> (files: Int, folders: [String: Int])? {
    var files: [String] = []
    var subfolders: [(name: String, path: String)] = []
    var listed = true
    let read = FolderEntries.forEach(in: folder) { name, kind in
      guard listed else { return }
      guard let name = String(validatingCString: name) else {
        listed = false
        return
      }
      let path = prefix + name
      switch kind {
      case .file: files.append(path)
      case .folder where folders.contains(path): subfolders.append((name, path))
      default: listed = false
      }
    }
    guard read, listed else { return nil }
    let runs = files.count >= Self.parallelFiles ? 8 : 1
    let tasks = (0..<runs).map { Task.files($0, of: runs) } + subfolders.map { Task.folder(name: $0.name, path: $0.path) }
    let check = { [files] (task: Task) -> Int? in
      switch task {
      case .files(let run, let runs):
        let size = (files.count + runs - 1) / runs
        let part = files[min(files.count, run * size)..<min(files.count, (run + 1) * size)]
        return part.allSatisfy(self.files.contains) ? 0 : nil
      case .folder(let name, let path):
        let inner = FolderEntries.open(name, in: folder)
        guard inner >= 0 else { return nil }
        defer { close(inner) }
        return self.walk(inner, prefix: path + "/")?.files
      }
    }
    let counts = tasks.count > 1 ? ParallelMap.map(tasks, check) : tasks.map(check)
    var below: [String: Int] = [:]
    var total = files.count
    for (task, count) in zip(tasks, counts) {
      guard let count else { return nil }
      if case .folder(let name, _) = task { below[name] = count }
      total += count
    }
    return (total, below)
  }

  private enum Task {
    case files(Int, of: Int)
    case folder(name: String, path: String)
  }
}

/// A value behind a lock.
final class Locked<Value>: @unchecked Sendable {
  private var value: Value
  private let lock = NSLock()

  init(_ value: Value) { self.value = value }

  func withLock<R>(_ body: (inout Value) -> R) -> R { lock.withLock { body(&value) } }
}
