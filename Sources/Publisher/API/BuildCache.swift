import Foundation

/// Where a build keeps what lets the next one skip work, and whose work it is. The cache is an
/// optimisation only: deleting it changes no output byte, and a cache that can't be read is
/// ignored with a `PUB-CACHE` note (docs/architecture.md, "The build cache").
///
/// It lives in a folder of its own beside the output folder (`.feeds.podium-cache` for `feeds`),
/// never inside it: the output is what gets published and committed.
public struct BuildCache: Sendable {
  /// The cache folder.
  public var folder: URL
  /// What identifies the Podium that builds: its version and its executable. A cache made by
  /// another Podium is not used.
  public var podiumIdentity: String

  public init(folder: URL, podiumIdentity: String) {
    self.folder = folder
    self.podiumIdentity = podiumIdentity
  }

  /// The cache beside an output folder, for the running executable.
  public static func beside(_ output: URL, version: String) -> BuildCache {
    let standard = output.standardizedFileURL
    let folder = standard.deletingLastPathComponent().appendingPathComponent(".\(standard.lastPathComponent).podium-cache")
    return BuildCache(folder: folder, podiumIdentity: "\(version) \(executableIdentity())")
  }

  /// The digests of local media (``DigestCache``): the integrity hashes every build writes and
  /// the SHA-256 `publish` compares. Unlike the build's state, any Podium may use them.
  public var digestsFile: URL { folder.appendingPathComponent("digests.json") }

  /// Makes the cache folder when there is none; false when it can't be made or the path is not a folder.
  func makeFolder() -> Bool {
    var info = stat()
    if lstat(folder.path, &info) != 0 { return mkdir(folder.path, 0o755) == 0 }
    return info.st_mode & S_IFMT == S_IFDIR
  }

  /// The running executable's inode, size and modification time: a rebuilt `podium` of the same
  /// version is another Podium to the cache.
  private static func executableIdentity() -> String {
    var info = stat()
    guard stat("/proc/self/exe", &info) == 0 else { return "unknown executable" }
    return "\(info.st_ino) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
  }
}
