import Foundation

/// A folder under the system's temporary directory, removed when the value is released.
public final class TemporaryFolder: @unchecked Sendable {
  public let url: URL

  public init(_ name: String = "podium-test") throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  /// Writes a text file at a relative path, creating folders.
  @discardableResult
  public func write(_ path: String, _ text: String) throws -> URL {
    try write(path, Data(text.utf8))
  }

  @discardableResult
  public func write(_ path: String, _ data: Data) throws -> URL {
    let file = url.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: file)
    return file
  }

  /// Renames the entry at a relative path, within its folder, to a name given as bytes, which
  /// need not be UTF-8 (Foundation can't make such a name).
  public func rename(_ path: String, toName name: [UInt8]) throws {
    let from = url.appendingPathComponent(path)
    let to = Array(from.deletingLastPathComponent().path.utf8) + [UInt8(ascii: "/")] + name + [0]
    let status = to.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { Foundation.rename(from.path, $0.baseAddress!) }
    }
    guard status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: from.path]) }
  }

  public func read(_ path: String) throws -> Data { try Data(contentsOf: url.appendingPathComponent(path)) }

  public func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: url.appendingPathComponent(path).path) }

  /// Every file below a relative folder, relative to it, with its contents.
  public func snapshot(_ folder: String) throws -> [String: Data] {
    try Self.snapshot(of: url.appendingPathComponent(folder))
  }

  /// Every file below a folder, relative to it, with its contents.
  public static func snapshot(of root: URL) throws -> [String: Data] {
    guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
    else { return [:] }
    var files: [String: Data] = [:]
    let prefix = root.standardizedFileURL.path + "/"
    for case let file as URL in enumerator {
      guard (try file.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
      let path = file.standardizedFileURL.path
      files[path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path] = try Data(contentsOf: file)
    }
    return files
  }

  /// Every entry below a folder, folders included, relative to it, with its inode: a build that
  /// leaves a file or folder in place keeps it the same inode.
  public static func inodes(of root: URL) throws -> [String: UInt64] {
    var inodes: [String: UInt64] = [:]
    for path in try FileManager.default.subpathsOfDirectory(atPath: root.path) {
      var info = stat()
      guard lstat(root.appendingPathComponent(path).path, &info) == 0 else { continue }
      inodes[path] = UInt64(info.st_ino)
    }
    return inodes
  }
}
