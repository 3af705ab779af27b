import AtomicOutput
import FeedWriter
import Foundation

/// A show's feed in the output folder as the last build wrote it, open for its unchanged items
/// to be copied into the new feed (``ItemRecords``). It is used only while it has the stamp the
/// show cache recorded (inode, size, modification time), and an item only when its bytes have
/// the checksum recorded with them: a feed edited behind Podium's back is rendered again, never
/// copied from.
final class PreviousFeed: @unchecked Sendable {
  private let descriptor: Int32
  private let stamp: OutputFileStamp
  let items: ItemRecords.Lookup

  /// Opens `path` in `output` (no symbolic link on the way) when it is a regular file with `stamp`.
  init?(output: URL, path: String, stamp: OutputFileStamp, items: ItemRecords.Lookup) {
    var folder = open(output.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    let names = path.split(separator: "/").map(String.init)
    guard folder >= 0, let name = names.last else { return nil }
    for component in names.dropLast() {
      let next = openat(folder, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
      close(folder)
      guard next >= 0 else { return nil }
      folder = next
    }
    let file = openat(folder, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
    close(folder)
    guard file >= 0 else { return nil }
    guard Self.stamp(of: file) == stamp else {
      close(file)
      return nil
    }
    descriptor = file
    self.stamp = stamp
    self.items = items
  }

  deinit { close(descriptor) }

  /// Whether the file still has the recorded stamp: asked once the copying is done.
  var isUnchanged: Bool { Self.stamp(of: descriptor) == stamp }

  private static func stamp(of descriptor: Int32) -> OutputFileStamp? {
    var info = stat()
    guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
    return OutputFileStamp(
      inode: UInt64(info.st_ino), size: Int64(info.st_size), modified: Int64(info.st_mtim.tv_sec),
      modifiedNanoseconds: Int64(info.st_mtim.tv_nsec))
  }

  /// The item of the entry numbered `number` (``ItemRecords/Lookup/matches(_:)``), as the old
  /// feed holds it, when its bytes are those recorded; with their checksum.
  func item(at number: Int) -> (item: PodcastFeedWriter.CopiedItem, checksum: UInt64)? {
    let entry = items.entry(at: number)
    guard let range = entry.bytes, range.count > 0, range.upperBound <= Int(stamp.size) else { return nil }
    var bytes = Data(count: range.count)
    let complete = bytes.withUnsafeMutableBytes { buffer -> Bool in
      CacheFile.read(into: buffer, from: descriptor, at: range.lowerBound) == range.count
        && CacheFile.checksum(UnsafeRawBufferPointer(buffer)) == entry.checksum
    }
    guard complete else { return nil }
    return (PodcastFeedWriter.CopiedItem(bytes: bytes, marks: entry.marks, removals: entry.removals), entry.checksum)
  }
}
