import Foundation

/// Notices that a file of the catalogue changed by comparing each file's path, size and
/// modification time between polls: no inotify, so it works the same on every system and on
/// network folders. Hidden names (`.git`, an editor's swap files) are left out.
struct CatalogueWatcher {
  let root: URL

  func fingerprint() -> Int {
    var hasher = Hasher()
    let keys: [URLResourceKey] = [.contentModificationDateKey, .fileSizeKey, .isDirectoryKey]
    guard let walker = FileManager.default.enumerator(
      at: root, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles])
    else { return 0 }
    var entries: [(String, Int, Double)] = []
    for case let url as URL in walker {
      let values = try? url.resourceValues(forKeys: Set(keys))
      entries.append(
        (url.path, values?.fileSize ?? -1, values?.contentModificationDate?.timeIntervalSince1970 ?? 0))
    }
    for (path, size, modified) in entries.sorted(by: { $0.0 < $1.0 }) {
      hasher.combine(path)
      hasher.combine(size)
      hasher.combine(modified)
    }
    return hasher.finalize()
  }
}
