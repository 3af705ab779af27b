import FeedRules
import Foundation

/// The memos of the podcast feeds checked as they were written (``OutputRenderer``), kept in a
/// file until the show cache's records are made of them, after every feed is checked and the
/// record written: held in memory, a network's thousand memos were added to its build's peak
/// (docs/performance.md). The file is made in the staging folder and unlinked at once, so it
/// has no name: nothing of it is staged, committed or left behind, and it goes with its
/// descriptor.
final class MemoSpill: @unchecked Sendable {
  private let descriptor: Int32
  private let lock = NSLock()
  private var end = 0

  /// Where a memo's stored bytes are in the file.
  struct Place: Sendable {
    let offset: Int
    let count: Int
  }

  /// `nil` when no file can be made there: the memos are then held in memory.
  init?(in folder: URL) {
    var template = Array(folder.appendingPathComponent(".memos-XXXXXX").path.utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else { return nil }
    unlink(template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
    _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
    self.descriptor = descriptor
  }

  deinit { close(descriptor) }

  /// Writes `memo` into the file; `nil` when it can't be written whole (keep it in memory then).
  func keep(_ memo: FeedCheckMemo) -> Place? {
    memo.withStoredBytes { bytes in
      let offset = lock.withLock {
        defer { end += bytes.count }
        return end
      }
      var done = 0
      while done < bytes.count {
        let count = pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(offset + done))
        guard count > 0 else { return nil }
        done += count
      }
      return Place(offset: offset, count: bytes.count)
    }
  }

  /// The memo kept at `place`; `nil` when it can't be read back as one (the show's record then
  /// has none, and the next build parses that feed's items).
  func memo(at place: Place) -> FeedCheckMemo? {
    let bytes = [UInt8](unsafeUninitializedCapacity: place.count) { buffer, initialized in
      initialized = CacheFile.read(into: UnsafeMutableRawBufferPointer(buffer), from: descriptor, at: place.offset) ?? 0
    }
    return bytes.count == place.count ? FeedCheckMemo(stored: bytes) : nil
  }
}
