import Foundation

/// Writes one file so that readers see the old contents or the new, never a partial file.
public enum AtomicFile {
  /// - Parameter createOnly: fail if the file already exists, so `podium add` never overwrites.
  public static func write(_ data: Data, to url: URL, createOnly: Bool = false) throws {
    let fileManager = FileManager.default
    if createOnly, fileManager.fileExists(atPath: url.path) {
      throw OutputError(.io(path: url.path, detail: "already exists"))
    }
    do {
      try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try data.write(to: url, options: .atomic)
    } catch {
      throw OutputError(.io(path: url.path, detail: error.localizedDescription))
    }
  }
}
