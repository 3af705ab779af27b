import Foundation

/// What one `stat` says of a file that a rewrite changes: its device, inode, size, and
/// modification and change times (no tool sets a change time back). Two equal stamps are taken
/// as the same bytes, as git and make take them; a stamp taken in the clock tick the file
/// changed in is *racy* and never trusted (``TreeFingerprint``).
struct FileStamp: Hashable, Codable, Sendable {
  var device: UInt64
  var inode: UInt64
  var size: Int64
  var modified: Int64
  var modifiedNanoseconds: Int64
  var changed: Int64
  var changedNanoseconds: Int64
  /// Not compared: whether the file changed at or after the walk that took it began.
  var racy: Bool

  init(_ info: stat, racy: Bool) {
    device = UInt64(info.st_dev)
    inode = UInt64(info.st_ino)
    size = Int64(info.st_size)
    modified = Int64(info.st_mtim.tv_sec)
    modifiedNanoseconds = Int64(info.st_mtim.tv_nsec)
    changed = Int64(info.st_ctim.tv_sec)
    changedNanoseconds = Int64(info.st_ctim.tv_nsec)
    self.racy = racy
  }

  static func == (a: FileStamp, b: FileStamp) -> Bool {
    (a.device, a.inode, a.size) == (b.device, b.inode, b.size)
      && (a.modified, a.modifiedNanoseconds, a.changed, a.changedNanoseconds)
        == (b.modified, b.modifiedNanoseconds, b.changed, b.changedNanoseconds)
  }

  func hash(into hasher: inout Hasher) {
    hasher.combine(inode)
    hasher.combine(modifiedNanoseconds)
  }

  /// The stamp ``bytes`` gave; never racy.
  init?(_ bytes: ArraySlice<UInt8>) {
    guard bytes.count == Self.byteCount else { return nil }
    var fields: [Int64] = []
    var index = bytes.startIndex
    for _ in 0..<7 {
      fields.append(bytes[index..<index + 8].reversed().reduce(0) { $0 << 8 | Int64($1) })
      index += 8
    }
    device = UInt64(bitPattern: fields[0])
    inode = UInt64(bitPattern: fields[1])
    (size, modified, modifiedNanoseconds, changed, changedNanoseconds) = (fields[2], fields[3], fields[4], fields[5], fields[6])
    racy = false
  }

  /// The length of ``bytes``.
  static let byteCount = 56

  /// The fields compared, for a digest of several stamps.
  var bytes: [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(Self.byteCount)
    append(to: &out)
    return out
  }

  /// Appends ``bytes`` to `out`, with no array of its own: a show's key takes one per episode file.
  func append(to out: inout [UInt8]) {
    func put(_ field: Int64) { withUnsafeBytes(of: field.littleEndian) { out += $0 } }
    put(Int64(bitPattern: device))
    put(Int64(bitPattern: inode))
    put(size)
    put(modified)
    put(modifiedNanoseconds)
    put(changed)
    put(changedNanoseconds)
  }
}
