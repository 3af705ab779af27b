import Foundation

/// A file rewritten with one range of its bytes replaced, streamed into a new file beside it and
/// renamed over it (POSIX rename is atomic within a folder); on any failure the new file is removed.
enum FileSplice {
  /// Replace `range` of the source with `bytes`.
  struct Edit {
    var range: Range<Int64>
    var bytes: [UInt8]
  }

  /// The file being rewritten, open for reading.
  final class Source {
    let path: String
    let handle: FileHandle
    let size: Int64

    init(path: String) throws(ChapterEmbedder.Refusal) {
      self.path = path
      var info = stat()
      // Not through a symbolic link: the rename would replace the link, not the file it names.
      guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, let handle = FileHandle(forReadingAtPath: path) else {
        throw ChapterEmbedder.Refusal("'\(path)' is not a plain file (a symbolic link, a folder or missing); name the file itself")
      }
      self.handle = handle
      size = Int64(info.st_size)
    }

    deinit { try? handle.close() }

    /// Up to `count` bytes at `offset` (fewer at the end of the file).
    func read(at offset: Int64, count: Int) throws(ChapterEmbedder.Refusal) -> [UInt8] {
      do {
        try handle.seek(toOffset: UInt64(offset))
        return [UInt8](try handle.read(upToCount: count) ?? Data())
      } catch {
        throw ChapterEmbedder.Refusal("'\(path)' could not be read: \(error.localizedDescription)")
      }
    }
  }

  static func write(_ edit: Edit, from source: Source) throws(ChapterEmbedder.Refusal) -> Int64 {
    let url = URL(fileURLWithPath: source.path)
    let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).podium-\(getpid())")
    var info = stat()
    _ = stat(source.path, &info)
    guard FileManager.default.createFile(atPath: temporary.path, contents: nil, attributes: [.posixPermissions: Int(info.st_mode & 0o777)]),
      let output = FileHandle(forWritingAtPath: temporary.path)
    else { throw ChapterEmbedder.Refusal("can't create a new file beside '\(source.path)'; is the folder writable?") }
    do {
      defer { try? output.close() }
      try copy(source, 0..<edit.range.lowerBound, to: output)
      try output.write(contentsOf: Data(edit.bytes))
      try copy(source, edit.range.upperBound..<source.size, to: output)
      try output.synchronize()
      let size = try output.offset()
      guard rename(temporary.path, source.path) == 0 else {
        throw ChapterEmbedder.Refusal("can't put the new file in place of '\(source.path)': \(String(cString: strerror(errno)))")
      }
      return Int64(size)
    } catch {
      unlink(temporary.path)
      if let refusal = error as? ChapterEmbedder.Refusal { throw refusal }
      throw ChapterEmbedder.Refusal("writing the new '\(source.path)' failed, and it was left as it was: \(error.localizedDescription)")
    }
  }

  /// Copies a range of the source a megabyte at a time, so a long episode is never all in memory.
  private static func copy(_ source: Source, _ range: Range<Int64>, to output: FileHandle) throws {
    var offset = range.lowerBound
    try source.handle.seek(toOffset: UInt64(offset))
    while offset < range.upperBound {
      let count = Int(min(1 << 20, range.upperBound - offset))
      guard let chunk = try source.handle.read(upToCount: count), !chunk.isEmpty else {
        throw ChapterEmbedder.Refusal("'\(source.path)' changed while it was rewritten")
      }
      try output.write(contentsOf: chunk)
      offset += Int64(chunk.count)
    }
  }
}
