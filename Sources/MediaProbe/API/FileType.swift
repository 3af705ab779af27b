import Foundation

/// What a path names when it is not a regular file, in the words a message uses: `a folder`,
/// `a FIFO (named pipe)`. One list for the probe and the catalogue's reads, which both refuse
/// anything but a regular file.
public enum FileType {
  /// The kind of a file that is not a regular file, from its `st_mode`.
  public static func name(of mode: mode_t) -> String {
    switch mode & S_IFMT {
    case S_IFDIR: "a folder"
    case S_IFIFO: "a FIFO (named pipe)"
    case S_IFCHR: "a character device"
    case S_IFBLK: "a block device"
    case S_IFSOCK: "a socket"
    default: "not a regular file"
    }
  }
}
