import Foundation

/// The stamps of the catalogue's files from the build's walk (``TreeFingerprint``), by the
/// folder at the catalogue's top they are in (a show's folder), each folder's let go of on its
/// own (``forget(_:)``): a network's shows are keyed one by one through the rendering, and a
/// show keyed asks for no stamp again, so that its folder's need not wait for the last show's.
///
/// A folder's files are two sorted arrays, names and stamps, looked up by binary search: a
/// dictionary of the whole catalogue's paths held some three times the bytes (docs/performance.md).
final class CatalogueStamps: @unchecked Sendable {
  /// One top folder's files: their paths inside it, sorted, with their stamps.
  final class Folder: Sendable {
    let names: [String]
    let stamps: [FileStamp]
    /// Where the episode files (Markdown files in the folder itself, not hidden) are in
    /// `names`, in name order.
    let episodes: [Int32]

    fileprivate init(_ files: [(name: String, stamp: FileStamp)]) {
      var files = files
      // The walk puts a folder's files right after its name ("media", "media/a.mp3",
      // "media-2.md"), which is not the order of their paths.
      if !zip(files, files.dropFirst()).allSatisfy({ $0.name < $1.name }) { files.sort { $0.name < $1.name } }
      let names = files.map(\.name)
      episodes = names.indices.compactMap { Self.isEpisode(names[$0]) ? Int32($0) : nil }
      self.names = names
      stamps = files.map(\.stamp)
    }

    /// A Markdown file directly in the folder that is not hidden: an episode file.
    static func isEpisode(_ name: String) -> Bool {
      // By bytes: a `String` argument would take Foundation's search (CFStringFind).
      !name.utf8.contains(0x2F) && name.hasSuffix(".md") && !name.hasPrefix(".")
    }

    /// The stamp of the file at `name`, a path inside the folder.
    func stamp(of name: String) -> FileStamp? {
      let at = Self.lowerBound(of: name, in: names.count) { names[$0] }
      return at < names.count && names[at] == name ? stamps[at] : nil
    }

    /// Where the episode file `name` is among the folder's episode files.
    func episodePlace(of name: String) -> Int? {
      let at = Self.lowerBound(of: name, in: episodes.count) { names[Int(episodes[$0])] }
      return at < episodes.count && names[Int(episodes[at])] == name ? at : nil
    }

    private static func lowerBound(of name: String, in count: Int, _ element: (Int) -> String) -> Int {
      var (low, high) = (0, count)
      while low < high {
        let middle = (low + high) / 2
        if element(middle) < name { low = middle + 1 } else { high = middle }
      }
      return low
    }
  }

  /// The files at the catalogue's top (podium.yaml), kept to the end.
  let top: Folder
  /// Every top folder's name, as the walk found it, whether or not let go of since.
  let folderNames: [String]
  private let lock = NSLock()
  private var folders: [String: Folder]

  /// - Parameter files: each file's path in the catalogue and stamp, as the walk found them
  ///   (a folder's files together).
  init(_ files: [(String, FileStamp)]) {
    var top: [(name: String, stamp: FileStamp)] = []
    var folders: [String: Folder] = [:]
    var names: [String] = []
    var run: [(name: String, stamp: FileStamp)] = []
    var current: Substring?
    func close() {
      if let current, !run.isEmpty { folders[String(current)] = Folder(run) }
      run.removeAll(keepingCapacity: true)
    }
    for (path, stamp) in files {
      guard let slash = path.utf8.firstIndex(of: 0x2F) else {
        top.append((path, stamp))
        continue
      }
      let folder = path[..<slash]
      if folder != current {
        close()
        current = folder
        // A folder's files are together in the walk: each name comes once.
        if folders[String(folder)] == nil { names.append(String(folder)) }
      }
      run.append((String(path[path.index(after: slash)...]), stamp))
    }
    close()
    (self.top, self.folders, folderNames) = (Folder(top), folders, names)
  }

  /// A top folder's files; `nil` once let go of, or when there is no such folder.
  func folder(_ name: String) -> Folder? { lock.withLock { folders[name] } }

  /// Lets go of a top folder's files.
  func forget(_ name: String) { _ = lock.withLock { folders.removeValue(forKey: name) } }

  /// Lets go of every folder's files.
  func forgetAll() { lock.withLock { folders = [:] } }
}
