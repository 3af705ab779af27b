import Foundation

/// What identifies a file an output holds without reading it: its inode, size and modification
/// time. A build cache keeps it for each file it may reuse, and links the file from the old
/// output into the new one when it still has it (``Staging/link(_:)``); the change time is left
/// out, since linking a file changes it.
public struct OutputFileStamp: Hashable, Codable, Sendable {
  public var inode: UInt64
  public var size: Int64
  public var modified: Int64
  public var modifiedNanoseconds: Int64

  init(_ info: stat) {
    inode = UInt64(info.st_ino)
    size = Int64(info.st_size)
    #if os(Linux)
      modified = Int64(info.st_mtim.tv_sec)
      modifiedNanoseconds = Int64(info.st_mtim.tv_nsec)
    #else
      modified = Int64(info.st_mtimespec.tv_sec)
      modifiedNanoseconds = Int64(info.st_mtimespec.tv_nsec)
    #endif
  }

  public init(inode: UInt64, size: Int64, modified: Int64, modifiedNanoseconds: Int64) {
    self.inode = inode
    self.size = size
    self.modified = modified
    self.modifiedNanoseconds = modifiedNanoseconds
  }
}
